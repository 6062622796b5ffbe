using EHalsostodet.Core.Content;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Web.Addresses;
using EHalsostodet.Web.Insights;

namespace EHalsostodet.Web.Pages.Stories;

[OldContentSlugs(ContentType.Story)]
[EHalsostodet.Web.OutputCaching.PublicPage]
public sealed class DetailsModel(PublishedQueries queries, StoryViewBuilder views) : PublishedItemPageModel<StoryDocument>(queries, ContentType.Story), IViewedItemPage
{
    public StoryView Story { get; private set; } = null!;

    protected override async Task LoadAsync(PublishedItem<StoryDocument> item, CancellationToken cancellationToken) =>
        Story = await views.BuildAsync(item.Id, item.Document, item.FirstPublishedAt, item.LastReviewedAt, cancellationToken);
}
