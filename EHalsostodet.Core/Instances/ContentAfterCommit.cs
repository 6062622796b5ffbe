using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace EHalsostodet.Core.Instances;

/// <summary>Something done for the items a transaction published or unpublished, once it has committed.</summary>
public interface IAfterContentCommit
{
    Task CommittedAsync(IReadOnlyCollection<Guid> itemIds, CancellationToken cancellationToken);
}

/// <summary>
/// The items a publishing transaction changed, handed to every <see cref="IAfterContentCommit"/>
/// when it has committed (CommitAsync waits for them), and forgotten when it rolls back.
/// Notification handlers run before the commit; what must see the committed state (the search
/// index reading the database, caches that a request reading in between may have refilled)
/// runs here.
/// </summary>
public sealed class ContentAfterCommit(IEnumerable<IAfterContentCommit> handlers, ILogger<ContentAfterCommit> logger) : DbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbTransaction, ConcurrentDictionary<Guid, bool>> pending = new();

    public void Add(DbTransaction transaction, Guid itemId) => pending.GetOrCreateValue(transaction).TryAdd(itemId, true);

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        TransactionCommittedAsync(transaction, eventData).GetAwaiter().GetResult();

    public override async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!pending.TryGetValue(transaction, out var items) || !pending.Remove(transaction))
        {
            return;
        }
        var itemIds = items.Keys.ToList();
        foreach (var handler in handlers)
        {
            try
            {
                await handler.CommittedAsync(itemIds, CancellationToken.None);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The change is committed; what failed here catches up at the next change notice or start.
                logger.LogError(e, "{Handler} kunde inte följa en publicering.", handler.GetType().Name);
            }
        }
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => pending.Remove(transaction);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        pending.Remove(transaction);
        return Task.CompletedTask;
    }
}
