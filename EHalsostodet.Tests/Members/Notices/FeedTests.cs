using System.Net;
using System.Xml.Linq;
using EHalsostodet.Core.Content;
using EHalsostodet.Tests.Infrastructure;

namespace EHalsostodet.Tests.Members.Notices;

/// <summary>Atom feeds for every tag and collection, read from the seeded portal.</summary>
[TestClass]
public sealed class FeedTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private static async Task<XElement> FeedAsync(string url)
    {
        using var client = SeededPortal.CreateClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, url);
        Assert.AreEqual("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.AreEqual("utf-8", response.Content.Headers.ContentType?.CharSet);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.AreEqual(Atom + "feed", feed.Name);
        foreach (var required in new[] { "id", "title", "updated" })
        {
            Assert.IsFalse(string.IsNullOrWhiteSpace(feed.Element(Atom + required)?.Value), required);
        }
        Assert.AreEqual($"http://localhost:5000{url}", Link(feed, "self"));
        foreach (var entry in feed.Elements(Atom + "entry"))
        {
            StringAssert.StartsWith(entry.Element(Atom + "id")!.Value, "urn:uuid:");
            Assert.IsFalse(string.IsNullOrWhiteSpace(entry.Element(Atom + "title")?.Value));
            Assert.IsTrue(DateTimeOffset.TryParse(entry.Element(Atom + "updated")?.Value, System.Globalization.CultureInfo.InvariantCulture, out _));
            Assert.IsFalse(string.IsNullOrWhiteSpace(entry.Element(Atom + "summary")?.Value));
            StringAssert.StartsWith(Link(entry, "alternate"), "http://localhost:5000/berattelser/");
        }
        return feed;
    }

    private static string Link(XElement element, string rel) =>
        element.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == rel).Attribute("href")!.Value;

    private static List<string> Titles(XElement feed) => feed.Elements(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value).ToList();

    [TestMethod]
    public async Task A_tag_feed_holds_the_published_stories_with_the_tag()
    {
        var slug = Slugs.FromText("Välfärdsteknik");
        var feed = await FeedAsync($"/taggar/{slug}/feed");

        using var client = SeededPortal.CreateClient();
        var page = await client.GetPageAsync($"/taggar/{slug}");
        var onPage = page.Texts(".card-title").ToList();
        Assert.IsTrue(Titles(feed).Count > 0);
        CollectionAssert.AreEquivalent(onPage.Take(Titles(feed).Count).ToList(), Titles(feed));
        Assert.AreEqual($"http://localhost:5000/taggar/{slug}", Link(feed, "alternate"));
        Assert.AreEqual($"/taggar/{slug}/feed", page.QuerySelector("head link[rel='alternate'][type='application/atom+xml']")!.GetAttribute("href"));
    }

    [TestMethod]
    public async Task A_collection_feed_holds_its_stories_in_editorial_order()
    {
        var feed = await FeedAsync("/samlingar/att-upphandla-valfardsteknik/feed");

        CollectionAssert.AreEqual(
            new[] { "urn:uuid:5e0a0000-0000-4000-8000-000000000006", "urn:uuid:5e0a0000-0000-4000-8000-000000000010", "urn:uuid:5e0a0000-0000-4000-8000-000000000002" },
            feed.Elements(Atom + "entry").Select(e => e.Element(Atom + "id")!.Value).ToArray());
        using var client = SeededPortal.CreateClient();
        var page = await client.GetPageAsync("/samlingar/att-upphandla-valfardsteknik");
        Assert.AreEqual("/samlingar/att-upphandla-valfardsteknik/feed", page.QuerySelector("head link[rel='alternate'][type='application/atom+xml']")!.GetAttribute("href"));
    }

    [TestMethod]
    public async Task Unknown_tags_and_collections_have_no_feed()
    {
        using var client = SeededPortal.CreateClient();
        foreach (var url in new[] { "/taggar/finns-inte/feed", "/samlingar/finns-inte/feed" })
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode, url);
        }
    }
}
