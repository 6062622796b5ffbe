using EHalsostodet.Core.Content;
using EHalsostodet.Core.Notifications;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Workflow;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Publishing;

/// <summary>
/// Makes a version live or takes an item off the public site, updating the read model and
/// notifying handlers (search index, caches, followers) in the same transaction.
/// </summary>
public sealed class ContentPublisher(
    PortalDbContext db, PublishedProjector projector, INotificationPublisher notifications, TimeProvider clock)
{
    public async Task PublishAsync(ContentItem item, ContentVersion version, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var document = ContentDocumentSerializer.Deserialize(item.Type, version.DocumentJson);
        await InTransactionAsync(async () =>
        {
            var isFirstPublish = item.PublishedVersionId is null;
            var previousDocument = await PublishedDocumentAsync(item, cancellationToken);
            item.PublishedVersionId = version.Id;
            // A scheduled version can go live under a newer draft, which keeps its own state.
            if (version.Id == item.LatestVersionId)
            {
                item.State = WorkflowState.Published;
            }
            item.PublishAt = null;
            item.ScheduledVersionId = null;
            item.UpdatedAt = now;
            item.ConcurrencyStamp = Guid.NewGuid();
            await projector.ProjectAsync(item, version, document, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await notifications.PublishAsync(new ContentPublishedNotification(item, version, document, isFirstPublish, previousDocument), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
    }

    public async Task UnpublishAsync(ContentItem item, WorkflowState newState, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await InTransactionAsync(async () =>
        {
            item.PublishedVersionId = null;
            item.State = newState;
            item.UnpublishAt = null;
            item.UpdatedAt = now;
            item.ConcurrencyStamp = Guid.NewGuid();
            await projector.RemoveAsync(item.Id, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await notifications.PublishAsync(new ContentUnpublishedNotification(item), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
    }

    private async Task<IContentDocument?> PublishedDocumentAsync(ContentItem item, CancellationToken cancellationToken)
    {
        if (item.PublishedVersionId is not { } publishedId)
        {
            return null;
        }
        var json = await db.ContentVersions.Where(v => v.Id == publishedId).Select(v => v.DocumentJson).FirstOrDefaultAsync(cancellationToken);
        return json is null ? null : ContentDocumentSerializer.Deserialize(item.Type, json);
    }

    private async Task InTransactionAsync(Func<Task> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            await work();
            return;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await work();
        await transaction.CommitAsync(cancellationToken);
    }
}
