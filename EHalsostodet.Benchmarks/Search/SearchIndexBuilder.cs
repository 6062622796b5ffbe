using System.Diagnostics;
using EHalsostodet.Benchmarks.Infrastructure;
using EHalsostodet.Benchmarks.Measurement;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Search.Lucene;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Benchmarks.Search;

/// <summary>
/// Builds the Lucene index from the read model through the portal's own <see cref="SearchIndexSync.RebuildAsync"/>,
/// as `search rebuild` does, and times syncing single items as publishing does.
/// </summary>
internal sealed class SearchIndexBuilder(BenchmarkDatabase database)
{
    /// <returns>The wall time and the CPU time the build took.</returns>
    public async Task<(TimeSpan Wall, TimeSpan Processor)> BuildAsync(CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        var processorStart = Timing.ProcessorTime();
        var count = await database.RunAsync(s => s.GetRequiredService<SearchIndexSync>().RebuildAsync(null, cancellationToken));
        var elapsed = (Stopwatch.GetElapsedTime(start), Timing.ProcessorTime() - processorStart);

        var indexed = await database.RunAsync(s => s.GetRequiredService<SearchIndexSync>().CountAsync());
        if (indexed != count)
        {
            throw new InvalidOperationException($"The index holds {indexed} items, the read model {count}.");
        }
        return elapsed;
    }

    /// <summary>
    /// Times <see cref="SearchIndexSync.SyncAsync"/> for items already in the full index, as publishing a
    /// new version of a story does after its transaction commits: read the item, replace its document,
    /// and make it visible to the next search.
    /// </summary>
    public async Task<LatencySummary> ReindexAsync(int samples, CancellationToken cancellationToken)
    {
        var picked = await database.RunAsync(async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            var ids = await db.PublishedContent.AsNoTracking().OrderBy(p => p.FirstPublishedAt).Select(p => p.ItemId).ToListAsync(cancellationToken);
            var step = Math.Max(1, ids.Count / Math.Max(1, samples));
            return ids.Where((_, i) => i % step == 0).Take(samples).ToList();
        });
        var timings = new List<double>();
        foreach (var id in picked)
        {
            var (_, milliseconds) = await database.RunAsync(s => Timing.MeasureAsync(async () =>
            {
                await s.GetRequiredService<SearchIndexSync>().SyncAsync([id], cancellationToken);
                return true;
            }));
            timings.Add(milliseconds);
        }
        return LatencySummary.From(timings);
    }
}
