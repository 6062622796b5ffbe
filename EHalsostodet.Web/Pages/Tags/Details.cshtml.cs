using EHalsostodet.Core.Publishing;
using EHalsostodet.Core.Taxonomy;
using EHalsostodet.Core.Addresses;
using EHalsostodet.Web.Addresses;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Web.Pages.Tags;

[OldTagSlugs]
[EHalsostodet.Web.OutputCaching.PublicPage]
public sealed class DetailsModel(PublishedQueries queries, IOptions<PublicListOptions> lists) : PageModel, EHalsostodet.Web.Insights.IUsedTagPage
{
    public Tag Tag { get; private set; } = null!;

    [BindProperty(SupportsGet = true, Name = "sida")]
    public int PageNumber { get; set; } = 1;

    public CardPage<StoryCard> Stories { get; private set; } = new([], 0);

    public Pager Pager { get; private set; } = null!;

    public IReadOnlyList<CollectionCard> Collections { get; private set; } = [];

    public string? UsedTagSlug => Tag?.Slug;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var tag = await queries.TagAsync(slug, cancellationToken);
        if (tag is null)
        {
            return NotFound();
        }
        Tag = tag;
        if (PageNumber < 1)
        {
            return NotFound();
        }
        var size = Math.Max(1, lists.Value.StoriesPerPage);
        Stories = await queries.StoriesWithTagAsync(slug, PageNumber, size, cancellationToken);
        if (Pager.Of(PageNumber, Stories.PageCount(size), PortalPaths.Tag(tag.Slug), $"Sidor med kommunberättelser med taggen {tag.Name}") is not { } pager)
        {
            return NotFound();
        }
        Pager = pager;
        Collections = await queries.CollectionsWithTagAsync(slug, cancellationToken);
        return Page();
    }
}
