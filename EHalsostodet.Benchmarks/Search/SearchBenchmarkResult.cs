using EHalsostodet.Benchmarks.Measurement;
using EHalsostodet.Benchmarks.Search.Profiling;
using EHalsostodet.Benchmarks.Search.Queries;

namespace EHalsostodet.Benchmarks.Search;

/// <summary>The figures of one corpus size.</summary>
/// <param name="Generation">Generating the stories with Bogus.</param>
/// <param name="Storage">Writing items, versions and the read model.</param>
/// <param name="Indexed">Items the rebuild put in the index.</param>
/// <param name="DatabaseBytes">The SQLite file (the index is not in it).</param>
/// <param name="IndexAfterBuild">The index folder after the rebuild, once background merges settled.</param>
/// <param name="IndexAtEnd">The index folder after the syncs and the queries, settled.</param>
/// <param name="SyncOne">Syncing one item already in the full index, as publishing does.</param>
/// <param name="SyncOneProcessor">The CPU time of the syncing thread, of the syncs that stayed on one thread.</param>
/// <param name="Phases">Time and memory of each phase, in order: corpus, build, sync, engine queries, baseline queries.</param>
/// <param name="SlowestEngineQueries">The engine's slowest timed queries, slowest first.</param>
/// <param name="EngineQueriesRun">Queries the engine answered in its phase, the untimed warm-up included.</param>
public sealed record SearchBenchmarkResult(
    int Stories,
    TimeSpan Generation,
    TimeSpan Storage,
    int Indexed,
    long DatabaseBytes,
    IndexOnDisk IndexAfterBuild,
    IndexOnDisk IndexAtEnd,
    LatencySummary SyncOne,
    LatencySummary SyncOneProcessor,
    IReadOnlyList<QueryKindResult> Kinds,
    IReadOnlyList<TimedQuery> SlowestEngineQueries,
    int EngineQueriesRun,
    IReadOnlyList<PhaseFigures> Phases,
    RunEnvironment Environment,
    EngineProfile? Profile = null)
{
    public PhaseFigures Build => Phases.Single(p => p.Name == PhaseNames.Build);

    public PhaseFigures EngineQueries => Phases.Single(p => p.Name == PhaseNames.EngineQueries);

    /// <summary>Filling the Lucene index from the read model, wall time.</summary>
    public TimeSpan IndexBuild => Build.Wall;

    /// <summary>The CPU time of the index build, on all cores.</summary>
    public TimeSpan IndexBuildProcessor => Build.Processor;

    public double DocumentsPerSecond => Indexed / IndexBuild.TotalSeconds;

    /// <summary>The highest peak working set of any phase.</summary>
    public long PeakWorkingSetBytes => Phases.Max(p => p.PeakWorkingSet);

    /// <summary>The machine's one-minute load average when the queries were done.</summary>
    public string? LoadAverage => Phases[^1].LoadAverage;

    /// <summary>The whole process's CPU time per engine query, warm-up included.</summary>
    public double EngineProcessorMillisecondsPerQuery => EngineQueries.Processor.TotalMilliseconds / Math.Max(1, EngineQueriesRun);
}

/// <summary>The engine and the baseline on one kind of query.</summary>
public sealed record QueryKindResult(QueryKind Kind, KindFigures Engine, KindFigures Baseline)
{
    /// <summary>How many times longer the baseline's median query takes than the engine's.</summary>
    public double Ratio => Baseline.Latency.P50 / Engine.Latency.P50;

    /// <summary>The same by the searching thread's CPU time, which the machine's other load hardly changes.</summary>
    public double ProcessorRatio => Baseline.Processor.P50 / Engine.Processor.P50;
}

/// <summary>What the figures were measured with.</summary>
public sealed record RunEnvironment(string SqliteVersion, string LuceneVersion, bool ServerGarbageCollector);

public static class PhaseNames
{
    public const string Corpus = "generate and store the corpus";
    public const string Build = "index build (RebuildAsync)";
    public const string Sync = "sync items one by one (SyncAsync)";
    public const string EngineQueries = "queries: Lucene engine";
    public const string BaselineQueries = "queries: LIKE baseline";
}
