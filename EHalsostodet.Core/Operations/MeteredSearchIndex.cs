using EHalsostodet.Core.Search;

namespace EHalsostodet.Core.Operations;

/// <summary>
/// Wraps the search engine and counts searches with words and those that found nothing.
/// Browsing by facets alone (no words) is not a search and is not counted.
/// </summary>
public sealed class MeteredSearchIndex(ISearchIndex inner, PortalMetrics metrics, Func<bool> isApiRequest) : ISearchIndex
{
    public async Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        var results = await inner.SearchAsync(request, cancellationToken);
        if (!string.IsNullOrWhiteSpace(request.Query) && request.Page == 1)
        {
            metrics.Search(results.Total > 0, isApiRequest());
        }
        return results;
    }
}
