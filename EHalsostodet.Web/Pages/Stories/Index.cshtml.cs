using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Publishing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Web.Pages.Stories;

[EHalsostodet.Web.OutputCaching.PublicPage]
public sealed class IndexModel(PublishedQueries queries, IOptions<PublicListOptions> lists) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "sida")]
    public int PageNumber { get; set; } = 1;

    public CardPage<StoryCard> Stories { get; private set; } = new([], 0);

    public Pager Pager { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (PageNumber < 1)
        {
            return NotFound();
        }
        var size = Math.Max(1, lists.Value.StoriesPerPage);
        Stories = await queries.AllStoriesAsync(PageNumber, size, cancellationToken);
        if (Pager.Of(PageNumber, Stories.PageCount(size), PortalPaths.StoryList, "Sidor med kommunberättelser") is not { } pager)
        {
            return NotFound();
        }
        Pager = pager;
        return Page();
    }
}
