using EHalsostodet.Core.Insights;
using EHalsostodet.Core.Publishing;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages;

[EHalsostodet.Web.OutputCaching.PublicPage]
public sealed class IndexModel(PublishedQueries queries, PopularTags popularTags) : PageModel
{
    public IReadOnlyList<TagCount> PopularTags { get; private set; } = [];
    public IReadOnlyList<CollectionCard> Collections { get; private set; } = [];
    public IReadOnlyList<StoryCard> LatestStories { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PopularTags = await popularTags.TopAsync(12, cancellationToken);
        Collections = await queries.CollectionsAsync(cancellationToken);
        LatestStories = await queries.LatestStoriesAsync(6, cancellationToken);
    }
}
