using EHalsostodet.Core.Content;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Web.Addresses;
using EHalsostodet.Web.Insights;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages.Initiatives;

[OldContentSlugs(ContentType.Initiative)]
[EHalsostodet.Web.OutputCaching.PublicPage]
public sealed class DetailsModel(PublishedQueries queries) : PageModel, IViewedItemPage
{
    public Guid? ViewedItemId => Initiative?.Id;

    public PublishedItem<InitiativeDocument> Initiative { get; private set; } = null!;
    public IReadOnlyList<StoryCard> ReferencingStories { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var initiative = await queries.FindAsync<InitiativeDocument>(ContentType.Initiative, slug, cancellationToken);
        if (initiative is null)
        {
            return NotFound();
        }
        Initiative = initiative;
        ReferencingStories = await queries.StoriesReferencingAsync(initiative.Id, cancellationToken);
        return Page();
    }
}
