using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Insights;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Core.Search;
using EHalsostodet.Core.Taxonomy;
using EHalsostodet.Web.Api.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages;

public sealed class SearchModel(ISearchIndex search, SearchHitCards cards, TagDirectory tags, PublishedQueries published, UsageCounter usage, AddressHistory addresses) : PageModel
{
    public const int PageSize = 20;

    private const int MaxPage = 1000;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    /// <summary>"nyast" sorts newest first; anything else by relevance.</summary>
    [BindProperty(SupportsGet = true, Name = "sortering")]
    public string? Sort { get; set; }

    public bool Newest => Sort == "nyast";

    [BindProperty(SupportsGet = true, Name = "sida")]
    public int PageNumber { get; set; } = 1;

    public SearchResults? Results { get; private set; }
    public IReadOnlyList<SearchHitCard> Hits { get; private set; } = [];
    public IReadOnlyList<ShownFacet> Facets { get; private set; } = [];
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters { get; private set; } = new Dictionary<string, IReadOnlyList<string>>();
    public IReadOnlyDictionary<string, string> TagNames { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> MunicipalityNames { get; private set; } = new Dictionary<string, string>();

    /// <summary>Every chosen facet value, in the order of the query string.</summary>
    public IReadOnlyList<(string Facet, string Value)> Chosen => Filters.SelectMany(f => f.Value.Select(v => (f.Key, v))).ToList();

    /// <summary>Browsing by facets alone, e.g. from a tag link: no words, at least one filter.</summary>
    public bool IsBrowsing => string.IsNullOrWhiteSpace(Query) && Filters.Any(f => f.Value.Count > 0);

    /// <summary>The one chosen tag, when exactly one is chosen: the page then links to the tag's own page.</summary>
    public string? SingleTag => Filters.TryGetValue(FacetNames.Tag, out var tags) && tags.Count == 1 ? tags[0] : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Filters = FacetFilters.FromQuery(Request.Query);
        if (await RenamedTagRedirectAsync(cancellationToken) is { } redirect)
        {
            return redirect;
        }
        if (Query is null && !IsBrowsing)
        {
            return Page();
        }
        PageNumber = Math.Clamp(PageNumber, 1, MaxPage);
        Results = await search.SearchAsync(new SearchRequest(Query ?? "", PageNumber, PageSize, Filters: Filters, Newest: Newest || IsBrowsing), cancellationToken);
        Hits = await cards.ForAsync(Results.Hits, cancellationToken);
        Facets = ShownFacets.For(Results, Filters);
        TagNames = await tags.NamesBySlugAsync(cancellationToken);
        var codes = Facets.Where(f => f.Name == FacetNames.Municipality).SelectMany(f => f.Values.Select(v => v.Value))
            .Concat(Filters.GetValueOrDefault(FacetNames.Municipality) ?? []).Distinct().ToList();
        if (codes.Count > 0)
        {
            MunicipalityNames = await published.MunicipalityNamesAsync(codes, cancellationToken);
        }
        if (PageNumber == 1 && Filters.TryGetValue(FacetNames.Tag, out var chosenTags))
        {
            foreach (var tag in chosenTags.Where(TagNames.ContainsKey))
            {
                await usage.CountAsync(UsageMetrics.TagUsed, tag, cancellationToken);
            }
        }
        return Page();
    }

    /// <summary>A search filtered by a tag that was renamed or merged away moves to the tag's current address.</summary>
    private async Task<IActionResult?> RenamedTagRedirectAsync(CancellationToken cancellationToken)
    {
        if (!Filters.TryGetValue(FacetNames.Tag, out var tags))
        {
            return null;
        }
        var replaced = false;
        var current = new List<string>();
        foreach (var tag in tags)
        {
            var target = await published.TagAsync(tag, cancellationToken) is not null ? null : await addresses.CurrentTagSlugAsync(tag, cancellationToken);
            replaced |= target is not null;
            current.Add(target ?? tag);
        }
        if (!replaced)
        {
            return null;
        }
        var query = new Microsoft.AspNetCore.Http.Extensions.QueryBuilder(
            Request.Query.Where(p => p.Key != FacetNames.Tag).SelectMany(p => p.Value.OfType<string>().Select(v => KeyValuePair.Create(p.Key, v))));
        foreach (var tag in current.Distinct(StringComparer.Ordinal))
        {
            query.Add(FacetNames.Tag, tag);
        }
        return RedirectPermanent(Request.Path + query.ToQueryString());
    }

    /// <summary>A facet value's Swedish name: a tag's or municipality's name, a list value's label.</summary>
    public string ValueLabel(string facet, string value) => FacetLabels.Value(facet, value, TagNames, MunicipalityNames);

    public static string FacetTitle(string facet) => FacetLabels.Facets.Where(f => f.Facet == facet).Select(f => f.Title).FirstOrDefault() ?? facet;

    /// <summary>The result pages, up to the last one a search can show.</summary>
    public Pager Pager => new(PageNumber, Math.Min(MaxPage, ((Results?.Total ?? 0) + PageSize - 1) / PageSize), PageUrl, "Sidor med sökresultat");

    /// <summary>The current search with another page number, keeping the filters.</summary>
    public string PageUrl(int page) => SearchUrl(Chosen, page);

    /// <summary>The current search without one chosen value, from its first page.</summary>
    public string WithoutUrl(string facet, string value) => SearchUrl(Chosen.Where(c => c != (facet, value)), page: null);

    /// <summary>The current words without any filter.</summary>
    public string WithoutFiltersUrl() => SearchUrl([], page: null);

    private string SearchUrl(IEnumerable<(string Facet, string Value)> chosen, int? page)
    {
        var parts = new List<string> { "q=" + Uri.EscapeDataString(Query ?? "") };
        parts.AddRange(chosen.Select(c => $"{c.Facet}={Uri.EscapeDataString(c.Value)}"));
        if (Newest)
        {
            parts.Add("sortering=nyast");
        }
        if (page is { } number)
        {
            parts.Add($"sida={number}");
        }
        return PortalPaths.SearchPage + "?" + string.Join('&', parts);
    }
}
