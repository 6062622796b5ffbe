using EHalsostodet.Core.Publishing;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages.Stories;

[EHalsostodet.Web.OutputCaching.PublicPage]
public sealed class IndexModel(PublishedQueries queries) : PageModel
{
    public IReadOnlyList<StoryCard> Stories { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Stories = await queries.AllStoriesAsync(cancellationToken);
}
