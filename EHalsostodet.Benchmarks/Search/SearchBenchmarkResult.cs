using EHalsostodet.Benchmarks.Measurement;
using EHalsostodet.Benchmarks.Search.Queries;

namespace EHalsostodet.Benchmarks.Search;

/// <summary>The figures of one corpus size.</summary>
/// <param name="Generation">Generating the stories with Bogus.</param>
/// <param name="Storage">Writing items, versions and the read model.</param>
/// <param name="IndexBuild">Filling the FTS5 index from the read model.</param>
/// <param name="IndexBuildProcessor">The CPU time of the index build, on all cores.</param>
/// <param name="IndexBytes">How much the file grew when the FTS5 index was built.</param>
/// <param name="Reindex">Re-indexing one item already in the full index.</param>
/// <param name="LoadAverage">The machine's one-minute load average when the queries were done.</param>
public sealed record SearchBenchmarkResult(
    int Stories,
    TimeSpan Generation,
    TimeSpan Storage,
    TimeSpan IndexBuild,
    TimeSpan IndexBuildProcessor,
    long DatabaseBytes,
    long IndexBytes,
    LatencySummary Reindex,
    IReadOnlyList<QueryKindResult> Kinds,
    long PeakWorkingSetBytes,
    string? LoadAverage,
    string SqliteVersion)
{
    public double DocumentsPerSecond => Stories / IndexBuild.TotalSeconds;
}

/// <summary>The engine and the baseline on one kind of query.</summary>
public sealed record QueryKindResult(QueryKind Kind, KindFigures Engine, KindFigures Baseline)
{
    /// <summary>How many times longer the baseline's median query takes than the engine's.</summary>
    public double Ratio => Baseline.Latency.P50 / Engine.Latency.P50;
}
