using EHalsostodet.Benchmarks.Infrastructure;
using EHalsostodet.Benchmarks.Measurement;
using EHalsostodet.Benchmarks.Search.Corpus;
using EHalsostodet.Benchmarks.Search.Queries;
using EHalsostodet.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Benchmarks.Search;

/// <summary>
/// One corpus size from start to end: a new database, the synthetic stories, the index build,
/// then the query mix against the engine and against the LIKE baseline.
/// </summary>
public sealed class SearchBenchmarkRunner(SearchBenchmarkOptions options, TextWriter progress)
{
    public async Task<SearchBenchmarkResult> RunAsync(int storyCount, CancellationToken cancellationToken)
    {
        await using var database = await BenchmarkDatabase.CreateAsync(options.SeedFolder, cancellationToken);
        var counties = await database.RunAsync(s => s.GetRequiredService<PortalDbContext>().Municipalities
            .Select(m => m.County).Distinct().ToListAsync(cancellationToken));
        if (counties.Count == 0)
        {
            throw new InvalidOperationException($"No municipalities were imported; is the taxonomy in {options.SeedFolder}?");
        }

        await Progress($"{storyCount:N0} stories: generating and storing the corpus …");
        var (generation, storage) = await new CorpusLoader(database, options.Seed, options.BatchSize).LoadAsync(storyCount, cancellationToken);

        var withoutIndexBytes = await database.SizeInBytesAsync(cancellationToken);
        await Progress($"{storyCount:N0} stories: building the search index …");
        var builder = new SearchIndexBuilder(database);
        var (indexBuild, indexBuildProcessor) = await builder.BuildAsync(cancellationToken);
        var databaseBytes = await database.SizeInBytesAsync(cancellationToken);
        var reindex = await builder.ReindexAsync(options.ReindexSamples, cancellationToken);

        var queries = QueryMix.Create(options.QueriesPerKind, options.Seed, counties);
        var timer = new QueryTimer(database, options.WarmupPerKind);
        await Progress($"{storyCount:N0} stories: {queries.Count} queries against the engine …");
        var engine = await timer.RunAsync(new EngineSearch(options.PageSize), queries, cancellationToken);
        await Progress($"{storyCount:N0} stories: {queries.Count} queries against the LIKE baseline …");
        var baseline = await timer.RunAsync(new LikeScanBaseline(options.PageSize), queries, cancellationToken);

        var kinds = Enum.GetValues<QueryKind>().Select(k => new QueryKindResult(k, engine[k], baseline[k])).ToList();
        return new SearchBenchmarkResult(storyCount, generation, storage, indexBuild, indexBuildProcessor, databaseBytes, databaseBytes - withoutIndexBytes, reindex, kinds,
            Timing.PeakWorkingSetBytes(), Timing.LoadAverage(), await database.SqliteVersionAsync(cancellationToken));
    }

    private Task Progress(string message) => progress.WriteLineAsync(message);
}
