using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Core.Notifications;

/// <summary>Something that happened to content, which other parts of the portal react to.</summary>
public interface INotification;

/// <summary>
/// Reacts to one kind of notification. Handlers run inside the unit of work that raised the
/// notification, before it commits, so their database changes commit or roll back with it.
/// </summary>
public interface INotificationHandler<in TNotification> where TNotification : INotification
{
    Task HandleAsync(TNotification notification, CancellationToken cancellationToken);
}

/// <summary>Sends a notification to every registered handler of its type.</summary>
public interface INotificationPublisher
{
    Task PublishAsync<TNotification>(TNotification notification, CancellationToken cancellationToken)
        where TNotification : INotification;
}

internal sealed class NotificationPublisher(IServiceProvider services) : INotificationPublisher
{
    public async Task PublishAsync<TNotification>(TNotification notification, CancellationToken cancellationToken)
        where TNotification : INotification
    {
        foreach (var handler in services.GetServices<INotificationHandler<TNotification>>())
        {
            await handler.HandleAsync(notification, cancellationToken);
        }
    }
}
