using System.Diagnostics;
using EHalsostodet.Benchmarks.Infrastructure;
using EHalsostodet.Benchmarks.Measurement;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Search;
using EHalsostodet.Core.Search.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Benchmarks.Search;

/// <summary>
/// Fills the FTS5 index from the read model through the real <see cref="SqliteSearchIndexer"/>,
/// one transaction per batch, as a rebuild does: read the row, extract the text, stem, insert.
/// </summary>
internal sealed class SearchIndexBuilder(BenchmarkDatabase database, int batchSize)
{
    /// <returns>The wall time and the CPU time the build took.</returns>
    public async Task<(TimeSpan Wall, TimeSpan Processor)> BuildAsync(CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        var processorStart = Timing.ProcessorTime();
        var (ids, municipalities) = await database.RunAsync(async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            var ids = await db.PublishedContent.AsNoTracking().OrderBy(p => p.FirstPublishedAt).Select(p => p.ItemId).ToListAsync(cancellationToken);
            var municipalities = await MunicipalityTextAsync(db, cancellationToken);
            return (ids, municipalities);
        });
        foreach (var batch in ids.Chunk(batchSize))
        {
            await database.RunAsync(s => IndexBatchAsync(s, batch, municipalities, cancellationToken));
        }
        var elapsed = (Stopwatch.GetElapsedTime(start), Timing.ProcessorTime() - processorStart);

        var indexed = await database.RunAsync(s => s.GetRequiredService<SqliteSearchIndexer>().CountAsync(cancellationToken));
        if (indexed != ids.Count)
        {
            throw new InvalidOperationException($"The index holds {indexed} items, the read model {ids.Count}.");
        }
        return elapsed;
    }

    /// <summary>
    /// Times <see cref="SqliteSearchIndexer.IndexAsync"/> for items already in the full index, as
    /// publishing a new version of a story does: it removes the old entry before adding the new.
    /// </summary>
    public async Task<LatencySummary> ReindexAsync(int samples, CancellationToken cancellationToken)
    {
        var (rows, municipalities) = await database.RunAsync(async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            var ids = await db.PublishedContent.AsNoTracking().OrderBy(p => p.FirstPublishedAt).Select(p => p.ItemId).ToListAsync(cancellationToken);
            var step = Math.Max(1, ids.Count / Math.Max(1, samples));
            var picked = ids.Where((_, i) => i % step == 0).Take(samples).ToList();
            var rows = await db.PublishedContent.AsNoTracking().Where(p => picked.Contains(p.ItemId)).ToListAsync(cancellationToken);
            return (rows, await MunicipalityTextAsync(db, cancellationToken));
        });
        var timings = new List<double>();
        foreach (var row in rows)
        {
            var document = SearchDocument.From(row.ItemId, ContentDocumentSerializer.Deserialize(row.Type, row.DocumentJson), Municipality(row.MunicipalityCode, municipalities));
            var (_, milliseconds) = await database.RunAsync(s => Timing.MeasureAsync(async () =>
            {
                var db = s.GetRequiredService<PortalDbContext>();
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await s.GetRequiredService<SqliteSearchIndexer>().IndexAsync(document, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return true;
            }));
            timings.Add(milliseconds);
        }
        return LatencySummary.From(timings);
    }

    private static async Task IndexBatchAsync(IServiceProvider services, Guid[] batch, Dictionary<string, string> municipalities, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var indexer = services.GetRequiredService<SqliteSearchIndexer>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rows = await db.PublishedContent.AsNoTracking().Where(p => batch.Contains(p.ItemId)).ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            var document = ContentDocumentSerializer.Deserialize(row.Type, row.DocumentJson);
            await indexer.AddAsync(SearchDocument.From(row.ItemId, document, Municipality(row.MunicipalityCode, municipalities)), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The municipality text the indexer adds to a story: name and county, as in <see cref="SqliteSearchIndexer"/>.</summary>
    private static Task<Dictionary<string, string>> MunicipalityTextAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        db.Municipalities.AsNoTracking().ToDictionaryAsync(m => m.Code, m => m.Name + " " + m.County, cancellationToken);

    private static string? Municipality(string? code, Dictionary<string, string> municipalities) =>
        code is null ? null : municipalities.GetValueOrDefault(code);
}
