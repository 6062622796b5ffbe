using System.Text.Json;

namespace EHalsostodet.Web.Api.Delivery;

/// <summary>A published item in full: its published document and where it lives on the site.</summary>
/// <param name="VersionId">The published version the document comes from.</param>
/// <param name="Url">The item's absolute address on the public site.</param>
/// <param name="Facets">Facet values as in search filters, e.g. tag, county, initiativeArea.</param>
public sealed record DeliveryItem(
    Guid Id, string Type, string Slug, string Title, string Teaser, string Url, Guid VersionId,
    DateTime FirstPublishedAt, DateTime PublishedAt, DateTime? LastReviewedAt,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Facets, JsonElement Document);

/// <summary>A published item in a list: enough to show a card and fetch the rest.</summary>
/// <param name="Href">The item in full in this API.</param>
public sealed record DeliverySummary(
    Guid Id, string Type, string Slug, string Title, string Teaser, string Url, string Href, Guid VersionId,
    DateTime FirstPublishedAt, DateTime PublishedAt, IReadOnlyDictionary<string, IReadOnlyList<string>> Facets);

/// <summary>Links to this page and its neighbours; null where there is none.</summary>
public sealed record DeliveryLinks(string Self, string? Next, string? Prev);

/// <summary>One page of a list.</summary>
public sealed record DeliveryList(int Total, int Page, int PageSize, IReadOnlyList<DeliverySummary> Items, DeliveryLinks Links);

/// <summary>A facet value with its Swedish label and how many listed items have it.</summary>
public sealed record DeliveryFacetValue(string Value, string Label, int Count);

/// <summary>Knowledge initiatives: one page, and the facet values among every initiative the filters let through.</summary>
public sealed record DeliveryInitiativeList(
    int Total, int Page, int PageSize, IReadOnlyList<DeliverySummary> Items, DeliveryLinks Links,
    IReadOnlyDictionary<string, IReadOnlyList<DeliveryFacetValue>> Facets);

/// <summary>A tag that published content carries.</summary>
public sealed record DeliveryTag(string Name, string Slug, int Count, string Url, string Href);

public sealed record DeliveryTagList(IReadOnlyList<DeliveryTag> Items);

/// <summary>A search hit; the snippet is safe HTML with the matching words in &lt;mark&gt;.</summary>
public sealed record DeliverySearchHit(Guid Id, string Type, string Title, string Url, string Href, string Snippet);

public sealed record DeliverySearchResult(
    int Total, int Page, int PageSize, IReadOnlyList<DeliverySearchHit> Hits, DeliveryLinks Links,
    IReadOnlyDictionary<string, IReadOnlyList<DeliveryFacetValue>> Facets, string? DidYouMean, string? Message);
