using System.Reflection;
using System.Runtime;
using EHalsostodet.Benchmarks.Infrastructure;
using EHalsostodet.Benchmarks.Measurement;
using EHalsostodet.Benchmarks.Search.Corpus;
using EHalsostodet.Benchmarks.Search.Profiling;
using EHalsostodet.Benchmarks.Search.Queries;
using EHalsostodet.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Benchmarks.Search;

/// <summary>
/// One corpus size from start to end: a new database, the synthetic stories, the index build,
/// syncing single items, then the query mix against the engine and against the LIKE baseline;
/// each phase measured for time and memory.
/// </summary>
public sealed class SearchBenchmarkRunner(SearchBenchmarkOptions options, TextWriter progress)
{
    private const int BaselineWarmup = 5;

    public async Task<SearchBenchmarkResult> RunAsync(int storyCount, CancellationToken cancellationToken)
    {
        await using var database = options.DatabasePath is { } path
            ? await BenchmarkDatabase.CreateAtAsync(path, options.SeedFolder, cancellationToken)
            : await BenchmarkDatabase.CreateAsync(options.SeedFolder, cancellationToken);
        var counties = await database.RunAsync(s => s.GetRequiredService<PortalDbContext>().Municipalities
            .Select(m => m.County).Distinct().ToListAsync(cancellationToken));
        if (counties.Count == 0)
        {
            throw new InvalidOperationException($"No municipalities were imported; is the taxonomy in {options.SeedFolder}?");
        }
        var phases = new List<PhaseFigures>();

        var stored = await database.RunAsync(s => s.GetRequiredService<PortalDbContext>().ContentItems.CountAsync(cancellationToken));
        var (generation, storage) = (TimeSpan.Zero, TimeSpan.Zero);
        if (stored == 0)
        {
            await Progress($"{storyCount:N0} stories: generating and storing the corpus …");
            ((generation, storage), var corpus) = await MeasurePhaseAsync(PhaseNames.Corpus,
                () => new CorpusLoader(database, options.Seed, options.BatchSize).LoadAsync(storyCount, cancellationToken));
            phases.Add(corpus);
        }
        else if (stored == storyCount)
        {
            await Progress($"{storyCount:N0} stories: reusing the corpus in {options.DatabasePath} …");
        }
        else
        {
            throw new UsageException($"{options.DatabasePath} holds {stored:N0} items, not {storyCount:N0} stories: give --stories {stored} or a new file.");
        }
        var databaseBytes = await database.SizeInBytesAsync(cancellationToken);

        await Progress($"{storyCount:N0} stories: building the search index …");
        var builder = new SearchIndexBuilder(database);
        var (indexed, build) = await MeasurePhaseAsync(PhaseNames.Build, () => builder.BuildAsync(cancellationToken));
        phases.Add(build);
        var afterBuild = await builder.MeasureAsync(cancellationToken);
        await builder.VerifyAsync(cancellationToken);

        await Progress($"{storyCount:N0} stories: syncing {options.ReindexSamples} items one by one …");
        var ((syncOne, syncProcessor), sync) = await MeasurePhaseAsync(PhaseNames.Sync, () => builder.SyncOneByOneAsync(options.ReindexSamples, cancellationToken));
        phases.Add(sync);
        await builder.VerifyAsync(cancellationToken);

        var queries = QueryMix.Create(options.QueriesPerKind, options.Seed, counties);
        var timer = new QueryTimer(database, options.Warmup);
        // The LIKE scan is SQLite's native code: it needs no JIT warm-up, and at 100,000 stories five rounds of it would take half an hour.
        var baselineTimer = new QueryTimer(database, Math.Min(options.Warmup, BaselineWarmup));
        await Progress($"{storyCount:N0} stories: {queries.Count} queries against the engine …");
        var (engine, engineFigures) = await MeasurePhaseAsync(PhaseNames.EngineQueries, () => timer.RunAsync(new EngineSearch(options.PageSize), queries, cancellationToken));
        phases.Add(engineFigures);
        await Progress($"{storyCount:N0} stories: {queries.Count} queries against the LIKE baseline …");
        var (baseline, baselineFigures) = await MeasurePhaseAsync(PhaseNames.BaselineQueries, () => baselineTimer.RunAsync(new LikeScanBaseline(options.PageSize), queries, cancellationToken));
        phases.Add(baselineFigures);
        var atEnd = await builder.MeasureAsync(cancellationToken);

        EngineProfile? profile = null;
        if (options.ProfileRepetitions > 0)
        {
            await Progress($"{storyCount:N0} stories: profiling the engine ({options.ProfileRepetitions} repetitions of each query) …");
            profile = await new EngineProfiler(database, options.PageSize, options.ProfileRepetitions).RunAsync(queries, cancellationToken);
        }

        var kinds = Enum.GetValues<QueryKind>().Select(k => new QueryKindResult(k, engine.Kinds[k], baseline.Kinds[k])).ToList();
        var slowest = engine.Timed.OrderByDescending(t => t.Milliseconds).Take(5).ToList();
        var environment = new RunEnvironment(await database.SqliteVersionAsync(cancellationToken), LuceneVersion(), GCSettings.IsServerGC);
        return new SearchBenchmarkResult(storyCount, generation, storage, indexed, databaseBytes, afterBuild, atEnd, syncOne, syncProcessor, kinds, slowest, engine.QueriesRun, phases, environment, profile);
    }

    private static string LuceneVersion()
    {
        var version = typeof(Lucene.Net.Index.IndexWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?";
        // "4.8.0-beta00017 commit:[…]" or "…+hash": the version alone.
        return version.Split('+', ' ')[0];
    }

    private Task Progress(string message) => progress.WriteLineAsync(message);

    private Task<(T Result, PhaseFigures Figures)> MeasurePhaseAsync<T>(string name, Func<Task<T>> work) =>
        PhaseMeter.MeasureAsync(name, work, options.SettleHeapBetweenPhases);
}
