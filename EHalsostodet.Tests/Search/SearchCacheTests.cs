using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Events;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Core.Search;
using EHalsostodet.Core.Workflow;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.Search;

/// <summary>
/// Repeated searches and suggestions are answered from memory, and never outlive a change to what
/// is published, not even when a search ran while the change was being committed.
/// </summary>
[TestClass]
public sealed class SearchCacheTests
{
    private static Task<SearchResults> SearchAsync(PortalFactory factory, string query) =>
        factory.WithScopeAsync(s => s.GetRequiredService<ISearchIndex>().SearchAsync(new SearchRequest(query), CancellationToken.None));

    private static Task<PublishedContent> FirstStoryAsync(PortalFactory factory) =>
        factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().PublishedContent.AsNoTracking()
            .Where(p => p.Type == ContentType.Story).OrderBy(p => p.Slug).FirstAsync());

    [TestMethod]
    public async Task A_repeated_search_is_kept_and_a_search_without_hits_is_not()
    {
        using var factory = new PortalFactory();
        var cache = factory.Services.GetRequiredService<SearchResultCache>();
        var first = await SearchAsync(factory, "trygghetslarm");
        Assert.IsGreaterThan(0, first.Total);
        Assert.AreEqual(1, cache.Count);

        var again = await SearchAsync(factory, "trygghetslarm");
        Assert.AreSame(first, again, "the second search is answered from memory");

        await SearchAsync(factory, "zzyzxq");
        await SearchAsync(factory, "zzyzxq");
        Assert.AreEqual(1, cache.Count, "searches without hits are not kept, so each is counted as a miss");
        var misses = await factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().Set<SearchMiss>().AsNoTracking().SumAsync(m => m.Count));
        Assert.AreEqual(2, misses);
    }

    /// <summary>
    /// Another instance's change reaches this one as an eviction and, moments later, the index sync.
    /// A search made in between ran on the old index; the sync must not let that result be served.
    /// </summary>
    [TestMethod]
    public async Task A_result_kept_from_before_the_index_caught_up_is_not_served_afterwards()
    {
        using var factory = new PortalFactory();
        var story = await FirstStoryAsync(factory);
        var before = await SearchAsync(factory, story.Title);
        Assert.AreEqual(story.Title, before.Hits.Single(h => h.Id == story.ItemId).Title);

        // The story is unpublished behind the index's back (as on another instance), and the search is made again before the sync.
        await factory.WithDbAsync(db => db.PublishedContent.Where(p => p.ItemId == story.ItemId).ExecuteDeleteAsync());
        Assert.AreSame(before, await SearchAsync(factory, story.Title), "kept until the index follows");
        await factory.WithScopeAsync(async s =>
        {
            await s.GetRequiredService<EHalsostodet.Core.Search.Lucene.SearchIndexSync>().SyncAsync([story.ItemId], CancellationToken.None);
            return true;
        });

        Assert.IsFalse((await SearchAsync(factory, story.Title)).Hits.Any(h => h.Id == story.ItemId), "the sync drops what was kept from the old index");
    }

    [TestMethod]
    public async Task A_search_made_while_an_unpublish_commits_is_not_kept_afterwards()
    {
        using var factory = new PortalFactory();
        var story = await FirstStoryAsync(factory);
        Assert.Contains(story.ItemId, (await SearchAsync(factory, story.Title)).Hits.Select(h => h.Id));

        await factory.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            await using var unit = await s.GetRequiredService<UnitOfWork>().BeginAsync(CancellationToken.None);
            var item = await db.ContentItems.SingleAsync(i => i.Id == story.ItemId);
            await s.GetRequiredService<ContentPublisher>().UnpublishAsync(item, WorkflowState.Unpublished, CancellationToken.None);
            // Another request searches before the commit: it still sees the story and keeps that result.
            var during = await SearchAsync(factory, story.Title);
            Assert.Contains(story.ItemId, during.Hits.Select(h => h.Id));
            await unit.CompleteAsync(CancellationToken.None);
            return true;
        });

        var after = await SearchAsync(factory, story.Title);
        Assert.DoesNotContain(story.ItemId, after.Hits.Select(h => h.Id), $"”{story.Title}” is gone once the unpublish has committed");
    }

    [TestMethod]
    public async Task Suggestions_follow_what_is_published()
    {
        using var factory = new PortalFactory();
        using var client = factory.CreateClient();
        async Task<List<string>> SuggestAsync()
        {
            var json = (await client.GetFromJsonAsync<JsonArray>("/api/v1/search/suggest?q=zebraf"))!;
            return json.Select(s => s!["text"]!.GetValue<string>()).ToList();
        }
        Assert.IsEmpty(await SuggestAsync());

        var id = await factory.WithScopeAsync(async s =>
        {
            var seed = await s.GetRequiredService<PortalDbContext>().PublishedContent.FirstAsync(p => p.Type == ContentType.Story);
            var story = ContentDocumentSerializer.Deserialize<StoryDocument>(seed.DocumentJson) with { Title = "Zebrafinkar i Xylofonköping", Slug = "zebrafinkar" };
            var saved = (SaveResult.Saved)await s.GetRequiredService<ContentStore>().CreateAsync(ContentType.Story, story, new ContentAuthor("u", "U"), "");
            await s.GetRequiredService<ContentPublisher>().PublishAsync(saved.Item, saved.Version, CancellationToken.None);
            return saved.Item.Id;
        });
        CollectionAssert.Contains(await SuggestAsync(), "Zebrafinkar i Xylofonköping");

        await factory.WithScopeAsync(async s =>
        {
            var item = await s.GetRequiredService<PortalDbContext>().ContentItems.SingleAsync(i => i.Id == id);
            await s.GetRequiredService<ContentPublisher>().UnpublishAsync(item, WorkflowState.Unpublished, CancellationToken.None);
            return true;
        });
        Assert.IsEmpty(await SuggestAsync());
    }
    /// <summary>Ten words on a thousand result pages each once kept a thousand copies of the same facet counts.</summary>
    [TestMethod]
    public void The_pages_of_one_search_share_their_facet_counts_and_a_filter_or_a_change_does_not()
    {
        using var cache = new SearchResultCache(Microsoft.Extensions.Options.Options.Create(new SearchOptions()));
        static SearchResults Page(string title, string facetValue) => new(2,
            [new SearchHit(Guid.NewGuid(), ContentType.Story, title, "/berattelser/" + title, title)],
            Facets: new Dictionary<string, IReadOnlyList<FacetCount>> { ["tagg"] = [new FacetCount(facetValue, 2, false)] });
        var filtered = new Dictionary<string, IReadOnlyList<string>> { ["tagg"] = ["larm"] };

        cache.Store(new SearchRequest("larm", Page: 1), Page("ett", "larm"), cache.Generation);
        cache.Store(new SearchRequest("larm", Page: 2), Page("tva", "larm"), cache.Generation);
        cache.Store(new SearchRequest("larm", Page: 1, Newest: true), Page("tre", "larm"), cache.Generation);
        cache.Store(new SearchRequest("larm", Page: 2, Filters: filtered), Page("fyra", "filtrerad"), cache.Generation);

        var first = cache.Find(new SearchRequest("larm", Page: 1))!;
        var second = cache.Find(new SearchRequest("larm", Page: 2))!;
        Assert.AreEqual("tva", second.Hits.Single().Title, "each page keeps its own hits");
        Assert.AreSame(first.Facets, second.Facets);
        Assert.AreSame(first.Facets, cache.Find(new SearchRequest("larm", Page: 1, Newest: true))!.Facets, "the order does not change the counts");
        Assert.AreEqual("filtrerad", cache.Find(new SearchRequest("larm", Page: 2, Filters: filtered))!.Facets!["tagg"].Single().Value);
        Assert.AreEqual(4, cache.Count);

        cache.Clear();
        cache.Store(new SearchRequest("larm", Page: 2), Page("tva", "efter"), cache.Generation);
        Assert.AreEqual("efter", cache.Find(new SearchRequest("larm", Page: 2))!.Facets!["tagg"].Single().Value, "counts from before a change are not reused");
    }
}
