using EHalsostodet.Core.Search;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Benchmarks.Search.Queries;

/// <summary>
/// The portal's search as the search page calls it (<see cref="ISearchIndex"/>, page 1 of
/// <paramref name="pageSize"/>, by relevance): parser, Lucene query, ranking, the total, facet
/// counts for every facet, stored fields and a snippet for each hit on the page, and for a word
/// the index does not hold, "Menade du …?" and the search for the correction.
/// </summary>
internal sealed class EngineSearch(int pageSize) : ISearchUnderTest
{
    public string Name => "Lucene engine";

    public async Task<SearchOutcome> SearchAsync(IServiceProvider services, BenchmarkQuery query, CancellationToken cancellationToken)
    {
        var results = await services.GetRequiredService<ISearchIndex>().SearchAsync(Request(query, pageSize), cancellationToken);
        return new SearchOutcome(
            results.Total,
            results.Hits.Count,
            results.Hits.Count(h => h.Snippet.Contains("<mark>", StringComparison.Ordinal)),
            results.Facets?.Values.Sum(f => f.Count) ?? 0,
            results.DidYouMean);
    }

    /// <summary>The request the search page makes for the query: page 1, by relevance, the query's filter chosen.</summary>
    public static SearchRequest Request(BenchmarkQuery query, int pageSize)
    {
        var filters = query.Filter is var (facet, value)
            ? new Dictionary<string, IReadOnlyList<string>> { [facet] = [value] }
            : null;
        return new SearchRequest(query.Text, 1, pageSize, Filters: filters);
    }
}
