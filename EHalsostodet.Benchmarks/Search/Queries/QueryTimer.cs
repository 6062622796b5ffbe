using EHalsostodet.Benchmarks.Infrastructure;
using EHalsostodet.Benchmarks.Measurement;

namespace EHalsostodet.Benchmarks.Search.Queries;

/// <summary>How one way of searching did on one kind of query.</summary>
/// <param name="MeanHits">The mean total hits per query.</param>
/// <param name="MeanPageHits">The mean hits on the page.</param>
/// <param name="MarkedSnippets">Of the hits on the pages, how many had a snippet marking a matching word.</param>
/// <param name="WithFacets">Searches that returned facet counts.</param>
/// <param name="Corrected">Searches answered with "Menade du …?".</param>
/// <param name="Processor">The CPU time of the searching thread, of the queries that ran on one thread (see <see cref="ThreadTime"/>).</param>
public sealed record KindFigures(LatencySummary Latency, double MeanHits, double MeanPageHits, int MarkedSnippets, int WithFacets, int Corrected, LatencySummary Processor);

/// <summary>One timed query.</summary>
/// <param name="ProcessorMilliseconds">The searching thread's CPU time, when the search stayed on one thread.</param>
public sealed record TimedQuery(BenchmarkQuery Query, double Milliseconds, double? ProcessorMilliseconds, SearchOutcome Outcome);

/// <summary>The query mix against one way of searching.</summary>
/// <param name="QueriesRun">Every query run, the untimed warm-up included.</param>
public sealed record QueryRun(IReadOnlyDictionary<QueryKind, KindFigures> Kinds, IReadOnlyList<TimedQuery> Timed, int QueriesRun);

/// <summary>
/// Runs the query mix against one way of searching, each query in its own scope as a web
/// request would, and times only the search: wall time, and the CPU time of the thread that ran it.
/// Each kind's queries first run untimed, several rounds, so that the code is as a long-running portal has it.
/// </summary>
internal sealed class QueryTimer(BenchmarkDatabase database, int warmupPerKind)
{
    public async Task<QueryRun> RunAsync(ISearchUnderTest search, IReadOnlyList<BenchmarkQuery> queries, CancellationToken cancellationToken)
    {
        // The kind's queries in turn, as many as asked: more than the kind has runs them again, until the JIT's tiers have settled.
        var warmup = queries.GroupBy(q => q.Kind).SelectMany(g => g.ToList() is var kind ? Enumerable.Range(0, warmupPerKind).Select(i => kind[i % kind.Count]) : []).ToList();
        foreach (var query in warmup)
        {
            await database.RunAsync(s => search.SearchAsync(s, query, cancellationToken));
        }
        var timed = new List<TimedQuery>();
        foreach (var query in queries)
        {
            var ((outcome, processor), milliseconds) = await database.RunAsync(s =>
                Timing.MeasureAsync(() => ThreadTime.MeasureAsync(() => search.SearchAsync(s, query, cancellationToken))));
            timed.Add(new TimedQuery(query, milliseconds, processor, outcome));
        }
        var kinds = timed.GroupBy(t => t.Query.Kind).ToDictionary(
            g => g.Key,
            g => new KindFigures(
                LatencySummary.From(g.Select(t => t.Milliseconds)),
                g.Average(t => t.Outcome.Total),
                g.Average(t => t.Outcome.PageHits),
                g.Sum(t => t.Outcome.MarkedSnippets),
                g.Count(t => t.Outcome.FacetValues > 0),
                g.Count(t => t.Outcome.DidYouMean is not null),
                LatencySummary.From(g.Select(t => t.ProcessorMilliseconds).OfType<double>())));
        return new QueryRun(kinds, timed, warmup.Count + timed.Count);
    }
}
