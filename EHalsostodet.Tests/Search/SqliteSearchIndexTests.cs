using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Core.Search;
using EHalsostodet.Core.Search.Sqlite;
using EHalsostodet.Core.Workflow;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.Search;

/// <summary>The FTS5 engine over the seeded content: Swedish stemming, folding, ranking, snippets, visibility.</summary>
[TestClass]
public sealed class SqliteSearchIndexTests
{
    private static Task<SearchResults> SearchAsync(string query, ContentType? type = null, int page = 1) =>
        SeededPortal.Factory.WithScopeAsync(s => s.GetRequiredService<ISearchIndex>().SearchAsync(new SearchRequest(query, page, 20, type), CancellationToken.None));

    private static Task<List<PublishedContent>> PublishedAsync(ContentType type) =>
        SeededPortal.Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().PublishedContent.Where(p => p.Type == type).ToListAsync());

    [TestMethod]
    public async Task Every_published_item_is_in_the_index()
    {
        var count = await SeededPortal.Factory.WithScopeAsync(s => s.GetRequiredService<SqliteSearchIndexer>().CountAsync(CancellationToken.None));
        var published = await SeededPortal.Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().PublishedContent.CountAsync());

        Assert.AreEqual(published, count);
    }

    [TestMethod]
    [DataRow("larmen", "larm")]
    [DataRow("kommunernas", "kommun")]
    [DataRow("trygghetslarmen", "trygghetslarm")]
    public async Task Inflected_forms_find_the_same_items_as_the_base_form(string inflected, string baseForm)
    {
        var a = await SearchAsync(inflected);
        var b = await SearchAsync(baseForm);

        Assert.IsTrue(b.Total > 0, baseForm);
        CollectionAssert.AreEquivalent(b.Hits.Select(h => h.Id).ToList(), a.Hits.Select(h => h.Id).ToList());
    }

    [TestMethod]
    public async Task Words_typed_without_swedish_letters_still_find_them_ranked_below_exact_matches()
    {
        var exact = await SearchAsync("läkemedelsautomater");
        var folded = await SearchAsync("lakemedelsautomater");

        Assert.IsTrue(exact.Total > 0);
        CollectionAssert.IsSubsetOf(exact.Hits.Select(h => h.Id).ToList(), folded.Hits.Select(h => h.Id).ToList());
        Assert.AreEqual(exact.Hits[0].Id, folded.Hits[0].Id, "the best match is the same");
    }

    [TestMethod]
    public async Task A_word_in_the_title_ranks_above_the_same_word_in_the_text()
    {
        var story = (await PublishedAsync(ContentType.Story)).Single(s => s.Slug == "distansmonitorering-i-hemsjukvarden-i-havsstad");

        var results = await SearchAsync("distansmonitorering");

        Assert.AreEqual(story.ItemId, results.Hits[0].Id);
    }

    [TestMethod]
    public async Task Prefixes_phrases_and_exclusions_work()
    {
        var prefix = await SearchAsync("trygghetsl*");
        Assert.IsTrue(prefix.Total > 0);

        var phrase = await SearchAsync("\"digital nattillsyn\"");
        Assert.IsTrue(phrase.Total > 0);
        Assert.IsTrue(phrase.Total <= (await SearchAsync("digital nattillsyn")).Total);

        var without = await SearchAsync("nattillsyn -kamera");
        var with = await SearchAsync("nattillsyn");
        Assert.IsTrue(without.Total < with.Total, "excluding a word narrows the result");
    }

    [TestMethod]
    public async Task Snippets_are_safe_html_with_the_matching_words_marked()
    {
        var results = await SearchAsync("samtycke");

        Assert.IsTrue(results.Total > 0);
        StringAssert.Contains(results.Hits[0].Snippet, "<mark>");
        Assert.IsFalse(results.Hits.Any(h => h.Snippet.Contains("<script", StringComparison.OrdinalIgnoreCase)));
    }

    [TestMethod]
    public async Task Results_can_be_limited_to_one_content_type()
    {
        var initiatives = await SearchAsync("informationssäkerhet", ContentType.Initiative);

        Assert.IsTrue(initiatives.Total > 0);
        Assert.IsTrue(initiatives.Hits.All(h => h.Type == ContentType.Initiative));
    }

    [TestMethod]
    [DataRow("\"")]
    [DataRow("NEAR(larm kamera")]
    [DataRow("title:larm")]
    [DataRow("larm AND OR NOT")]
    [DataRow("((((larm")]
    [DataRow("'; DROP TABLE search_index; --")]
    [DataRow("🙂 🚨")]
    [DataRow("*")]
    [DataRow("-")]
    public async Task Hostile_input_never_fails(string query)
    {
        var results = await SearchAsync(query);

        Assert.IsNotNull(results);
        Assert.IsTrue(results.Total >= 0);
    }

    [TestMethod]
    public async Task Ten_thousand_characters_are_cut_with_a_message()
    {
        var results = await SearchAsync(string.Concat(Enumerable.Repeat("larm ", 2000)));

        Assert.IsNotNull(results.Message);
    }

    [TestMethod]
    public async Task A_search_right_after_approval_finds_the_item_and_right_after_unpublishing_does_not()
    {
        using var factory = new PortalFactory();
        _ = factory.CreateClient();
        var id = await factory.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            var seed = await db.PublishedContent.FirstAsync(p => p.Type == ContentType.Story);
            var story = ContentDocumentSerializer.Deserialize<StoryDocument>(seed.DocumentJson) with { Title = "Zebrafinkar i Xylofonköping", Slug = "zebrafinkar" };
            var saved = (SaveResult.Saved)await s.GetRequiredService<ContentStore>().CreateAsync(ContentType.Story, story, new ContentAuthor("u", "U"), "");
            await s.GetRequiredService<ContentPublisher>().PublishAsync(saved.Item, saved.Version, CancellationToken.None);
            return saved.Item.Id;
        });
        Task<SearchResults> Find() => factory.WithScopeAsync(s => s.GetRequiredService<ISearchIndex>().SearchAsync(new SearchRequest("zebrafinkar"), CancellationToken.None));

        Assert.AreEqual(id, (await Find()).Hits.Single().Id);

        await factory.WithScopeAsync(async s =>
        {
            var item = await s.GetRequiredService<PortalDbContext>().ContentItems.SingleAsync(i => i.Id == id);
            await s.GetRequiredService<ContentPublisher>().UnpublishAsync(item, WorkflowState.Unpublished, CancellationToken.None);
            return true;
        });
        Assert.AreEqual(0, (await Find()).Total);
    }

    [TestMethod]
    public async Task The_search_page_shows_hits_with_marked_snippets()
    {
        var page = await SeededPortal.CreateClient().GetPageAsync("/sok?q=trygghetslarmen");

        Assert.IsTrue(page.QuerySelectorAll(".search-hits > li").Length > 0);
        Assert.IsNotNull(page.QuerySelector(".search-hits .snippet mark"));
    }
}
