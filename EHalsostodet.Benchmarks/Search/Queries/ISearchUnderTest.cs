namespace EHalsostodet.Benchmarks.Search.Queries;

/// <summary>A way of answering the query mix: the real engine or the naive baseline.</summary>
internal interface ISearchUnderTest
{
    string Name { get; }

    /// <summary>Runs one query in the given request scope.</summary>
    Task<SearchOutcome> SearchAsync(IServiceProvider services, BenchmarkQuery query, CancellationToken cancellationToken);
}

/// <summary>What one search returned, to check that the work a results page needs was done.</summary>
/// <param name="Total">The total number of hits.</param>
/// <param name="PageHits">The hits on the page.</param>
/// <param name="MarkedSnippets">Hits on the page whose snippet marks a matching word.</param>
/// <param name="FacetValues">Facet values counted, over every facet.</param>
/// <param name="DidYouMean">The corrected query ("Menade du …?"), if any.</param>
public sealed record SearchOutcome(int Total, int PageHits, int MarkedSnippets = 0, int FacetValues = 0, string? DidYouMean = null);
