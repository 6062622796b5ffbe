using EHalsostodet.Core.Events;
using EHalsostodet.Core.Media;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Core.Workflow;

namespace EHalsostodet.Core.Instances;

/// <summary>The one entry point that evicts this instance's caches for a changed item.</summary>
public sealed class ContentCacheEviction(IEnumerable<IContentCache> caches)
{
    public void Evict(Guid itemId)
    {
        foreach (var cache in caches)
        {
            cache.Evict(itemId);
        }
    }

    public void Clear()
    {
        foreach (var cache in caches)
        {
            cache.Clear();
        }
    }
}

/// <summary>
/// Evicts this instance's caches once a change has committed: an item published again, no longer
/// public or marked as reviewed, and the items that show a changed image. Not before the commit,
/// since a request reading in between would still see the old content and keep it.
/// </summary>
public sealed class LocalCacheEvictionHandler(ContentCacheEviction eviction) :
    IAfterCommitHandler<ContentPublished>, IAfterCommitHandler<ContentUnpublished>,
    IAfterCommitHandler<ContentReviewed>, IAfterCommitHandler<MediaChanged>
{
    public Task HandleAsync(IReadOnlyList<ContentPublished> events, CancellationToken cancellationToken) => Evict(events.Select(e => e.Item.Id));

    public Task HandleAsync(IReadOnlyList<ContentUnpublished> events, CancellationToken cancellationToken) => Evict(events.Select(e => e.Item.Id));

    public Task HandleAsync(IReadOnlyList<ContentReviewed> events, CancellationToken cancellationToken) => Evict(events.Select(e => e.Item.Id));

    public Task HandleAsync(IReadOnlyList<MediaChanged> events, CancellationToken cancellationToken) => Evict(events.SelectMany(e => e.UsedBy));

    private Task Evict(IEnumerable<Guid> itemIds)
    {
        foreach (var itemId in itemIds.Distinct())
        {
            eviction.Evict(itemId);
        }
        return Task.CompletedTask;
    }
}
