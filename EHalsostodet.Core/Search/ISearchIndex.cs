using EHalsostodet.Core.Content;

namespace EHalsostodet.Core.Search;

/// <summary>A free-text search over published content.</summary>
public interface ISearchIndex
{
    Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken);
}

/// <summary>What a user asked for; any text is allowed.</summary>
/// <param name="Filters">Chosen facet values: AND across facets, OR within one. The type facet is "type".</param>
/// <param name="Newest">Newest first instead of by relevance.</param>
public sealed record SearchRequest(string Query, int Page = 1, int PageSize = 20, ContentType? Type = null, IReadOnlyDictionary<string, IReadOnlyList<string>>? Filters = null, bool Newest = false);

/// <summary>A facet value and how many hits have it, given the other chosen filters.</summary>
public readonly record struct FacetCount(string Value, int Count, bool Selected);

/// <param name="Snippet">Safe HTML: the best passage, with matching words in &lt;mark&gt;.</param>
public sealed record SearchHit(Guid Id, ContentType Type, string Title, string Url, string Snippet);

/// <param name="DidYouMean">A corrected query when the words look misspelt and nothing was found.</param>
public sealed record SearchResults(int Total, IReadOnlyList<SearchHit> Hits, string? Message = null, string? DidYouMean = null,
    IReadOnlyDictionary<string, IReadOnlyList<FacetCount>>? Facets = null);
