using System.Globalization;
using System.Text;
using EHalsostodet.Benchmarks.Measurement;
using EHalsostodet.Benchmarks.Search.Queries;

namespace EHalsostodet.Benchmarks.Search;

/// <summary>The figures of one corpus size as a plain-text table (milliseconds unless marked).</summary>
public static class SearchReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Write(SearchBenchmarkResult result, SearchBenchmarkOptions options)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant, $"Search benchmark: {result.Stories:N0} stories (seed {options.Seed}, {options.QueriesPerKind} queries per kind, page size {options.PageSize}, SQLite {result.SqliteVersion})");
        text.AppendLine();

        var build = new TextTable("corpus and index", "value");
        build.Add("generate stories (Bogus)", Seconds(result.Generation));
        build.Add("store items and read model", Seconds(result.Storage));
        build.Add("index build (wall)", Seconds(result.IndexBuild));
        build.Add("index build (CPU)", Seconds(result.IndexBuildProcessor));
        build.Add("index build rate", string.Format(Invariant, "{0:N0} docs/s", result.DocumentsPerSecond));
        build.Add("database size", Megabytes(result.DatabaseBytes));
        build.Add("  of which FTS5 index", Megabytes(result.IndexBytes));
        build.Add("re-index one item (IndexAsync) p50 / max", $"{Ms(result.Reindex.P50)} / {Ms(result.Reindex.Max)} ms");
        build.Add("peak working set", Megabytes(result.PeakWorkingSetBytes));
        build.Add("load average (1 min) after the queries", result.LoadAverage ?? "n/a");
        text.Append(build);
        text.AppendLine();

        var queries = new TextTable("query kind", "engine p50", "p95", "p99", "hits", "LIKE p50", "p95", "p99", "hits", "ratio");
        foreach (var kind in result.Kinds)
        {
            queries.Add(
                kind.Kind.Label(),
                Ms(kind.Engine.Latency.P50), Ms(kind.Engine.Latency.P95), Ms(kind.Engine.Latency.P99), Hits(kind.Engine.MeanHits),
                Ms(kind.Baseline.Latency.P50), Ms(kind.Baseline.Latency.P95), Ms(kind.Baseline.Latency.P99), Hits(kind.Baseline.MeanHits),
                string.Format(Invariant, "{0:0.0}x", kind.Ratio));
        }
        text.Append(queries);
        text.AppendLine("Latencies in ms; hits = mean total hits per query; ratio = LIKE p50 / engine p50.");
        return text.ToString();
    }

    private static string Seconds(TimeSpan time) => string.Format(Invariant, "{0:0.00} s", time.TotalSeconds);

    private static string Megabytes(long bytes) => string.Format(Invariant, "{0:0.0} MB", bytes / 1024.0 / 1024.0);

    private static string Ms(double milliseconds) => milliseconds.ToString(milliseconds < 10 ? "0.00" : "0.0", Invariant);

    private static string Hits(double hits) => hits.ToString("0", Invariant);
}
