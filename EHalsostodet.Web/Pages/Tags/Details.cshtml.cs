using EHalsostodet.Core.Publishing;
using EHalsostodet.Core.Taxonomy;
using EHalsostodet.Web.Addresses;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages.Tags;

[OldTagSlugs]
[EHalsostodet.Web.OutputCaching.PublicPage]
public sealed class DetailsModel(PublishedQueries queries) : PageModel, EHalsostodet.Web.Insights.IUsedTagPage
{
    public Tag Tag { get; private set; } = null!;
    public IReadOnlyList<StoryCard> Stories { get; private set; } = [];
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
        Stories = await queries.StoriesWithTagAsync(slug, cancellationToken);
        Collections = await queries.CollectionsWithTagAsync(slug, cancellationToken);
        return Page();
    }
}
