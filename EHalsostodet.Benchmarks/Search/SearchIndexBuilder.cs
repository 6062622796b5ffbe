using EHalsostodet.Benchmarks.Infrastructure;
using EHalsostodet.Benchmarks.Measurement;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Search.Lucene;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Benchmarks.Search;

/// <summary>The index files as they lie on disk, and what the searcher sees.</summary>
/// <param name="FolderBytes">Every file under the index folder (<c>search/</c>: the public and the editorial index).</param>
/// <param name="PublicBytes">The public index's folder (<c>search/public</c>), the one the search page reads.</param>
/// <param name="Segments">The public index's segments as the current searcher sees them.</param>
/// <param name="DeletedDocuments">Replaced documents still in the segments until a merge removes them.</param>
/// <param name="SettledAfter">How long the folder took to stop changing (background merges and the commits after them).</param>
public sealed record IndexOnDisk(long FolderBytes, long PublicBytes, int Segments, int Documents, int DeletedDocuments, TimeSpan SettledAfter);

/// <summary>
/// Builds the Lucene index from the read model through the portal's own <see cref="SearchIndexSync.RebuildAsync"/>,
/// as `search rebuild` and a start on a missing index do, and times syncing single items as publishing does.
/// </summary>
internal sealed class SearchIndexBuilder(BenchmarkDatabase database)
{
    /// <returns>How many items the rebuild indexed.</returns>
    public Task<int> BuildAsync(CancellationToken cancellationToken) =>
        database.RunAsync(s => s.GetRequiredService<SearchIndexSync>().RebuildAsync(null, cancellationToken));

    /// <summary>Checks that the index holds as many items as the read model.</summary>
    public async Task VerifyAsync(CancellationToken cancellationToken)
    {
        var published = await database.RunAsync(s => s.GetRequiredService<PortalDbContext>().PublishedContent.CountAsync(cancellationToken));
        var indexed = await database.RunAsync(s => s.GetRequiredService<SearchIndexSync>().CountAsync());
        if (indexed != published)
        {
            throw new InvalidOperationException($"The index holds {indexed} items, the read model {published}.");
        }
    }

    /// <summary>
    /// The index once it has settled: Lucene merges segments in the background after a build and
    /// the portal commits every few seconds, and until then the folder holds both the merged
    /// segments and those merged away. Waits (up to a minute) until the folder's size has not
    /// changed for two seconds, then reopens the searcher so it sees the merged segments.
    /// </summary>
    public Task<IndexOnDisk> MeasureAsync(CancellationToken cancellationToken) => database.RunAsync(async s =>
    {
        var indexes = s.GetRequiredService<SearchIndexes>();
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        var last = -1L;
        var unchanged = 0;
        while (unchanged < 4 && System.Diagnostics.Stopwatch.GetElapsedTime(start) < TimeSpan.FromMinutes(1))
        {
            await Task.Delay(500, cancellationToken);
            var bytes = Timing.FolderBytes(indexes.Public.Folder);
            unchanged = bytes == last ? unchanged + 1 : 0;
            last = bytes;
        }
        var settled = System.Diagnostics.Stopwatch.GetElapsedTime(start) - TimeSpan.FromSeconds(2);
        indexes.Public.Refresh();
        var (segments, documents, deleted) = indexes.Public.Search(searcher =>
            (searcher.IndexReader.Leaves.Count, searcher.IndexReader.NumDocs, searcher.IndexReader.NumDeletedDocs));
        return new IndexOnDisk(Timing.FolderBytes(indexes.Folder), Timing.FolderBytes(indexes.Public.Folder), segments, documents, deleted,
            settled < TimeSpan.Zero ? TimeSpan.Zero : settled);
    });

    /// <summary>
    /// Times <see cref="SearchIndexSync.SyncAsync"/> for items already in the full index, one at a
    /// time, as publishing a new version of a story does after its transaction commits: read the
    /// item, analyse it and replace its document, and make the change visible to the next search.
    /// One sync of another item runs first, untimed.
    /// </summary>
    /// <returns>The wall times, and the CPU times of the syncs that ran on one thread.</returns>
    public async Task<(LatencySummary Wall, LatencySummary Processor)> SyncOneByOneAsync(int samples, CancellationToken cancellationToken)
    {
        if (samples == 0)
        {
            return (LatencySummary.From([]), LatencySummary.From([]));
        }
        var ids = await database.RunAsync(s => s.GetRequiredService<PortalDbContext>().PublishedContent.AsNoTracking()
            .OrderBy(p => p.FirstPublishedAt).Select(p => p.ItemId).ToListAsync(cancellationToken));
        var step = Math.Max(1, ids.Count / (samples + 1));
        var picked = ids.Where((_, i) => i % step == 0).Take(samples + 1).ToList();
        var timings = new List<double>();
        var processor = new List<double>();
        foreach (var (id, index) in picked.Select((id, i) => (id, i)))
        {
            var ((_, cpu), milliseconds) = await database.RunAsync(s => Timing.MeasureAsync(() => ThreadTime.MeasureAsync(async () =>
            {
                await s.GetRequiredService<SearchIndexSync>().SyncAsync([id], cancellationToken);
                return true;
            })));
            if (index > 0)
            {
                timings.Add(milliseconds);
                if (cpu is { } value)
                {
                    processor.Add(value);
                }
            }
        }
        return (LatencySummary.From(timings), LatencySummary.From(processor));
    }
}
