using Microsoft.AspNetCore.OutputCaching;
using EHalsostodet.Web.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Tests.Search;

/// <summary>Tag links anywhere lead to the tag's page; a search filtered on a tag still works; popular tags follow real use.</summary>
[TestClass]
public sealed class TagBrowsingTests
{
    private static async Task<List<string>> TitlesWithTagAsync(PortalFactory factory, string slug, ContentType? type = null)
    {
        var titles = new List<string>();
        await factory.WithDbAsync(async db => titles = await db.PublishedContent
            .Where(p => type == null || p.Type == type)
            .Where(p => db.PublishedFacets.Any(f => f.ItemId == p.ItemId && f.Facet == FacetNames.Tag && f.Value == slug))
            .Select(p => p.Title).ToListAsync());
        return titles;
    }

    [TestMethod]
    public async Task A_tag_on_a_story_page_leads_to_a_page_titled_by_the_tag_with_its_stories_first()
    {
        var client = SeededPortal.CreateClient();
        var stories = await client.GetPageAsync("/berattelser");
        var storyUrl = stories.QuerySelector(".story-card a[href^='/berattelser/']")!.GetAttribute("href")!;
        var story = await client.GetPageAsync(storyUrl);
        var tagLink = story.QuerySelector("ul.tags a.tag")!;
        var href = tagLink.GetAttribute("href")!;
        StringAssert.StartsWith(href, "/taggar/");
        var slug = Uri.UnescapeDataString(href["/taggar/".Length..]);

        var tagPage = await client.GetPageAsync(href);

        Assert.AreEqual(tagLink.TextContent.Trim(), tagPage.QuerySelector("h1")!.TextContent.Trim());
        Assert.AreEqual("Kommunberättelser", tagPage.QuerySelector("main h2")!.TextContent.Trim(), "the stories come first");
        var storiesWithTag = await TitlesWithTagAsync(SeededPortal.Factory, slug, ContentType.Story);
        CollectionAssert.AreEquivalent(storiesWithTag, tagPage.Texts(".story-card .card-title").ToList());
    }

    [TestMethod]
    public async Task A_search_filtered_on_a_tag_lists_everything_with_it_and_links_to_the_tag()
    {
        var client = SeededPortal.CreateClient();
        var slug = await SavingTagAsync();
        var search = await client.GetPageAsync($"/sok?tag={slug}");
        var tagName = search.QuerySelector(".tag-context strong")!.TextContent;

        var expected = await TitlesWithTagAsync(SeededPortal.Factory, slug);
        Assert.IsTrue(expected.Count > 0);
        CollectionAssert.AreEquivalent(expected, search.Texts(".search-hits .card-title a").ToList());
        StringAssert.Contains(search.QuerySelector(".result-count")!.TextContent, $"{expected.Count} ");
        Assert.IsTrue(search.QuerySelector($"fieldset.facet input[name='tag'][value='{slug}']")!.HasAttribute("checked"), "the tag is shown as chosen");
        Assert.IsNotNull(search.QuerySelector($".tag-context a[href='/taggar/{slug}']"), "links to the tag's own page");
        StringAssert.Contains(search.Title!, tagName);
    }

    private static Task<string> SavingTagAsync() => EHalsostodet.Tests.Members.Saving.SavingPortal.TagSlugAsync(SeededPortal.Factory);

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

        // The start page is kept for visitors; a page that shows popular tags only briefly (five minutes), as if that time had passed here.
        await factory.Services.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(PublicPageTags.Popularity, CancellationToken.None);
        var after = (await client.GetPageAsync("/")).QuerySelectorAll("#popular-tags + ul a.tag").Select(a => a.GetAttribute("href")!).ToList();
        Assert.AreEqual(last, after[0]);
        await factory.FlushUsageCountsAsync();
        await factory.WithDbAsync(async db =>
        {
            var slug = Uri.UnescapeDataString(last["/taggar/".Length..]);
            var uses = await db.UsageCounts.Where(u => u.Metric == "tag-used" && u.Subject == slug).SumAsync(u => u.Count);
            Assert.AreEqual(20, uses, "page 1 of each search counted once, with no user or address stored");
        });
    }
}
