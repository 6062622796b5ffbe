using EHalsostodet.Core.Content;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Web.Addresses;
using EHalsostodet.Web.Insights;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages.Stories;

[OldContentSlugs(ContentType.Story)]
[EHalsostodet.Web.OutputCaching.PublicPage]
public sealed class DetailsModel(PublishedQueries queries, StoryViewBuilder views) : PageModel, IViewedItemPage
{
    public Guid? ViewedItemId => Story?.Id;

    public StoryView Story { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var story = await queries.FindAsync<StoryDocument>(ContentType.Story, slug, cancellationToken);
        if (story is null)
        {
            return NotFound();
        }
        Story = await views.BuildAsync(story.Id, story.Document, story.FirstPublishedAt, story.LastReviewedAt, cancellationToken);
        return Page();
    }
}
