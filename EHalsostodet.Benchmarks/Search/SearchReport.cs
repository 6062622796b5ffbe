using System.Globalization;
using System.Text;
using EHalsostodet.Benchmarks.Measurement;
using EHalsostodet.Benchmarks.Search.Profiling;
using EHalsostodet.Benchmarks.Search.Queries;

namespace EHalsostodet.Benchmarks.Search;

/// <summary>The figures of one corpus size as plain-text tables (milliseconds unless marked).</summary>
public static class SearchReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Write(SearchBenchmarkResult result, SearchBenchmarkOptions options)
    {
        var text = new StringBuilder();
        var environment = result.Environment;
        text.AppendLine(Invariant, $"Search benchmark: {result.Stories:N0} stories (seed {options.Seed}, {options.QueriesPerKind} queries per kind, page size {options.PageSize}, Lucene.Net {environment.LuceneVersion}, SQLite {environment.SqliteVersion}, {(environment.ServerGarbageCollector ? "server" : "workstation")} GC)");
        text.AppendLine();

        var engine = result.EngineQueries;
        var build = new TextTable("corpus and index", "value");
        if (result.Storage > TimeSpan.Zero)
        {
            build.Add("generate stories (Bogus)", Seconds(result.Generation));
            build.Add("store items and read model", Seconds(result.Storage));
        }
        else
        {
            build.Add("corpus", "reused from --database");
        }
        build.Add("index build (wall)", Seconds(result.IndexBuild));
        build.Add("index build (CPU)", Seconds(result.IndexBuildProcessor));
        build.Add("index build rate", string.Format(Invariant, "{0:N0} docs/s", result.DocumentsPerSecond));
        build.Add("index on disk after the build", IndexSize(result.IndexAfterBuild));
        build.Add("  merges settled after the build in", Seconds(result.IndexAfterBuild.SettledAfter));
        build.Add("index on disk at the end", IndexSize(result.IndexAtEnd) + string.Format(Invariant, ", {0:N0} deleted docs", result.IndexAtEnd.DeletedDocuments));
        build.Add("database size (without the index)", Megabytes(result.DatabaseBytes));
        build.Add("sync one item (SyncAsync) p50 / p95 / max", $"{Ms(result.SyncOne.P50)} / {Ms(result.SyncOne.P95)} / {Ms(result.SyncOne.Max)} ms");
        build.Add("  its thread's CPU p50 / p95 / max", $"{Ms(result.SyncOneProcessor.P50)} / {Ms(result.SyncOneProcessor.P95)} / {Ms(result.SyncOneProcessor.Max)} ms");
        build.Add("peak working set, whole run", Megabytes(result.PeakWorkingSetBytes));
        build.Add("peak working set, engine queries", Megabytes(engine.PeakWorkingSet));
        build.Add("managed heap, live after engine queries", Megabytes(engine.LiveManagedHeapAfter));
        build.Add("load average (1 min) after the queries", result.LoadAverage ?? "n/a");
        text.Append(build);
        text.AppendLine();

        var phases = new TextTable("phase", "wall s", "CPU s", "WS start", "peak WS", "sampled", "file", "GC", "heap peak", "heap live", "allocated", "gen2", "load");
        foreach (var phase in result.Phases)
        {
            phases.Add(phase.Name, Number(phase.Wall.TotalSeconds), Number(phase.Processor.TotalSeconds),
                Mb(phase.WorkingSetAtStart), Mb(phase.PeakWorkingSet) + (phase.PeakIsPerPhase ? "" : "*"), Mb(phase.SampledPeakWorkingSet),
                phase.FileBackedAtPeak < 0 ? "n/a" : Mb(phase.FileBackedAtPeak), Mb(phase.GcCommittedAtPeak),
                Mb(phase.PeakManagedHeap), Mb(phase.LiveManagedHeapAfter), Mb(phase.Allocated),
                phase.Gen2Collections.ToString(Invariant), phase.LoadAverage ?? "n/a");
        }
        text.Append(phases);
        text.AppendLine("Memory in MB. WS start: working set at the start of the phase (after a full GC); peak WS: the process's peak working set");
        text.AppendLine(result.Phases.All(p => p.PeakIsPerPhase)
            ? "during the phase (VmHWM, reset at its start); sampled: the highest seen every 25 ms, and of it file: mapped files (index, libraries)"
            : "(* since the process started: it could not be reset); sampled: the highest seen every 25 ms, and of it file: mapped files (index, libraries)");
        text.AppendLine("and GC: the garbage collector's committed memory; heap peak: the highest managed heap seen (garbage included); heap live: after");
        text.AppendLine("the phase and a full GC; allocated: managed bytes allocated in the phase;");
        text.AppendLine("load: the one-minute load average at the end of the phase.");
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
        text.AppendLine();

        var processor = new TextTable("CPU per query", "engine p50", "p95", "p99", "LIKE p50", "p95", "p99", "ratio", "measured");
        foreach (var kind in result.Kinds)
        {
            processor.Add(
                kind.Kind.Label(),
                Ms(kind.Engine.Processor.P50), Ms(kind.Engine.Processor.P95), Ms(kind.Engine.Processor.P99),
                Ms(kind.Baseline.Processor.P50), Ms(kind.Baseline.Processor.P95), Ms(kind.Baseline.Processor.P99),
                kind.Engine.Processor.Count == 0 ? "n/a" : string.Format(Invariant, "{0:0.0}x", kind.ProcessorRatio),
                $"{kind.Engine.Processor.Count}/{kind.Baseline.Processor.Count}");
        }
        text.Append(processor);
        text.AppendLine("CPU time in ms of the thread that ran the search (queries that moved to another thread are left out: measured = engine/LIKE");
        text.AppendLine("queries counted); unlike the latencies, other programs on the machine hardly change it. Background threads are not in it.");
        var timed = result.Kinds.Sum(k => k.Engine.Latency.Count);
        var pageHits = result.Kinds.Sum(k => k.Engine.MeanPageHits * k.Engine.Latency.Count);
        var misspelled = result.Kinds.Single(k => k.Kind == QueryKind.Misspelled).Engine;
        text.AppendLine(Invariant, $"Engine: {result.Kinds.Sum(k => k.Engine.MarkedSnippets)} of {pageHits:0} page hits had a snippet with a marked word; facets were counted in {result.Kinds.Sum(k => k.Engine.WithFacets)} of {timed} searches;");
        text.AppendLine(Invariant, $"\"Menade du\" corrected {misspelled.Corrected} of {misspelled.Latency.Count} misspelled queries. CPU per engine query (whole process, warm-up included): {result.EngineProcessorMillisecondsPerQuery:0.0} ms.");
        text.AppendLine();

        var slowest = new TextTable("slowest engine queries", "kind", "ms", "hits");
        foreach (var query in result.SlowestEngineQueries)
        {
            slowest.Add(Describe(query.Query), query.Query.Kind.Label(), Ms(query.Milliseconds), query.Outcome.Total.ToString(Invariant));
        }
        text.Append(slowest);

        if (result.Profile is { } profile)
        {
            text.AppendLine();
            text.Append(WriteProfile(profile));
        }
        return text.ToString();
    }

    /// <summary>Where the engine's time goes: medians per kind, then the slowest queries.</summary>
    public static string WriteProfile(EngineProfile profile)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant, $"Engine profile: each distinct query of the mix, median of {profile.Repetitions} runs per column, ms of {(profile.ThreadCpu ? "the thread's CPU time" : "wall time")}");
        if (profile.Problem is { } problem)
        {
            text.AppendLine(problem);
        }
        string[] headers = ["page", "no page", "count", "top 20", "stored", "snippets", "analyse", "no cmpd"];
        static string[] Columns(StageTimes t) =>
            [Ms(t.Page), Ms(t.NoPage), Ms(t.Count), Ms(t.TopByScore), Ms(t.Stored), Ms(t.Snippets), Ms(t.Analyse), Ms(t.AnalyseWithoutCompounds)];

        var byKind = new TextTable(["kind (median of its queries)", "queries", .. headers]);
        foreach (var group in profile.Queries.GroupBy(q => q.Query.Kind).OrderBy(g => g.Key))
        {
            double Median(Func<StageTimes, double> stage)
            {
                var values = group.Select(q => stage(q.Times)).Order().ToArray();
                return values[(values.Length - 1) / 2];
            }
            var median = new StageTimes(Median(t => t.Page), Median(t => t.NoPage), Median(t => t.Count), Median(t => t.TopByScore),
                Median(t => t.Stored), Median(t => t.Snippets), Median(t => t.Analyse), Median(t => t.AnalyseWithoutCompounds));
            byKind.Add([group.Key.Label(), group.Count().ToString(Invariant), .. Columns(median)]);
        }
        text.Append(byKind);
        text.AppendLine();

        var allocated = new TextTable(["KB allocated (median of the kind)", "queries", .. headers]);
        foreach (var group in profile.Queries.GroupBy(q => q.Query.Kind).OrderBy(g => g.Key))
        {
            double Median(Func<StageTimes, double> stage)
            {
                var values = group.Select(q => stage(q.Allocated)).Order().ToArray();
                return values[(values.Length - 1) / 2];
            }
            allocated.Add([group.Key.Label(), group.Count().ToString(Invariant),
                .. new[] { Median(t => t.Page), Median(t => t.NoPage), Median(t => t.Count), Median(t => t.TopByScore), Median(t => t.Stored),
                    Median(t => t.Snippets), Median(t => t.Analyse), Median(t => t.AnalyseWithoutCompounds) }.Select(k => double.IsNaN(k) ? "n/a" : k.ToString("0", Invariant))]);
        }
        text.Append(allocated);
        text.AppendLine();

        var slowest = new TextTable(["slowest queries", "hits", .. headers]);
        foreach (var query in profile.Queries.OrderByDescending(q => q.Times.Page).Take(12))
        {
            var name = Describe(query.Query) + (query.CorrectedTo is { } corrected ? $" → {corrected}" : "");
            slowest.Add([name, query.Hits.ToString(Invariant), .. Columns(query.Times)]);
        }
        text.Append(slowest);
        text.AppendLine("page: the engine as the search page calls it; no page: the same with page size 0 (no stored fields, no snippets);");
        text.AppendLine("count / top 20: Lucene alone on the engine's own query, counting the matches / ranking them for 20 (no facets);");
        text.AppendLine("stored: loading the 20 best hits' stored fields; snippets: the highlighter on their text as the engine sets it up;");
        text.AppendLine("analyse: the portal's analyzer over those 20 texts; no cmpd: the same analysis without compound splitting.");

        if (profile.Sync is { } sync)
        {
            text.AppendLine();
            var stages = new TextTable($"sync one item, median of {sync.Items} items", "wall ms");
            stages.Add("read item, facets, place (3 queries)", Ms(sync.Read));
            stages.Add("build the document (JSON, plain text)", Ms(sync.Document));
            stages.Add("UpdateDocument (analyse, invert)", Ms(sync.Update));
            stages.Add("  its thread's CPU", Ms(sync.UpdateCpu));
            stages.Add("Refresh (flush, apply delete, reopen)", Ms(sync.Refresh));
            stages.Add("  its thread's CPU", Ms(sync.RefreshCpu));
            stages.Add("SyncAsync end to end (other items)", Ms(sync.Whole));
            text.Append(stages);
        }
        if (profile.Build is { } build)
        {
            text.AppendLine();
            var stages = new TextTable($"index build, per item, {build.Items} items, one thread", "wall ms");
            stages.Add("read rows, facets, places (500 a query)", Ms(build.Read));
            stages.Add("build the document (JSON, plain text)", Ms(build.Document));
            stages.Add("analyse every indexed field", Ms(build.Analyse));
            stages.Add("  the same without compound splitting", Ms(build.AnalyseWithoutCompounds));
            stages.Add("KB allocated by the analysis", build.AnalyseAllocated.ToString("0", Invariant));
            stages.Add("  the same without compound splitting", build.AnalyseWithoutCompoundsAllocated.ToString("0", Invariant));
            text.Append(stages);
            text.AppendLine(Invariant, $"The bodies hold {build.LongWords:N0} words of 8 letters or more (each one tried by the compound splitter), {build.DistinctLongWords:N0} different.");
        }
        return text.ToString();
    }

    private static string Describe(BenchmarkQuery query) =>
        query.Filter is var (facet, value) ? $"{query.Text} + {facet}={value}" : query.Text;

    private static string IndexSize(IndexOnDisk index) =>
        string.Format(Invariant, "{0} ({1} public), {2} segments", Megabytes(index.FolderBytes), Megabytes(index.PublicBytes), index.Segments);

    private static string Seconds(TimeSpan time) => string.Format(Invariant, "{0:0.00} s", time.TotalSeconds);

    private static string Megabytes(long bytes) => string.Format(Invariant, "{0:0.0} MB", bytes / 1024.0 / 1024.0);

    private static string Mb(long bytes) => string.Format(Invariant, "{0:0}", bytes / 1024.0 / 1024.0);

    private static string Number(double value) => value.ToString(value < 10 ? "0.00" : "0.0", Invariant);

    private static string Ms(double milliseconds) =>
        double.IsNaN(milliseconds) ? "n/a" : milliseconds.ToString(milliseconds < 10 ? "0.00" : "0.0", Invariant);

    private static string Hits(double hits) => hits.ToString("0", Invariant);
}
