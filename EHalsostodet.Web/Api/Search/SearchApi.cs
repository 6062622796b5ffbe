using EHalsostodet.Core.Content;
using EHalsostodet.Core.Search;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EHalsostodet.Web.Api.Search;

/// <summary>Public search over published content: GET /api/v1/search and /api/v1/search/suggest.</summary>
public static class SearchApi
{
    public const int PageSize = 20;

    public sealed record SearchHitResponse(Guid Id, string Type, string Title, string Url, string Snippet);

    public sealed record FacetValueResponse(string Value, int Count);

    public sealed record SearchResponse(
        int Total, int Page, int PageSize, IReadOnlyList<SearchHitResponse> Hits,
        IReadOnlyDictionary<string, IReadOnlyList<FacetValueResponse>> Facets, string? DidYouMean, string? Message);

    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/search").WithTags("Sök");
        api.MapGet("", SearchAsync).WithName("Search").WithSummary("Sök bland publicerat innehåll");
        api.MapGet("/suggest", SuggestAsync).WithName("SearchSuggest").WithSummary("Förslag medan användaren skriver: titlar, taggar och kommuner");
        return app;
    }

    /// <remarks>Facet filters are further query parameters named after the facets, e.g. <c>tag=juridik&amp;county=Hallands län</c>; repeat one for OR.</remarks>
    private static async Task<Results<Ok<SearchResponse>, ProblemHttpResult>> SearchAsync(
        ISearchIndex search, HttpRequest request, string? q, string? type, int? page, string? sort, CancellationToken cancellationToken)
    {
        var filters = FacetFilters.FromQuery(request.Query, except: FacetLabels.Type);
        ContentType? contentType = null;
        if (!string.IsNullOrEmpty(type))
        {
            if (!ContentTypeNames.TryParseKey(type, out var parsed))
            {
                return TypedResults.Problem("Okänd typ. Använd story, collection, initiative eller page.", statusCode: StatusCodes.Status400BadRequest, title: "Begäran kunde inte behandlas");
            }
            contentType = parsed;
        }
        var pageNumber = Math.Clamp(page ?? 1, 1, 1000);
        var results = await search.SearchAsync(new SearchRequest(q ?? "", pageNumber, PageSize, contentType, filters, Newest: sort == "newest"), cancellationToken);
        return TypedResults.Ok(new SearchResponse(
            results.Total, pageNumber, PageSize,
            results.Hits.Select(h => new SearchHitResponse(h.Id, h.Type.Key(), h.Title, h.Url, h.Snippet)).ToList(),
            (results.Facets ?? new Dictionary<string, IReadOnlyList<FacetCount>>()).ToDictionary(
                f => f.Key, f => (IReadOnlyList<FacetValueResponse>)f.Value.Select(v => new FacetValueResponse(v.Value, v.Count)).ToList()),
            results.DidYouMean, results.Message));
    }

    private static async Task<Ok<IReadOnlyList<SearchSuggestion>>> SuggestAsync(SearchVocabulary vocabulary, string? q, CancellationToken cancellationToken) =>
        TypedResults.Ok(await vocabulary.SuggestAsync(q, cancellationToken));
}
