using EHalsostodet.Core.Content;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Web.Addresses;
using EHalsostodet.Web.Insights;

namespace EHalsostodet.Web.Pages.Initiatives;

[OldContentSlugs(ContentType.Initiative)]
[EHalsostodet.Web.OutputCaching.PublicPage]
public sealed class DetailsModel(PublishedQueries queries) : PublishedItemPageModel<InitiativeDocument>(queries, ContentType.Initiative), IViewedItemPage
{
    public IReadOnlyList<StoryCard> ReferencingStories { get; private set; } = [];

    protected override async Task LoadAsync(PublishedItem<InitiativeDocument> item, CancellationToken cancellationToken) =>
        ReferencingStories = await Queries.StoriesReferencingAsync(item.Id, cancellationToken);
}
