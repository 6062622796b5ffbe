using EHalsostodet.Core.Notifications;
using EHalsostodet.Core.Publishing;

namespace EHalsostodet.Core.Operations;

/// <summary>Counts publishing and unpublishing in <see cref="PortalMetrics"/>.</summary>
public sealed class PublishingMetricsHandler(PortalMetrics metrics) :
    INotificationHandler<ContentPublishedNotification>, INotificationHandler<ContentUnpublishedNotification>
{
    public Task HandleAsync(ContentPublishedNotification notification, CancellationToken cancellationToken)
    {
        metrics.Published(notification.Item.Type, notification.IsFirstPublish);
        return Task.CompletedTask;
    }

    public Task HandleAsync(ContentUnpublishedNotification notification, CancellationToken cancellationToken)
    {
        metrics.Unpublished(notification.Item.Type);
        return Task.CompletedTask;
    }
}
