using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Core.Events;

/// <summary>Something that happened to content, which other parts of the portal react to.</summary>
public interface IContentEvent;

/// <summary>
/// Reacts to an event inside the unit of work that raised it, before it commits, so what it writes
/// to the database (member notices, mail in the outbox, the announcement to other instances)
/// commits or rolls back with the change.
/// </summary>
public interface IEventHandler<in TEvent> where TEvent : IContentEvent
{
    Task HandleAsync(TEvent contentEvent, CancellationToken cancellationToken);
}

/// <summary>
/// Reacts once the unit of work that raised the events has committed (cache eviction, the search
/// index, metrics), to all of that unit's events of its type at once, in the order they were
/// raised. Nothing runs for a unit that rolled back; a failure is logged and never undoes or
/// fails the committed change.
/// </summary>
public interface IAfterCommitHandler<TEvent> where TEvent : IContentEvent
{
    Task HandleAsync(IReadOnlyList<TEvent> events, CancellationToken cancellationToken);
}

/// <summary>Raises events: the two phases of handlers of the event's type, in the order they were registered.</summary>
public interface IEventPublisher
{
    /// <summary>
    /// Runs the <see cref="IEventHandler{TEvent}"/>s now and keeps the event for the
    /// <see cref="IAfterCommitHandler{TEvent}"/>s until the current <see cref="UnitOfWork"/> commits.
    /// </summary>
    Task PublishAsync<TEvent>(TEvent contentEvent, CancellationToken cancellationToken) where TEvent : IContentEvent;
}

internal sealed class EventPublisher(IServiceProvider services, UnitOfWork unitOfWork) : IEventPublisher
{
    public async Task PublishAsync<TEvent>(TEvent contentEvent, CancellationToken cancellationToken) where TEvent : IContentEvent
    {
        unitOfWork.EnsureOpen(typeof(TEvent));
        foreach (var handler in services.GetServices<IEventHandler<TEvent>>())
        {
            await handler.HandleAsync(contentEvent, cancellationToken);
        }
        unitOfWork.AfterCommit(contentEvent);
    }
}
