using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Core.Search;
using EHalsostodet.Core.Workflow;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.Search.Conformance;

/// <summary>
/// What every <see cref="ISearchIndex"/> engine must do, over the seeded content: Swedish
/// stemming, folding, ranking, snippets, facets, hostile input, publish/unpublish visibility.
/// An engine's test class derives from this and says how to start a portal on that engine;
/// the tests use nothing but the portal's services and pages.
/// </summary>
public abstract class SearchIndexConformance
{
    /// <summary>A seeded portal on the engine, shared by the read-only tests.</summary>
    private protected abstract PortalFactory Portal { get; }

    /// <summary>A new seeded portal on the engine, for a test that changes content.</summary>
    private protected abstract PortalFactory NewPortal();

    private Task<SearchResults> SearchAsync(string query, ContentType? type = null, int page = 1, Dictionary<string, IReadOnlyList<string>>? filters = null) =>
        Portal.WithScopeAsync(s => s.GetRequiredService<ISearchIndex>().SearchAsync(new SearchRequest(query, page, 20, type, filters), CancellationToken.None));

    private Task<List<PublishedContent>> PublishedAsync(ContentType type) =>
        Portal.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().PublishedContent.Where(p => p.Type == type).ToListAsync());

    private Task<List<string>> FacetValuesAsync(Guid itemId, string facet) =>
        Portal.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().PublishedFacets.Where(f => f.ItemId == itemId && f.Facet == facet).Select(f => f.Value).ToListAsync());

    [TestMethod]
    [DataRow("larmen", "larm")]
    [DataRow("kommunernas", "kommun")]
    [DataRow("trygghetslarmen", "trygghetslarm")]
    [DataRow("trygghetslarmet", "trygghetslarm")]
    [DataRow("sensorer", "sensor")]
    [DataRow("nattkameror", "nattkamera")]
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

    /// <summary>How managers write: compounds, inflections and synonyms find the story they mean among the first hits.</summary>
    [TestMethod]
    [DataRow("nattkamera", "digital-nattillsyn-i-storkoping")]
    [DataRow("nattkameror", "digital-nattillsyn-i-storkoping")]
    [DataRow("trygghetslarmet", "upphandling-av-digitala-trygghetslarm-i-fjallmora")]
    [DataRow("läkemedelsrobot", "lakemedelsautomater-i-norrvik")]
    [DataRow("lakemedelsautomat", "lakemedelsautomater-i-norrvik")]
    [DataRow("sensor", "digital-nattillsyn-i-lss-boenden-i-bergslunda")]
    [DataRow("kameratillsyn", "digital-nattillsyn-i-storkoping")]
    [DataRow("socialbidrag", "e-tjanst-for-ekonomiskt-bistand-i-asby")]
    [DataRow("medicinrobot", "lakemedelsautomater-i-norrvik")]
    [DataRow("ipad lärplatta", "digitala-vardmoten-pa-sarskilt-boende-i-storkoping")]
    public async Task A_word_as_a_manager_writes_it_finds_the_story_they_mean(string query, string slug)
    {
        var story = (await PublishedAsync(ContentType.Story)).Single(s => s.Slug == slug);

        var results = await SearchAsync(query);

        CollectionAssert.Contains(results.Hits.Take(5).Select(h => h.Id).ToList(), story.ItemId,
            $"{query}: {string.Join(", ", results.Hits.Take(5).Select(h => h.Title))}");
    }

    [TestMethod]
    public async Task A_municipal_story_outranks_guidance_documents_for_the_same_word()
    {
        var fjallmora = (await PublishedAsync(ContentType.Story)).Single(s => s.Slug == "upphandling-av-digitala-trygghetslarm-i-fjallmora");

        var results = await SearchAsync("upphandling");

        Assert.AreEqual(fjallmora.ItemId, results.Hits[0].Id, string.Join(", ", results.Hits.Take(5).Select(h => h.Title)));
    }

    [TestMethod]
    [DataRow("digital tillsyn")]
    [DataRow("tillgänglighet")]
    [DataRow("personuppgifter")]
    [DataRow("digital")]
    [DataRow("kontakt")]
    public async Task Pages_never_outrank_stories_collections_or_initiatives(string query)
    {
        var results = await SearchAsync(query);

        var firstPage = results.Hits.Select((h, i) => (h, i)).FirstOrDefault(x => x.h.Type == ContentType.Page);
        if (firstPage.h is not null)
        {
            Assert.IsFalse(results.Hits.Skip(firstPage.i).Any(h => h.Type != ContentType.Page), $"{query}: a page ranks above other content");
        }
    }

    [TestMethod]
    public async Task A_word_that_matches_nothing_is_dropped_with_a_message_and_the_others_hits_are_shown()
    {
        var hemtjanst = await SearchAsync("hemtjänst");
        var results = await SearchAsync("hemtjänst Skåne");

        Assert.IsTrue(hemtjanst.Total > 0);
        Assert.IsTrue(results.Total > 0, "the other word's hits are shown");
        StringAssert.Contains(results.Message, "skåne", "the message names the dropped word");
    }

    [TestMethod]
    [DataRow("trygghetslram", "trygghetslarm")]
    [DataRow("nattilsyn", "nattillsyn")]
    [DataRow("videosamtla", "videosamtal")]
    public async Task Typos_still_find(string typo, string right)
    {
        var results = await SearchAsync(typo);
        var expected = await SearchAsync(right);

        Assert.IsTrue(expected.Total > 0);
        Assert.IsTrue(results.Total > 0, typo);
        Assert.AreEqual(expected.Hits[0].Id, results.Hits[0].Id, typo);
    }

    [TestMethod]
    public async Task Words_near_each_other_rank_above_the_same_words_apart()
    {
        var results = await SearchAsync("digital nattillsyn");
        var phrase = await SearchAsync("\"digital nattillsyn\"");

        Assert.IsTrue(phrase.Total > 0);
        CollectionAssert.Contains(results.Hits.Take(phrase.Total).Select(h => h.Id).ToList(), phrase.Hits[0].Id);
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
    [DataRow("larm\0kamera")]
    [DataRow("\ud800larm\udfff")]
    [DataRow("larm~2 kam?ra [a TO z] {x} ^3 /re/ \\")]
    [DataRow("AND")]
    [DataRow("\"\"\"\"")]
    [DataRow("***larm***")]
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
        using var factory = NewPortal();
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
    public async Task Characters_of_html_in_the_text_are_encoded_in_the_snippet()
    {
        using var factory = NewPortal();
        _ = factory.CreateClient();
        await factory.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            var seed = await db.PublishedContent.FirstAsync(p => p.Type == ContentType.Story);
            var story = ContentDocumentSerializer.Deserialize<StoryDocument>(seed.DocumentJson);
            story = story with { Title = "Fågelholk", Slug = "fagelholk", ShortDescription = "Zebrafinkar & kanarier, 2 < 3 \"sjunger\"." };
            var saved = (SaveResult.Saved)await s.GetRequiredService<ContentStore>().CreateAsync(ContentType.Story, story, new ContentAuthor("u", "U"), "");
            await s.GetRequiredService<ContentPublisher>().PublishAsync(saved.Item, saved.Version, CancellationToken.None);
            return true;
        });

        var snippet = (await factory.WithScopeAsync(s => s.GetRequiredService<ISearchIndex>().SearchAsync(new SearchRequest("zebrafinkar"), CancellationToken.None))).Hits.Single().Snippet;

        StringAssert.Contains(snippet, "<mark>Zebrafinkar</mark> &amp; kanarier");
        StringAssert.Contains(snippet, "2 &lt; 3");
        Assert.IsFalse(snippet.Contains('"'));
    }

    [TestMethod]
    public async Task Facets_count_hits_and_filter_with_and_across_and_or_within()
    {
        var all = await SearchAsync("digital");
        var facets = all.Facets!;
        Assert.AreEqual(all.Total, facets["type"].Sum(c => c.Count), "every hit has exactly one type");
        var area = facets[FacetNames.OperationalArea].OrderByDescending(c => c.Count).First();
        var tag = facets[FacetNames.Tag].OrderByDescending(c => c.Count).First();

        var byArea = await SearchAsync("digital", filters: new() { [FacetNames.OperationalArea] = [area.Value] });
        Assert.AreEqual(area.Count, byArea.Total, "the count shown is the number of hits when chosen");
        Assert.IsTrue(byArea.Facets![FacetNames.OperationalArea].Count > 1, "other values of the chosen facet stay counted (OR within)");
        foreach (var hit in byArea.Hits)
        {
            CollectionAssert.Contains(await FacetValuesAsync(hit.Id, FacetNames.OperationalArea), area.Value);
        }

        var both = await SearchAsync("digital", filters: new() { [FacetNames.OperationalArea] = [area.Value], [FacetNames.Tag] = [tag.Value] });
        Assert.IsTrue(both.Total <= byArea.Total, "a second facet narrows (AND across)");
        Assert.AreEqual(byArea.Facets[FacetNames.Tag].Where(c => c.Value == tag.Value).Select(c => c.Count).SingleOrDefault(), both.Total, "tag counts reflect the chosen area");
        Assert.IsTrue(both.Facets![FacetNames.Tag].Single(c => c.Value == tag.Value).Selected);
    }

    [TestMethod]
    public async Task Pages_split_the_hits_without_overlap()
    {
        var first = await SearchAsync("", ContentType.Initiative, page: 1);
        var second = await SearchAsync("", ContentType.Initiative, page: 2);

        Assert.AreEqual(39, first.Total, "facets alone list everything that has them");
        Assert.AreEqual(20, first.Hits.Count);
        Assert.AreEqual(19, second.Hits.Count);
        Assert.AreEqual(0, first.Hits.Select(h => h.Id).Intersect(second.Hits.Select(h => h.Id)).Count());
    }

    [TestMethod]
    public async Task A_misspelt_word_finds_with_the_closest_spelling_and_suggests_it()
    {
        var results = await SearchAsync("trygghetslram");
        var right = await SearchAsync("trygghetslarm");

        Assert.IsTrue(right.Total > 0);
        CollectionAssert.AreEqual(right.Hits.Select(h => h.Id).ToList(), results.Hits.Select(h => h.Id).ToList());
        Assert.AreEqual("trygghetslarm", results.DidYouMean);
        Assert.IsNull(right.DidYouMean, "a word spelt right gets no suggestion");
    }

    [TestMethod]
    public async Task The_search_page_shows_hits_with_marked_snippets()
    {
        var page = await Portal.CreateClient().GetPageAsync("/sok?q=trygghetslarmen");

        Assert.IsTrue(page.QuerySelectorAll(".search-hits > li").Length > 0);
        Assert.IsNotNull(page.QuerySelector(".search-hits .snippet mark"));
    }
}
