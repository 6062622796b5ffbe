using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Tests.Infrastructure;
using EHalsostodet.Tests.Members.Saving;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Tests.Search;

/// <summary>The search page as a visitor reads it: hits first as full cards, filters that fit the hits, chosen filters as chips.</summary>
[TestClass]
public sealed class SearchPageTests
{
    [TestMethod]
    public async Task Story_hits_are_cards_with_type_municipality_outcome_tags_and_date()
    {
        var page = await SeededPortal.CreateClient().GetPageAsync("/sok?q=trygghetslarm&type=story");

        var cards = page.QuerySelectorAll("ol.search-hits > li.card");
        Assert.IsTrue(cards.Length > 0);
        var stories = await SavingPortal.QueryAsync(SeededPortal.Factory, db => db.PublishedContent.AsNoTracking()
            .Where(p => p.Type == ContentType.Story).ToDictionaryAsync(p => PortalPaths.Of(ContentType.Story, p.Slug)));
        var municipalities = await SavingPortal.QueryAsync(SeededPortal.Factory, db => db.Municipalities.AsNoTracking().ToDictionaryAsync(m => m.Code, m => m.Name));
        foreach (var card in cards)
        {
            var row = stories[card.QuerySelector(".card-title a")!.GetAttribute("href")!];
            var story = ContentDocumentSerializer.Deserialize<StoryDocument>(row.DocumentJson);
            var meta = card.QuerySelector(".card-meta")!.TextContent;
            Assert.AreEqual("Kommunberättelse", card.QuerySelector(".hit-type")!.TextContent.Trim());
            StringAssert.Contains(meta, municipalities[story.MunicipalityCode], row.Slug);
            Assert.AreEqual(story.Outcome.Label(), card.QuerySelector(".outcome")!.TextContent.Trim(), row.Slug);
            Assert.AreEqual(EHalsostodet.Core.Time.SwedishTime.DateOf(row.FirstPublishedAt).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), card.QuerySelector("time")!.GetAttribute("datetime"));
            CollectionAssert.AreEquivalent(PublishedQueries.TagLinks(story.Tags).Select(t => t.Name).ToList(), card.QuerySelectorAll("a.tag").Select(a => a.TextContent).ToList(), row.Slug);
            Assert.IsNotNull(card.QuerySelector(".snippet"));
        }
    }

    [TestMethod]
    public async Task The_kommun_facet_names_municipalities_and_narrows_to_their_stories()
    {
        var client = SeededPortal.CreateClient();
        var all = await client.GetPageAsync("/sok?q=digital");
        var boxes = all.QuerySelectorAll("fieldset.facet input[name='municipality']");
        Assert.IsTrue(boxes.Length > 1, "the stories come from more than one municipality");
        var municipalities = await SavingPortal.QueryAsync(SeededPortal.Factory, db => db.Municipalities.AsNoTracking().ToDictionaryAsync(m => m.Code, m => m.Name));
        var box = boxes[0];
        var code = box.GetAttribute("value")!;
        var label = all.QuerySelector($"label[for='{box.Id}']")!.TextContent;
        StringAssert.StartsWith(label, municipalities[code] + " (");

        var narrowed = await client.GetPageAsync($"/sok?q=digital&municipality={code}");

        var expected = await SavingPortal.QueryAsync(SeededPortal.Factory, db => db.PublishedContent.AsNoTracking().Where(p => p.MunicipalityCode == code).Select(p => p.Title).ToListAsync());
        var titles = narrowed.Texts(".search-hits .card-title").ToList();
        Assert.IsTrue(titles.Count > 0);
        CollectionAssert.IsSubsetOf(titles, expected);
        Assert.AreEqual($"Kommun: {municipalities[code]}×", narrowed.QuerySelector(".chips a.chip")!.TextContent.Replace("Ta bort filtret ", "", StringComparison.Ordinal).Trim());
    }

    [TestMethod]
    public async Task Initiative_facets_appear_only_when_initiatives_are_among_the_hits()
    {
        var client = SeededPortal.CreateClient();
        string[] initiativeFacets = ["initiativeArea", "targetGroup", "subArea", "organisation"];

        var initiatives = await client.GetPageAsync("/sok?type=initiative");
        var stories = await client.GetPageAsync("/sok?q=trygghetslarm&type=story");

        Assert.IsTrue(initiativeFacets.Any(f => initiatives.QuerySelector($"fieldset.facet input[name='{f}']") is not null), "initiatives are filtered by their own facets");
        foreach (var facet in initiativeFacets)
        {
            Assert.IsNull(stories.QuerySelector($"fieldset.facet input[name='{facet}']"), facet);
        }
    }

    [TestMethod]
    [DataRow("/sok?q=digital")]
    [DataRow("/sok?q=trygghetslarm")]
    [DataRow("/sok?q=digital&type=story")]
    [DataRow("/sok?type=initiative")]
    public async Task No_facet_is_offered_that_would_not_narrow_the_hits(string address)
    {
        var page = await SeededPortal.CreateClient().GetPageAsync(address);
        var total = int.Parse(System.Text.RegularExpressions.Regex.Match(page.QuerySelector(".result-count")!.TextContent, @"\d+").Value, System.Globalization.CultureInfo.InvariantCulture);

        var fieldsets = page.QuerySelectorAll("fieldset.facet");
        Assert.IsTrue(fieldsets.Length > 0);
        foreach (var fieldset in fieldsets)
        {
            var counts = fieldset.QuerySelectorAll("label .count").Select(c => int.Parse(c.TextContent.Trim('(', ')'), System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.IsFalse(counts.All(c => c == total), $"{fieldset.QuerySelector("legend")!.TextContent}: every value is on all {total} hits");
        }
    }

    [TestMethod]
    public async Task Chosen_filters_are_counted_and_shown_as_chips_that_remove_one_each()
    {
        var client = SeededPortal.CreateClient();
        var page = await client.GetPageAsync("/sok?q=digital&type=story&operationalArea=elderlyCare");

        Assert.AreEqual("Filtrera (2 valda)", page.QuerySelector("details.search-filters > summary")!.TextContent.Trim());
        var chips = page.QuerySelectorAll(".chips a.chip");
        CollectionAssert.AreEqual(new[] { "Innehållstyp: Kommunberättelse", "Verksamhetsområde: Äldreomsorg" },
            chips.Select(c => c.TextContent.Replace("Ta bort filtret ", "", StringComparison.Ordinal).TrimEnd('×').Trim()).ToList());
        Assert.IsNull(page.QuerySelector("details.search-filters[open]"), "the filters wait closed behind their summary");
        Assert.AreEqual("/sok?q=digital", page.QuerySelector("a.clear-filters")!.GetAttribute("href"));

        var withoutType = await client.GetPageAsync(chips[0].GetAttribute("href")!);

        Assert.IsNull(withoutType.QuerySelector("fieldset.facet input[name='type'][checked]"));
        Assert.IsTrue(withoutType.QuerySelector("fieldset.facet input[name='operationalArea'][value='elderlyCare']")!.HasAttribute("checked"));
        Assert.AreEqual(1, withoutType.QuerySelectorAll(".chips a.chip").Length);
        // A new search from the box keeps the chosen filter.
        Assert.IsNotNull(withoutType.QuerySelector("#search-form input[type='hidden'][name='operationalArea'][value='elderlyCare']"));
    }

    [TestMethod]
    public async Task The_hits_come_before_the_filters_and_a_link_skips_to_them()
    {
        var page = await SeededPortal.CreateClient().GetPageAsync("/sok?q=trygghetslarm");

        var skip = page.QuerySelector("main a.skip-to-hits")!;
        Assert.AreEqual("Hoppa till träffarna", skip.TextContent);
        Assert.AreEqual("#traffar", skip.GetAttribute("href"));
        Assert.IsNotNull(page.QuerySelector("#traffar ol.search-hits > li"));
        var main = page.QuerySelector("main")!.InnerHtml;
        Assert.IsTrue(main.IndexOf("result-count", StringComparison.Ordinal) < main.IndexOf("search-filters", StringComparison.Ordinal), "the hit count comes before the filters");
    }

    [TestMethod]
    [DataRow("/")]
    [DataRow("/sok?q=trygghetslarm")]
    [DataRow("/berattelser")]
    public async Task Every_page_has_one_search_box_in_one_named_search_landmark(string address)
    {
        const int expected = 1;
        var page = await SeededPortal.CreateClient().GetPageAsync(address);

        var landmarks = page.QuerySelectorAll("[role='search']");
        Assert.AreEqual(expected, landmarks.Length);
        Assert.AreEqual(expected, page.QuerySelectorAll("input[type='search'][name='q']").Length);
        Assert.IsTrue(landmarks.All(l => !string.IsNullOrWhiteSpace(l.GetAttribute("aria-label"))));
        Assert.IsTrue(page.QuerySelectorAll("input[type='search'][name='q']").All(i => i.HasAttribute("data-suggest")), "every search box offers suggestions");
    }
}
