using EHalsostodet.Core.Publishing;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages.Collections;

[EHalsostodet.Web.OutputCaching.PublicPage]
public sealed class IndexModel(PublishedQueries queries) : PageModel
{
    public IReadOnlyList<CollectionCard> Collections { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Collections = await queries.CollectionsAsync(cancellationToken);
}
