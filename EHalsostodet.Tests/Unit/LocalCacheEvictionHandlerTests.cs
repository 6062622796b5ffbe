using EHalsostodet.Core.Content;
using EHalsostodet.Core.Instances;
using EHalsostodet.Core.Media;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Core.Workflow;
using Moq;

namespace EHalsostodet.Tests.Unit;

/// <summary>After a commit, every cache of this instance forgets each changed item once, and the items that show a changed image.</summary>
[TestClass]
[TestCategory(Infrastructure.TestDatabase.NotUsed)]
public sealed class LocalCacheEvictionHandlerTests
{
    private readonly Mock<IContentCache> pages = new();
    private readonly Mock<IContentCache> search = new();

    private LocalCacheEvictionHandler Handler() => new(new ContentCacheEviction([pages.Object, search.Object]));

    private static ContentItem Item() => new() { Id = Guid.NewGuid(), Type = ContentType.Story };

    [TestMethod]
    public async Task Each_item_of_a_units_events_is_evicted_from_every_cache_once()
    {
        var (first, second) = (Item(), Item());
        var document = new PageDocument { Title = "Om", Slug = "om" };
        var version = new ContentVersion { Id = Guid.NewGuid(), DocumentJson = "{}" };

        await Handler().HandleAsync(
            [new ContentPublished(first, version, document, false), new ContentPublished(second, version, document, true), new ContentPublished(first, version, document, false)],
            CancellationToken.None);

        foreach (var cache in new[] { pages, search })
        {
            cache.Verify(c => c.Evict(first.Id), Times.Once);
            cache.Verify(c => c.Evict(second.Id), Times.Once);
            cache.Verify(c => c.Clear(), Times.Never);
        }
    }

    [TestMethod]
    public async Task Unpublished_and_reviewed_items_and_the_items_that_show_a_changed_image_are_evicted()
    {
        var (unpublished, reviewed, showing) = (Item(), Item(), Guid.NewGuid());
        var handler = Handler();

        await handler.HandleAsync([new ContentUnpublished(unpublished)], CancellationToken.None);
        await handler.HandleAsync([new ContentReviewed(reviewed, WorkflowActor.Scheduler)], CancellationToken.None);
        await handler.HandleAsync([new MediaChanged(new MediaItem { Id = Guid.NewGuid() }, [showing])], CancellationToken.None);

        pages.Verify(c => c.Evict(unpublished.Id), Times.Once);
        pages.Verify(c => c.Evict(reviewed.Id), Times.Once);
        pages.Verify(c => c.Evict(showing), Times.Once);
        pages.VerifyNoOtherCalls();
    }
}
