using EHalsostodet.Core.Content;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Web.Addresses;
using EHalsostodet.Web.Insights;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages.Collections;

[OldContentSlugs(ContentType.Collection)]
[EHalsostodet.Web.OutputCaching.PublicPage]
public sealed class DetailsModel(PublishedQueries queries) : PageModel, IViewedItemPage
{
    public Guid? ViewedItemId => Collection?.Id;

    public PublishedItem<CollectionDocument> Collection { get; private set; } = null!;
    public IReadOnlyList<StoryCard> Stories { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var collection = await queries.FindAsync<CollectionDocument>(ContentType.Collection, slug, cancellationToken);
        if (collection is null)
        {
            return NotFound();
        }
        Collection = collection;
        Stories = await queries.StoriesAsync(collection.Document.StoryIds, cancellationToken);
        return Page();
    }
}
