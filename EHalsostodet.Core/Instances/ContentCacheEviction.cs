using EHalsostodet.Core.Notifications;
using EHalsostodet.Core.Publishing;

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

/// <summary>Evicts this instance's caches when an item is published again or stops being public.</summary>
public sealed class LocalCacheEvictionHandler(ContentCacheEviction eviction) :
    INotificationHandler<ContentPublishedNotification>, INotificationHandler<ContentUnpublishedNotification>
{
    public Task HandleAsync(ContentPublishedNotification notification, CancellationToken cancellationToken)
    {
        eviction.Evict(notification.Item.Id);
        return Task.CompletedTask;
    }

    public Task HandleAsync(ContentUnpublishedNotification notification, CancellationToken cancellationToken)
    {
        eviction.Evict(notification.Item.Id);
        return Task.CompletedTask;
    }
}
