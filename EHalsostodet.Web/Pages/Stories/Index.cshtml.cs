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
        var size = Math.Max(1, lists.Value.StoriesPerPage);
        if (PageNumber < 1)
        {
            return NotFound();
        }
        Stories = await queries.AllStoriesAsync(PageNumber, size, cancellationToken);
        var pageCount = Stories.PageCount(size);
        if (PageNumber > pageCount)
        {
            return NotFound();
        }
        Pager = new Pager(PageNumber, pageCount, PageUrl, "Sidor med kommunberättelser");
        return Page();
    }

    private static string PageUrl(int page) => page == 1 ? PortalPaths.StoryList : $"{PortalPaths.StoryList}?sida={page}";
}
