using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EHalsostodet.Core.Instances;

/// <summary>
/// Evicts once more when the transaction that published or unpublished has committed. Handlers
/// run before the commit, so a request reading in between still sees the old content and could
/// put it back into a cache that was just emptied; the second eviction removes it.
/// </summary>
public sealed class EvictionAfterCommit(ContentCacheEviction eviction) : DbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbTransaction, ConcurrentQueue<Guid>> pending = new();

    public void Add(DbTransaction transaction, Guid itemId) => pending.GetOrCreateValue(transaction).Enqueue(itemId);

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => EvictPending(transaction);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        EvictPending(transaction);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => pending.Remove(transaction);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        pending.Remove(transaction);
        return Task.CompletedTask;
    }

    private void EvictPending(DbTransaction transaction)
    {
        if (pending.TryGetValue(transaction, out var items) && pending.Remove(transaction))
        {
            foreach (var itemId in items.Distinct())
            {
                eviction.Evict(itemId);
            }
        }
    }
}
