using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Delivery;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Core.Search;
using EHalsostodet.Core.Taxonomy;
using EHalsostodet.Web.Api.Search;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EHalsostodet.Web.Api.Delivery;

/// <summary>The delivery API's handlers: read, map, answer. Facet filters are query parameters named after the facets.</summary>
internal static class DeliveryEndpoints
{
    private static readonly string[] InitiativeFacets =
        [FacetNames.InitiativeArea, FacetNames.TargetGroup, FacetNames.SubArea, FacetNames.Organisation, FacetNames.Sector, FacetNames.Format];

    public static async Task<Results<DeliveryJson<DeliveryItem>, NotFound>> ByIdAsync(
        Guid id, DeliveryQueries queries, DeliveryMapper mapper, CancellationToken cancellationToken) =>
        await queries.ByIdAsync(id, cancellationToken) is { } item ? DeliveryJson.Of(mapper.Item(item)) : TypedResults.NotFound();

    public static Task<Results<DeliveryJson<DeliveryItem>, NotFound>> StoryAsync(string slug, DeliveryQueries queries, DeliveryMapper mapper, CancellationToken cancellationToken) =>
        BySlugAsync(ContentType.Story, slug, queries, mapper, cancellationToken);

    public static Task<Results<DeliveryJson<DeliveryItem>, NotFound>> CollectionAsync(string slug, DeliveryQueries queries, DeliveryMapper mapper, CancellationToken cancellationToken) =>
        BySlugAsync(ContentType.Collection, slug, queries, mapper, cancellationToken);

    public static Task<Results<DeliveryJson<DeliveryItem>, NotFound>> InitiativeAsync(string slug, DeliveryQueries queries, DeliveryMapper mapper, CancellationToken cancellationToken) =>
        BySlugAsync(ContentType.Initiative, slug, queries, mapper, cancellationToken);

    public static Task<Results<DeliveryJson<DeliveryItem>, NotFound>> PageAsync(string slug, DeliveryQueries queries, DeliveryMapper mapper, CancellationToken cancellationToken) =>
        BySlugAsync(ContentType.Page, slug, queries, mapper, cancellationToken);

    /// <remarks>Facet filters, e.g. <c>tag=juridik&amp;county=Hallands län</c>; repeat one for OR.</remarks>
    public static Task<DeliveryJson<DeliveryList>> StoriesAsync(HttpRequest request, int? page, int? pageSize, DeliveryQueries queries, DeliveryMapper mapper, CancellationToken cancellationToken) =>
        ListAsync(ContentType.Story, request, page, pageSize, queries, mapper, cancellationToken);

    public static Task<DeliveryJson<DeliveryList>> CollectionsAsync(HttpRequest request, int? page, int? pageSize, DeliveryQueries queries, DeliveryMapper mapper, CancellationToken cancellationToken) =>
        ListAsync(ContentType.Collection, request, page, pageSize, queries, mapper, cancellationToken);

    public static Task<DeliveryJson<DeliveryList>> PagesAsync(HttpRequest request, int? page, int? pageSize, DeliveryQueries queries, DeliveryMapper mapper, CancellationToken cancellationToken) =>
        ListAsync(ContentType.Page, request, page, pageSize, queries, mapper, cancellationToken);

    /// <remarks>Filters: <c>initiativeArea</c>, <c>targetGroup</c>, <c>subArea</c>, <c>organisation</c>, <c>sector</c>, <c>format</c>; repeat one for OR.</remarks>
    public static async Task<DeliveryJson<DeliveryInitiativeList>> InitiativesAsync(
        HttpRequest request, int? page, int? pageSize, DeliveryQueries queries, DeliveryMapper mapper, CancellationToken cancellationToken)
    {
        var paging = DeliveryPaging.From(page, pageSize);
        var filters = InitiativeFilters(request);
        var list = mapper.List(await queries.ListAsync(ContentType.Initiative, filters, paging.Page, paging.PageSize, cancellationToken), paging, request);
        var counts = await queries.FacetCountsAsync(ContentType.Initiative, filters, InitiativeFacets, cancellationToken);
        var noTags = new Dictionary<string, string>();
        return DeliveryJson.Of(new DeliveryInitiativeList(list.Total, list.Page, list.PageSize, list.Items, list.Links,
            counts.ToDictionary(f => f.Key, f => (IReadOnlyList<DeliveryFacetValue>)f.Value
                .Select(v => new DeliveryFacetValue(v.Value, FacetLabels.Value(f.Key, v.Value, noTags), v.Count)).ToList())));
    }

    public static async Task<Results<DeliveryJson<DeliveryList>, NotFound>> CollectionStoriesAsync(
        string slug, HttpRequest request, int? page, int? pageSize, DeliveryQueries queries, DeliveryMapper mapper, CancellationToken cancellationToken)
    {
        if (await queries.BySlugAsync(ContentType.Collection, slug, cancellationToken) is not { } collection)
        {
            return TypedResults.NotFound();
        }
        var paging = DeliveryPaging.From(page, pageSize);
        var stories = await queries.CollectionStoriesAsync(collection.Row.ItemId, paging.Page, paging.PageSize, cancellationToken);
        return DeliveryJson.Of(mapper.List(stories, paging, request));
    }

    public static async Task<DeliveryJson<DeliveryTagList>> TagsAsync(DeliveryQueries queries, DeliveryMapper mapper, CancellationToken cancellationToken) =>
        DeliveryJson.Of(new DeliveryTagList((await queries.TagsAsync(cancellationToken))
            .Select(t => new DeliveryTag(t.Name, t.Slug, t.Count, mapper.PublicUrl(PortalPaths.Tag(t.Slug)),
                $"{DeliveryApi.Prefix}/tags/{Uri.EscapeDataString(t.Slug)}"))
            .ToList()));

    public static async Task<Results<DeliveryJson<DeliveryList>, NotFound>> TaggedAsync(
        string slug, HttpRequest request, int? page, int? pageSize, PublishedQueries published, DeliveryQueries queries, DeliveryMapper mapper, CancellationToken cancellationToken)
    {
        if (await published.TagAsync(slug, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }
        var paging = DeliveryPaging.From(page, pageSize);
        return DeliveryJson.Of(mapper.List(await queries.WithTagAsync(slug, paging.Page, paging.PageSize, cancellationToken), paging, request));
    }

    /// <remarks>The same search as /api/v1/search: <c>q</c>, <c>type</c>, <c>sort=newest</c> and facet filters.</remarks>
    public static async Task<Results<DeliveryJson<DeliverySearchResult>, ProblemHttpResult>> SearchAsync(
        HttpRequest request, string? q, string? type, int? page, int? pageSize, string? sort,
        ISearchIndex search, TagDirectory tags, DeliveryMapper mapper, CancellationToken cancellationToken)
    {
        ContentType? contentType = null;
        if (!string.IsNullOrEmpty(type))
        {
            if (!ContentTypeNames.TryParseKey(type, out var parsed))
            {
                return TypedResults.Problem("Okänd typ. Använd story, collection, initiative eller page.", statusCode: StatusCodes.Status400BadRequest, title: "Begäran kunde inte behandlas");
            }
            contentType = parsed;
        }
        var paging = DeliveryPaging.From(page, pageSize);
        var filters = FacetFilters.FromQuery(request.Query, except: FacetLabels.Type);
        var results = await search.SearchAsync(
            new SearchRequest(q ?? "", paging.Page, paging.PageSize, contentType, filters, Newest: sort == "newest"), cancellationToken);
        var tagNames = await tags.NamesBySlugAsync(cancellationToken);
        return DeliveryJson.Of(new DeliverySearchResult(
            results.Total, paging.Page, paging.PageSize,
            results.Hits.Select(h => new DeliverySearchHit(h.Id, h.Type.Key(), h.Title, mapper.PublicUrl(h.Url),
                $"{DeliveryApi.Prefix}/content/{h.Id}", h.Snippet)).ToList(),
            paging.Links(request, results.Total),
            (results.Facets ?? new Dictionary<string, IReadOnlyList<FacetCount>>()).ToDictionary(
                f => f.Key, f => (IReadOnlyList<DeliveryFacetValue>)f.Value
                    .Select(v => new DeliveryFacetValue(v.Value, FacetLabels.Value(f.Key, v.Value, tagNames), v.Count)).ToList()),
            results.DidYouMean, results.Message));
    }

    private static async Task<Results<DeliveryJson<DeliveryItem>, NotFound>> BySlugAsync(
        ContentType type, string slug, DeliveryQueries queries, DeliveryMapper mapper, CancellationToken cancellationToken) =>
        await queries.BySlugAsync(type, slug, cancellationToken) is { } item ? DeliveryJson.Of(mapper.Item(item)) : TypedResults.NotFound();

    private static async Task<DeliveryJson<DeliveryList>> ListAsync(
        ContentType type, HttpRequest request, int? page, int? pageSize, DeliveryQueries queries, DeliveryMapper mapper, CancellationToken cancellationToken)
    {
        var paging = DeliveryPaging.From(page, pageSize);
        var filters = type == ContentType.Initiative ? InitiativeFilters(request) : FacetFilters.FromQuery(request.Query, except: FacetLabels.Type);
        return DeliveryJson.Of(mapper.List(await queries.ListAsync(type, filters, paging.Page, paging.PageSize, cancellationToken), paging, request));
    }

    private static Dictionary<string, IReadOnlyList<string>> InitiativeFilters(HttpRequest request) =>
        FacetFilters.FromQuery(request.Query).Where(f => InitiativeFacets.Contains(f.Key)).ToDictionary();
}
