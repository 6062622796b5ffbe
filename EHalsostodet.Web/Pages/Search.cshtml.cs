using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Search;
using EHalsostodet.Web.Api.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Web.Pages;

public sealed class SearchModel(ISearchIndex search, PortalDbContext db) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    /// <summary>"nyast" sorts newest first; anything else by relevance.</summary>
    [BindProperty(SupportsGet = true, Name = "sortering")]
    public string? Sort { get; set; }

    public bool Newest => Sort == "nyast";

    [BindProperty(SupportsGet = true, Name = "sida")]
    public int PageNumber { get; set; } = 1;

    public SearchResults? Results { get; private set; }
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters { get; private set; } = new Dictionary<string, IReadOnlyList<string>>();
    public IReadOnlyDictionary<string, string> TagNames { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Filters = FacetFilters.FromQuery(Request.Query);
        if (Query is not null)
        {
            PageNumber = Math.Clamp(PageNumber, 1, 1000);
            Results = await search.SearchAsync(new SearchRequest(Query, PageNumber, PageSize, Filters: Filters, Newest: Newest), cancellationToken);
            TagNames = await db.Tags.AsNoTracking().ToDictionaryAsync(t => t.Slug, t => t.Name, cancellationToken);
        }
    }

    /// <summary>The current search with another page number, keeping the filters.</summary>
    public string PageUrl(int page)
    {
        var parts = new List<string> { "q=" + Uri.EscapeDataString(Query ?? "") };
        parts.AddRange(Filters.SelectMany(f => f.Value.Select(v => $"{f.Key}={Uri.EscapeDataString(v)}")));
        if (Newest)
        {
            parts.Add("sortering=nyast");
        }
        parts.Add($"sida={page}");
        return "/sok?" + string.Join('&', parts);
    }
}
