using EHalsostodet.Core.Content;
using EHalsostodet.Core.Events;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Workflow;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Publishing;

/// <summary>
/// Makes a version live or takes an item off the public site, updating the read model and raising
/// the event in the same unit of work: followers and the other instances hear of it with the commit,
/// the search index and the caches after it.
/// </summary>
public sealed class ContentPublisher(
    PortalDbContext db, PublishedProjector projector, UnitOfWork unitOfWork, IEventPublisher events, TimeProvider clock)
{
    public async Task PublishAsync(ContentItem item, ContentVersion version, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var document = ContentDocumentSerializer.Deserialize(item.Type, version.DocumentJson);
        await InUnitOfWorkAsync(async () =>
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
            await events.PublishAsync(new ContentPublished(item, version, document, isFirstPublish, previousDocument), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
    }

    public async Task UnpublishAsync(ContentItem item, WorkflowState newState, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await InUnitOfWorkAsync(async () =>
        {
            item.PublishedVersionId = null;
            item.State = newState;
            item.UnpublishAt = null;
            item.UpdatedAt = now;
            item.ConcurrencyStamp = Guid.NewGuid();
            await projector.RemoveAsync(item.Id, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await events.PublishAsync(new ContentUnpublished(item), cancellationToken);
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

    private async Task InUnitOfWorkAsync(Func<Task> work, CancellationToken cancellationToken)
    {
        await using var unit = await unitOfWork.BeginAsync(cancellationToken);
        await work();
        await unit.CompleteAsync(cancellationToken);
    }
}
