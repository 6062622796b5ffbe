using EHalsostodet.Core.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages;

public sealed class SearchModel(ISearchIndex search) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public SearchResults? Results { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (Query is not null)
        {
            Results = await search.SearchAsync(new SearchRequest(Query), cancellationToken);
        }
    }
}
