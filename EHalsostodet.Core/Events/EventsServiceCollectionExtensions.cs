using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EHalsostodet.Core.Events;

/// <summary>
/// The two verbs a feature registers its reactions to events with, in its own <c>Add…Services()</c>.
/// A handler of several events is one instance per scope (or whatever lifetime it was registered
/// with before), so what it remembers between them is shared.
/// </summary>
public static class EventsServiceCollectionExtensions
{
    public static IServiceCollection AddEvents(this IServiceCollection services)
    {
        services.AddScoped<UnitOfWork>();
        services.AddScoped<IEventPublisher, EventPublisher>();
        return services;
    }

    /// <summary><typeparamref name="THandler"/> reacts to <typeparamref name="TEvent"/> inside the unit of work, before it commits.</summary>
    public static IServiceCollection AddEventHandler<TEvent, THandler>(this IServiceCollection services)
        where TEvent : IContentEvent where THandler : class, IEventHandler<TEvent>
    {
        services.TryAddScoped<THandler>();
        services.AddScoped<IEventHandler<TEvent>>(s => s.GetRequiredService<THandler>());
        return services;
    }

    /// <summary><typeparamref name="THandler"/> reacts to <typeparamref name="TEvent"/> once the unit of work has committed.</summary>
    public static IServiceCollection AddAfterCommitHandler<TEvent, THandler>(this IServiceCollection services)
        where TEvent : IContentEvent where THandler : class, IAfterCommitHandler<TEvent>
    {
        services.TryAddScoped<THandler>();
        services.AddScoped<IAfterCommitHandler<TEvent>>(s => s.GetRequiredService<THandler>());
        return services;
    }
}
