using EHalsostodet.Core.Notifications;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Publishing;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Instances;

/// <summary>The PostgreSQL channel on which instances tell each other which item changed.</summary>
public static class PostgresContentChannel
{
    public const string Name = "ehalsostodet_content";
}

/// <summary>
/// Announces a published or unpublished item to every instance with NOTIFY. It runs inside the
/// publishing transaction, and PostgreSQL delivers the notification only when that commits, so
/// no instance evicts for a change that was rolled back or reloads before the change is visible.
/// </summary>
public sealed class PostgresContentChangeAnnouncer(PortalDbContext db) :
    INotificationHandler<ContentPublishedNotification>, INotificationHandler<ContentUnpublishedNotification>,
    INotificationHandler<Workflow.ContentReviewedNotification>, INotificationHandler<Media.MediaChangedNotification>
{
    public Task HandleAsync(ContentPublishedNotification notification, CancellationToken cancellationToken) =>
        AnnounceAsync(notification.Item.Id, cancellationToken);

    public Task HandleAsync(ContentUnpublishedNotification notification, CancellationToken cancellationToken) =>
        AnnounceAsync(notification.Item.Id, cancellationToken);

    /// <summary>The public page's "Senast granskad" changed.</summary>
    public Task HandleAsync(Workflow.ContentReviewedNotification notification, CancellationToken cancellationToken) =>
        AnnounceAsync(notification.Item.Id, cancellationToken);

    /// <summary>The pages that show the image changed with its alt text or crops.</summary>
    public async Task HandleAsync(Media.MediaChangedNotification notification, CancellationToken cancellationToken)
    {
        foreach (var itemId in notification.UsedBy)
        {
            await AnnounceAsync(itemId, cancellationToken);
        }
    }

    private async Task AnnounceAsync(Guid itemId, CancellationToken cancellationToken)
    {
        var payload = itemId.ToString("D");
        await db.Database.ExecuteSqlAsync($"SELECT pg_notify({PostgresContentChannel.Name}, {payload})", cancellationToken);
    }
}
