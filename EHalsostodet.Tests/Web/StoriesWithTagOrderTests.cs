using System.Text.Json.Nodes;
using System.Xml.Linq;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.Web;

/// <summary>A tag's stories come in one order wherever they are listed: newest first publication first, then by id.</summary>
[TestClass]
public sealed class StoriesWithTagOrderTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    /// <summary>A stopped clock: the seed is published in one instant, so only the tie-break orders it.</summary>
    private static PortalFactory factory = null!;

    [ClassInitialize]
    public static void Start(TestContext context) => factory = new PortalFactory(clock: new TestClock());

    [ClassCleanup]
    public static void Stop() => factory.Dispose();

    [TestMethod]
    public async Task The_tag_page_its_feed_and_the_delivery_api_list_a_tags_stories_in_the_same_order()
    {
        var slug = Slugs.FromText("Välfärdsteknik");
        var expected = await factory.WithScopeAsync(async s =>
        {
            var rows = await s.GetRequiredService<PortalDbContext>().PublishedContent.AsNoTracking()
                .Where(p => p.Type == ContentType.Story)
                .Join(s.GetRequiredService<PortalDbContext>().PublishedFacets.Where(f => f.Facet == FacetNames.Tag && f.Value == slug), p => p.ItemId, f => f.ItemId, (p, _) => p)
                .ToListAsync();
            Assert.AreEqual(1, rows.Select(p => p.FirstPublishedAt).Distinct().Count(), "published in one instant");
            return rows.OrderByDescending(p => p.FirstPublishedAt).ThenBy(p => p.ItemId.ToString(), StringComparer.OrdinalIgnoreCase).Select(p => p.Slug).ToList();
        });
        Assert.IsGreaterThan(2, expected.Count, "the tag has stories to order");
        using var client = factory.CreateBrowserClient();

        var page = await client.GetPageAsync($"/taggar/{slug}");
        var onPage = page.QuerySelectorAll("a[href^='/berattelser/']").Select(a => a.GetAttribute("href")!["/berattelser/".Length..]).Distinct().ToList();
        var feed = XDocument.Parse(await client.GetStringAsync(new Uri($"/taggar/{slug}/feed", UriKind.Relative))).Root!;
        var inFeed = feed.Elements(Atom + "entry")
            .Select(e => e.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "alternate").Attribute("href")!.Value.Split("/berattelser/")[1])
            .ToList();
        var delivered = JsonNode.Parse(await client.GetStringAsync(new Uri($"/api/delivery/v1/tags/{slug}?pageSize=100", UriKind.Relative)))!["items"]!.AsArray()
            .Where(i => i!["type"]!.GetValue<string>() == "story").Select(i => i!["slug"]!.GetValue<string>()).ToList();

        CollectionAssert.AreEqual(expected, onPage, "the tag page");
        CollectionAssert.AreEqual(expected.Take(inFeed.Count).ToList(), inFeed, "the feed");
        CollectionAssert.AreEqual(expected, delivered, "the delivery API");
    }
}
