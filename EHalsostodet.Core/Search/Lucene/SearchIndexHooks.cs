using System.Threading.Channels;
using EHalsostodet.Core.Events;
using EHalsostodet.Core.Instances;
using EHalsostodet.Core.Publishing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EHalsostodet.Core.Search.Lucene;

/// <summary>
/// Publishing and unpublishing reach the public index once their unit of work has committed and
/// before the request answers: a search right after approval finds the item, one right after
/// unpublishing does not, and a rolled-back change never reaches the index.
/// </summary>
public sealed class LuceneSearchIndexer(SearchIndexSync sync) :
    ISearchIndexer, IAfterCommitHandler<ContentPublished>, IAfterCommitHandler<ContentUnpublished>
{
    public Task HandleAsync(IReadOnlyList<ContentPublished> events, CancellationToken cancellationToken) =>
        sync.SyncAsync(events.Select(e => e.Item.Id).ToList(), cancellationToken);

    public Task HandleAsync(IReadOnlyList<ContentUnpublished> events, CancellationToken cancellationToken) =>
        sync.SyncAsync(events.Select(e => e.Item.Id).ToList(), cancellationToken);

    public Task<int> CountAsync(CancellationToken cancellationToken) => sync.CountAsync();

    public Task<int> RebuildAsync(CancellationToken cancellationToken) => sync.RebuildAsync(null, cancellationToken);
}

/// <summary>
/// Follows content changes announced to this instance's caches, above all those made on other
/// instances (on PostgreSQL, through LISTEN/NOTIFY), and syncs the items in the background within
/// moments. A cleared cache (changes may have been missed) compares the whole index with the database.
/// </summary>
public sealed class SearchIndexFollower(SearchIndexSync sync, ILogger<SearchIndexFollower> logger) : BackgroundService, IContentCache
{
    private static readonly Guid Everything = Guid.Empty;
    private readonly Channel<Guid> changes = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    public void Evict(Guid itemId)
    {
        // The empty id announces a change to search tuning, not to an item.
        if (itemId != Everything)
        {
            changes.Writer.TryWrite(itemId);
        }
    }

    public void Clear() => changes.Writer.TryWrite(Everything);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await changes.Reader.WaitToReadAsync(stoppingToken))
            {
                var batch = new HashSet<Guid>();
                while (batch.Count < 1000 && changes.Reader.TryRead(out var itemId))
                {
                    batch.Add(itemId);
                }
                try
                {
                    if (batch.Remove(Everything))
                    {
                        await sync.CatchUpAsync(stoppingToken);
                    }
                    await sync.SyncAsync(batch, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
                {
                    logger.LogError(e, "Sökindexet kunde inte följa en ändring; det hämtar ikapp vid nästa ändring eller start.");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
