using EHalsostodet.Benchmarks.Infrastructure;
using EHalsostodet.Benchmarks.Measurement;

namespace EHalsostodet.Benchmarks.Search.Queries;

/// <summary>How one way of searching did on one kind of query.</summary>
/// <param name="MeanHits">The mean total hits per query.</param>
public sealed record KindFigures(LatencySummary Latency, double MeanHits);

/// <summary>
/// Runs the query mix against one way of searching, each query in its own scope as a web
/// request would, and times only the search. The first queries of each kind warm up untimed.
/// </summary>
internal sealed class QueryTimer(BenchmarkDatabase database, int warmupPerKind)
{
    public async Task<IReadOnlyDictionary<QueryKind, KindFigures>> RunAsync(ISearchUnderTest search, IReadOnlyList<BenchmarkQuery> queries, CancellationToken cancellationToken)
    {
        foreach (var query in queries.GroupBy(q => q.Kind).SelectMany(g => g.Take(warmupPerKind)))
        {
            await database.RunAsync(s => search.SearchAsync(s, query, cancellationToken));
        }
        var timings = new List<(QueryKind Kind, double Milliseconds, int Hits)>();
        foreach (var query in queries)
        {
            var (hits, milliseconds) = await database.RunAsync(s => Timing.MeasureAsync(() => search.SearchAsync(s, query, cancellationToken)));
            timings.Add((query.Kind, milliseconds, hits));
        }
        return timings.GroupBy(t => t.Kind).ToDictionary(
            g => g.Key,
            g => new KindFigures(LatencySummary.From(g.Select(t => t.Milliseconds)), g.Average(t => t.Hits)));
    }
}
