using System.Security.Claims;
using EHalsostodet.Core.Insights;
using EHalsostodet.Core.Members.Profiles;
using EHalsostodet.Core.Publishing;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages;

public sealed class IndexModel(PublishedQueries queries, PopularTags popularTags, ForYouQuery forYouQuery) : PageModel
{
    public IReadOnlyList<TagCount> PopularTags { get; private set; } = [];
    public IReadOnlyList<CollectionCard> Collections { get; private set; } = [];
    public IReadOnlyList<StoryCard> LatestStories { get; private set; } = [];
    /// <summary>Only for a signed-in account; anonymous visitors get the same page as everyone.</summary>
    public ForYou? ForYou { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PopularTags = await popularTags.TopAsync(12, cancellationToken);
        Collections = await queries.CollectionsAsync(cancellationToken);
        LatestStories = await queries.LatestStoriesAsync(6, cancellationToken);
        if (User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            ForYou = await forYouQuery.ForMemberAsync(userId, cancellationToken);
        }
    }
}
