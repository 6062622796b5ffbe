using EHalsostodet.Core.Notifications;
using EHalsostodet.Core.Publishing;

namespace EHalsostodet.Core.Search;

/// <summary>
/// Keeps the index of published content in step with publishing: the publish and unpublish
/// notifications reach it inside the publishing transaction, and the index follows when that
/// commits, so a search right after approval finds the item.
/// </summary>
public interface ISearchIndexer :
    INotificationHandler<ContentPublishedNotification>, INotificationHandler<ContentUnpublishedNotification>
{
    /// <summary>How many items the index holds.</summary>
    Task<int> CountAsync(CancellationToken cancellationToken);

    /// <summary>Empties the index and fills it again from the published read model.</summary>
    Task<int> RebuildAsync(CancellationToken cancellationToken);
}
