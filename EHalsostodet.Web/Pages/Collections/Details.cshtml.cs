using EHalsostodet.Core.Content;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Web.Addresses;
using EHalsostodet.Web.Insights;

namespace EHalsostodet.Web.Pages.Collections;

[OldContentSlugs(ContentType.Collection)]
[EHalsostodet.Web.OutputCaching.PublicPage]
public sealed class DetailsModel(PublishedQueries queries) : PublishedItemPageModel<CollectionDocument>(queries, ContentType.Collection), IViewedItemPage
{
    public IReadOnlyList<StoryCard> Stories { get; private set; } = [];

    protected override async Task LoadAsync(PublishedItem<CollectionDocument> item, CancellationToken cancellationToken) =>
        Stories = await Queries.StoriesAsync(item.Document.StoryIds, cancellationToken);
}
