using EHalsostodet.Core.Persistence;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EHalsostodet.Core.Events;

/// <summary>
/// The database transaction a content change runs in, and the events it raised that wait for its
/// commit, like Umbraco's scope with its scoped notifications. Begun with <see cref="BeginAsync"/>;
/// a unit begun inside another joins it, and only the outermost commits. Events must be raised
/// inside a unit, so that no after-commit handler runs for a change that did not commit.
/// </summary>
public sealed class UnitOfWork(PortalDbContext db, IServiceProvider services, ILogger<UnitOfWork> logger)
{
    private readonly List<IAfterCommitBatch> batches = [];
    private IDbContextTransaction? transaction;

    public async Task<UnitOfWorkScope> BeginAsync(CancellationToken cancellationToken)
    {
        if (transaction is not null)
        {
            return new UnitOfWorkScope(null);
        }
        if (db.Database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException("A transaction was begun outside a unit of work; begin a unit of work instead, so its events run after its commit.");
        }
        transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        return new UnitOfWorkScope(this);
    }

    internal void EnsureOpen(Type eventType)
    {
        if (transaction is null)
        {
            throw new InvalidOperationException($"{eventType.Name} was raised outside a unit of work; begin one with {nameof(UnitOfWork)}.{nameof(BeginAsync)}.");
        }
    }

    internal void AfterCommit<TEvent>(TEvent contentEvent) where TEvent : IContentEvent
    {
        EnsureOpen(typeof(TEvent));
        var batch = batches.OfType<AfterCommitBatch<TEvent>>().FirstOrDefault();
        if (batch is null)
        {
            batch = new AfterCommitBatch<TEvent>();
            batches.Add(batch);
        }
        batch.Events.Add(contentEvent);
    }

    internal async Task CommitAsync(CancellationToken cancellationToken)
    {
        await transaction!.CommitAsync(cancellationToken);
        var committed = batches.ToList();
        await EndAsync();
        foreach (var batch in committed)
        {
            await batch.RunAsync(services, logger);
        }
    }

    /// <summary>Disposing a transaction that has not committed rolls it back; its events are forgotten.</summary>
    internal Task RollBackAsync() => EndAsync();

    private async Task EndAsync()
    {
        batches.Clear();
        if (Interlocked.Exchange(ref transaction, null) is { } ended)
        {
            await ended.DisposeAsync();
        }
    }

    private interface IAfterCommitBatch
    {
        Task RunAsync(IServiceProvider services, ILogger logger);
    }

    private sealed class AfterCommitBatch<TEvent> : IAfterCommitBatch where TEvent : IContentEvent
    {
        public List<TEvent> Events { get; } = [];

        public async Task RunAsync(IServiceProvider services, ILogger logger)
        {
            foreach (var handler in services.GetServices<IAfterCommitHandler<TEvent>>())
            {
                try
                {
                    // The change is committed: a handler is not cut off halfway because the request went away.
                    await handler.HandleAsync(Events, CancellationToken.None);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // What failed here catches up at the next change notice or start; the change stays committed.
                    logger.LogError(e, "{Handler} kunde inte följa {Event} efter att ändringen sparats.", handler.GetType().Name, typeof(TEvent).Name);
                }
            }
        }
    }
}

/// <summary>
/// One use of a <see cref="UnitOfWork"/>: <see cref="CompleteAsync"/> commits it (only the
/// outermost commits) and runs its after-commit handlers; disposed without that, it rolls back.
/// </summary>
public sealed class UnitOfWorkScope(UnitOfWork? outermost) : IAsyncDisposable
{
    private bool completed;

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (outermost is not null)
        {
            await outermost.CommitAsync(cancellationToken);
        }
        completed = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (outermost is not null && !completed)
        {
            await outermost.RollBackAsync();
        }
    }
}
