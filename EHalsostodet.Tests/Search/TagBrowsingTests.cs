using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Tests.Search;

/// <summary>Tag links anywhere lead to a search filtered on the tag; popular tags follow real use.</summary>
[TestClass]
public sealed class TagBrowsingTests
{
    private static async Task<List<string>> TitlesWithTagAsync(PortalFactory factory, string slug)
    {
        var titles = new List<string>();
        await factory.WithDbAsync(async db => titles = await db.PublishedContent
            .Where(p => db.PublishedFacets.Any(f => f.ItemId == p.ItemId && f.Facet == FacetNames.Tag && f.Value == slug))
            .Select(p => p.Title).ToListAsync());
        return titles;
    }

    [TestMethod]
    public async Task A_tag_on_a_story_page_leads_to_the_search_filtered_on_that_tag()
    {
        var client = SeededPortal.CreateClient();
        var stories = await client.GetPageAsync("/berattelser");
        var storyUrl = stories.QuerySelector(".story-card a[href^='/berattelser/']")!.GetAttribute("href")!;
        var story = await client.GetPageAsync(storyUrl);
        var tagLink = story.QuerySelector("ul.tags a.tag")!;
        var href = tagLink.GetAttribute("href")!;
        StringAssert.StartsWith(href, "/sok?tag=");
        var slug = Uri.UnescapeDataString(href["/sok?tag=".Length..]);

        var search = await client.GetPageAsync(href);

        var expected = await TitlesWithTagAsync(SeededPortal.Factory, slug);
        Assert.IsTrue(expected.Count > 0);
        CollectionAssert.AreEquivalent(expected, search.Texts(".search-hits .card-title a").ToList());
        StringAssert.Contains(search.QuerySelector(".result-count")!.TextContent, $"{expected.Count} ");
        Assert.IsTrue(search.QuerySelector($"fieldset.facet input[name='tag'][value='{slug}']")!.HasAttribute("checked"), "the tag is shown as chosen");
        Assert.IsNotNull(search.QuerySelector($".tag-context a[href='/taggar/{slug}']"), "links to the tag's own page");
        StringAssert.Contains(search.Title!, tagLink.TextContent.Trim());
    }

    [TestMethod]
    public async Task Facets_alone_list_content_in_the_api_too()
    {
        using var response = await SeededPortal.CreateClient().GetAsync(new Uri("/api/v1/search?type=initiative", UriKind.Relative));
        var json = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.AreEqual(39, json["total"]!.GetValue<int>());
        Assert.IsTrue(json["hits"]!.AsArray().All(h => h!["type"]!.GetValue<string>() == "initiative"));
    }

    [TestMethod]
    public async Task Popular_tags_on_the_start_page_rise_with_use()
    {
        using var factory = new PortalFactory();
        var client = factory.CreateClient();
        var before = (await client.GetPageAsync("/")).QuerySelectorAll("#popular-tags + ul a.tag").Select(a => a.GetAttribute("href")!).ToList();
        var last = before[^1];

        // Visitors choose the least popular of the shown tags, more often than any tag has content.
        for (var i = 0; i < 20; i++)
        {
            await client.GetPageAsync(last);
        }

        var after = (await client.GetPageAsync("/")).QuerySelectorAll("#popular-tags + ul a.tag").Select(a => a.GetAttribute("href")!).ToList();
        Assert.AreEqual(last, after[0]);
        await factory.FlushUsageCountsAsync();
        await factory.WithDbAsync(async db =>
        {
            var slug = Uri.UnescapeDataString(last["/sok?tag=".Length..]);
            var uses = await db.UsageCounts.Where(u => u.Metric == "tag-used" && u.Subject == slug).SumAsync(u => u.Count);
            Assert.AreEqual(20, uses, "page 1 of each search counted once, with no user or address stored");
        });
    }
}
