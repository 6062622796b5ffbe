using EHalsostodet.Core.Notifications;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Publishing;
using Microsoft.EntityFrameworkCore.Storage;

namespace EHalsostodet.Core.Instances;

/// <summary>
/// The one entry point that evicts this instance's caches for a changed item; once more after the
/// publishing transaction has committed, since a request reading in between still saw the old
/// content and may have kept it.
/// </summary>
public sealed class ContentCacheEviction(IEnumerable<IContentCache> caches) : IAfterContentCommit
{
    public Task CommittedAsync(IReadOnlyCollection<Guid> itemIds, CancellationToken cancellationToken)
    {
        foreach (var itemId in itemIds)
        {
            Evict(itemId);
        }
        return Task.CompletedTask;
    }

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
/// Evicts this instance's caches when an item is published again, stops being public or is marked as reviewed: at once,
/// and again when the transaction has committed (<see cref="ContentAfterCommit"/>).
/// </summary>
public sealed class LocalCacheEvictionHandler(ContentCacheEviction eviction, ContentAfterCommit afterCommit, PortalDbContext db) :
    INotificationHandler<ContentPublishedNotification>, INotificationHandler<ContentUnpublishedNotification>,
    INotificationHandler<Workflow.ContentReviewedNotification>, INotificationHandler<Media.MediaChangedNotification>
{
    public Task HandleAsync(ContentPublishedNotification notification, CancellationToken cancellationToken) => EvictAsync(notification.Item.Id);

    public Task HandleAsync(ContentUnpublishedNotification notification, CancellationToken cancellationToken) => EvictAsync(notification.Item.Id);

    public Task HandleAsync(Workflow.ContentReviewedNotification notification, CancellationToken cancellationToken) => EvictAsync(notification.Item.Id);

    public async Task HandleAsync(Media.MediaChangedNotification notification, CancellationToken cancellationToken)
    {
        foreach (var itemId in notification.UsedBy)
        {
            await EvictAsync(itemId);
        }
    }

    private Task EvictAsync(Guid itemId)
    {
        eviction.Evict(itemId);
        if (db.Database.CurrentTransaction is { } transaction)
        {
            afterCommit.Add(transaction.GetDbTransaction(), itemId);
        }
        return Task.CompletedTask;
    }
}
