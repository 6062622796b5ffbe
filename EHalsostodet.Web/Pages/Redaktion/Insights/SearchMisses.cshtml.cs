using EHalsostodet.Core.Search;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages.Redaktion.Insights;

public sealed class SearchMissesModel(SearchMissCounter misses) : PageModel
{
    public List<SearchMiss> Misses { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Misses = await misses.TopAsync(100, cancellationToken);
}
