using System.Net;
using System.Xml.Linq;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Tests.Infrastructure;
using static EHalsostodet.Tests.Api.ManagementClient;

namespace EHalsostodet.Tests.Seo;

/// <summary>/sitemap.xml and /robots.txt.</summary>
[TestClass]
public sealed class SeoTests
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private static async Task<XDocument> SitemapAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/sitemap.xml", UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("application/xml", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.AreNotEqual(0xEF, bytes[0], "no byte-order mark");
        return XDocument.Parse(System.Text.Encoding.UTF8.GetString(bytes));
    }

    private static List<string> Locations(XDocument sitemap) =>
        sitemap.Root!.Elements(Sitemap + "url").Select(u => u.Element(Sitemap + "loc")!.Value).ToList();

    [TestMethod]
    public async Task The_sitemap_lists_every_published_page_with_absolute_addresses_and_lastmod()
    {
        using var client = SeededPortal.CreateClient();
        var sitemap = await SitemapAsync(client);

        Assert.AreEqual(Sitemap + "urlset", sitemap.Root!.Name);
        var locations = Locations(sitemap);
        foreach (var expected in new[]
        {
            "http://localhost:5000/",
            "http://localhost:5000/berattelser",
            "http://localhost:5000/samlingar",
            "http://localhost:5000/taggar",
            "http://localhost:5000/kunskapshojande-initiativ",
            "http://localhost:5000/berattelser/lakemedelsautomater-i-norrvik",
            "http://localhost:5000/samlingar/att-upphandla-valfardsteknik",
            "http://localhost:5000/kunskapshojande-initiativ/klassa",
            "http://localhost:5000/taggar/upphandling",
            "http://localhost:5000/om",
            "http://localhost:5000/tillganglighetsredogorelse",
        })
        {
            CollectionAssert.Contains(locations, expected);
        }
        Assert.AreEqual(12, locations.Count(l => l.StartsWith("http://localhost:5000/berattelser/", StringComparison.Ordinal)));
        Assert.AreEqual(locations.Count, locations.Distinct().Count(), "no address twice");
        foreach (var url in sitemap.Root.Elements(Sitemap + "url"))
        {
            var lastmod = url.Element(Sitemap + "lastmod")?.Value;
            Assert.IsNotNull(lastmod, url.ToString());
            Assert.IsTrue(DateTimeOffset.TryParse(lastmod, out _), lastmod);
        }

        // Every address in it answers.
        foreach (var location in locations)
        {
            using var page = await client.GetAsync(new Uri(location.Replace("http://localhost:5000", "", StringComparison.Ordinal), UriKind.Relative));
            Assert.AreEqual(HttpStatusCode.OK, page.StatusCode, location);
        }
    }

    [TestMethod]
    public async Task The_sitemap_leaves_out_drafts_and_follows_publishing()
    {
        using var factory = new PortalFactory(settings: new Dictionary<string, string?> { ["Workflow:FourEyes"] = "false", ["Email:PublicBaseUrl"] = "https://ehalsostodet.example.se/" });
        await factory.CreateUserAsync("granskare@seo.example.se", PortalRoles.Reviewer);
        using var reviewer = await factory.BearerClientAsync("granskare@seo.example.se");
        await CreateStoryAsync(reviewer, "Hemligt utkast om kartor");
        var published = await CreateStoryAsync(reviewer, "Publicerad om kartor");
        await ActOkAsync(reviewer, published, "submit");
        await ActOkAsync(reviewer, published, "approve");

        using var client = factory.CreateClient();
        var locations = Locations(await SitemapAsync(client));

        CollectionAssert.Contains(locations, "https://ehalsostodet.example.se/berattelser/publicerad-om-kartor");
        Assert.IsFalse(locations.Any(l => l.Contains("hemligt-utkast", StringComparison.Ordinal)));
        Assert.IsTrue(locations.All(l => l.StartsWith("https://ehalsostodet.example.se/", StringComparison.Ordinal)));
        Assert.IsFalse(locations.Any(l => l.Contains("/mina-sidor", StringComparison.Ordinal) || l.Contains("/delad-", StringComparison.Ordinal) || l.Contains("/redaktion", StringComparison.Ordinal)));
    }

    [TestMethod]
    public async Task Robots_keeps_crawlers_out_of_private_addresses_and_names_the_sitemap()
    {
        using var client = SeededPortal.CreateClient();
        using var response = await client.GetAsync(new Uri("/robots.txt", UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("text/plain", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.TrimEntries);

        CollectionAssert.Contains(lines, "User-agent: *");
        foreach (var path in new[] { "/redaktion", "/mina-sidor", "/api/", "/delad-samling/", "/delad-handlingsplan/", "/avsluta-prenumeration/" })
        {
            CollectionAssert.Contains(lines, $"Disallow: {path}");
        }
        CollectionAssert.Contains(lines, "Sitemap: http://localhost:5000/sitemap.xml");
        Assert.IsFalse(lines.Contains("Disallow: /"), "the public site stays open");
    }
}
