using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Insights;
using EHalsostodet.Core.Members.OwnCollections;
using EHalsostodet.Core.Sharing;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QRCoder;
using static EHalsostodet.Tests.Members.Saving.SavingPortal;

namespace EHalsostodet.Tests.Sharing;

/// <summary>
/// The share panel, QR codes and link-preview metadata on stories, collections and shared own
/// collections. The portal's public address is configured to differ from the test server's,
/// so every absolute URL must come from that one setting.
/// </summary>
[TestClass]
public sealed partial class SharePanelTests : PortalTestClass<SharePanelTests>
{
    private const string PublicBase = "https://ehalsostodet.example.se";

    private protected override PortalFactory CreatePortal() => new(settings: new Dictionary<string, string?> { ["Email:PublicBaseUrl"] = PublicBase + "/" });

    private static HttpClient Anonymous() =>
        Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [TestMethod]
    public async Task A_story_page_offers_its_absolute_link_a_mailto_and_its_qr_code()
    {
        var story = await PublishedAsync(Factory, ContentType.Story);
        var page = await Anonymous().GetPageAsync(story.Url);
        var expectedUrl = PublicBase + story.Url;

        var panel = page.QuerySelector("section.share-panel") ?? throw new AssertFailedException("Delningspanelen saknas.");
        var field = panel.QuerySelector("input#share-url")!;
        Assert.AreEqual(expectedUrl, field.GetAttribute("value"));
        Assert.IsTrue(field.HasAttribute("readonly"));
        Assert.AreEqual("Länk till sidan", panel.QuerySelector("label[for='share-url']")!.TextContent.Trim());
        var copy = panel.QuerySelector("button[data-copy-from='share-url']")!;
        Assert.AreEqual("Kopiera länk", copy.TextContent.Trim());
        Assert.IsTrue(copy.HasAttribute("hidden"), "Utan JavaScript ska knappen inte visas; share.js visar den.");
        Assert.AreEqual("polite", panel.QuerySelector("[data-copy-status]")!.GetAttribute("aria-live"));

        var mailto = panel.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).Single(h => h.StartsWith("mailto:", StringComparison.Ordinal));
        Assert.IsFalse(mailto.Contains(' ', StringComparison.Ordinal), "Mailto-länken ska vara URL-kodad.");
        var query = mailto["mailto:?".Length..].Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
        Assert.AreEqual($"Tips från E-hälsostödet: {story.Title}", query["subject"]);
        StringAssert.Contains(query["body"], story.Title);
        StringAssert.Contains(query["body"], expectedUrl);

        var qr = panel.QuerySelector("img")!;
        Assert.AreEqual(story.Url + "/qr.svg", qr.GetAttribute("src"));
        Assert.AreEqual($"QR-kod till sidan {story.Title}", qr.GetAttribute("alt"));
        Assert.IsNotNull(panel.QuerySelector($"a[download][href='{story.Url}/qr.svg?ladda-ner=1']"));
    }

    [TestMethod]
    public async Task Story_and_collection_pages_carry_opengraph_twitter_and_canonical_metadata()
    {
        var story = await PublishedAsync(Factory, ContentType.Story);
        var collection = await PublishedAsync(Factory, ContentType.Collection);
        foreach (var (item, type) in new[] { (story, "article"), (collection, "website") })
        {
            var page = await Anonymous().GetPageAsync(item.Url);
            string Meta(string selector) => page.Head!.QuerySelector(selector)?.GetAttribute("content") ?? throw new AssertFailedException($"{selector} saknas på {item.Url}.");
            Assert.AreEqual(PublicBase + item.Url, Meta("meta[property='og:url']"));
            Assert.AreEqual(PublicBase + item.Url, page.Head!.QuerySelector("link[rel='canonical']")!.GetAttribute("href"));
            Assert.AreEqual(type, Meta("meta[property='og:type']"));
            Assert.AreEqual(item.Title, Meta("meta[property='og:title']"));
            Assert.AreEqual("E-hälsostödet", Meta("meta[property='og:site_name']"));
            Assert.AreEqual("sv_SE", Meta("meta[property='og:locale']"));
            Assert.AreEqual("summary", Meta("meta[name='twitter:card']"));
            Assert.IsFalse(string.IsNullOrWhiteSpace(Meta("meta[property='og:description']")));
        }
    }

    [TestMethod]
    public async Task A_story_qr_code_is_an_svg_that_encodes_the_pages_absolute_url()
    {
        var story = await PublishedAsync(Factory, ContentType.Story);
        var other = await PublishedAsync(Factory, ContentType.Story, 1);

        using var response = await Anonymous().GetAsync(new Uri(story.Url + "/qr.svg", UriKind.Relative));

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("image/svg+xml", response.Content.Headers.ContentType!.MediaType);
        StringAssert.Contains(response.Headers.CacheControl!.ToString(), "max-age");
        var svg = await response.Content.ReadAsStringAsync();
        var modules = ReadModules(svg);
        Assert.IsTrue(SameModules(modules, PublicBase + story.Url), "QR-koden ska koda sidans absoluta adress.");
        Assert.IsFalse(SameModules(modules, PublicBase + other.Url), "Jämförelsen måste kunna skilja två adresser åt.");
        Assert.IsFalse(SameModules(modules, "http://localhost" + story.Url), "Adressen ska bygga på den konfigurerade publika adressen.");
    }

    [TestMethod]
    public async Task HEAD_on_a_qr_code_answers_as_GET_without_a_body_and_counts_no_share()
    {
        var story = await PublishedAsync(Factory, ContentType.Story, 2);
        var collection = await PublishedAsync(Factory, ContentType.Collection);
        using var get = await Anonymous().GetAsync(new Uri(story.Url + "/qr.svg", UriKind.Relative));
        var getLength = (await get.Content.ReadAsByteArrayAsync()).Length;

        foreach (var url in new[] { story.Url + "/qr.svg", collection.Url + "/qr.svg" })
        {
            using var head = await Anonymous().SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(url, UriKind.Relative)));
            Assert.AreEqual(HttpStatusCode.OK, head.StatusCode, url);
            Assert.AreEqual("image/svg+xml", head.Content.Headers.ContentType!.MediaType, url);
            StringAssert.Contains(head.Headers.CacheControl!.ToString(), "max-age", url);
            Assert.IsEmpty(await head.Content.ReadAsByteArrayAsync(), url);
            if (url.StartsWith(story.Url, StringComparison.Ordinal))
            {
                Assert.AreEqual(getLength, head.Content.Headers.ContentLength, "the length GET would send");
            }
        }
        Assert.IsGreaterThan(0, getLength);

        await Factory.FlushUsageCountsAsync();
        var sharesBefore = await SharesAsync(story.Id);
        using (var download = await Anonymous().SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(story.Url + "/qr.svg?ladda-ner=1", UriKind.Relative))))
        {
            Assert.AreEqual(HttpStatusCode.OK, download.StatusCode);
            Assert.AreEqual("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        }
        await Factory.FlushUsageCountsAsync();
        Assert.AreEqual(sharesBefore, await SharesAsync(story.Id), "asking with HEAD is not a share");

        using var missing = await Anonymous().SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri("/berattelser/finns-inte/qr.svg", UriKind.Relative)));
        Assert.AreEqual(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static Task<int> SharesAsync(Guid itemId) =>
        QueryAsync(Factory, db => db.UsageCounts.Where(u => u.Metric == UsageMetrics.Shared && u.Subject == itemId.ToString("D")).SumAsync(u => u.Count));

    [TestMethod]
    public async Task Collection_qr_codes_encode_their_url_and_unknown_pages_get_404()
    {
        var collection = await PublishedAsync(Factory, ContentType.Collection);
        using var response = await Anonymous().GetAsync(new Uri(collection.Url + "/qr.svg", UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.IsTrue(SameModules(ReadModules(await response.Content.ReadAsStringAsync()), PublicBase + collection.Url));

        foreach (var path in new[] { "/berattelser/finns-inte/qr.svg", "/samlingar/finns-inte/qr.svg", "/delad-samling/finns-inte/qr.svg" })
        {
            using var missing = await Anonymous().GetAsync(new Uri(path, UriKind.Relative));
            Assert.AreEqual(HttpStatusCode.NotFound, missing.StatusCode, path);
        }
    }

    [TestMethod]
    public async Task An_unpublished_story_has_no_qr_code()
    {
        var story = await PublishedAsync(Factory, ContentType.Story, 5);
        using (var before = await Anonymous().GetAsync(new Uri(story.Url + "/qr.svg", UriKind.Relative)))
        {
            Assert.AreEqual(HttpStatusCode.OK, before.StatusCode);
        }
        await UnpublishAsync(Factory, story.Id);
        using var after = await Anonymous().GetAsync(new Uri(story.Url + "/qr.svg", UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.NotFound, after.StatusCode);
    }

    [TestMethod]
    public async Task Downloading_a_qr_code_counts_a_share_and_showing_it_does_not()
    {
        var story = await PublishedAsync(Factory, ContentType.Story, 2);
        var subject = UsageCounter.Subject(story.Id);
        async Task<int> SharesAsync()
        {
            await Factory.FlushUsageCountsAsync();
            return await QueryAsync(Factory, db => db.UsageCounts.Where(u => u.Metric == UsageMetrics.Shared && u.Subject == subject).SumAsync(u => u.Count));
        }

        using (var shown = await Anonymous().GetAsync(new Uri(story.Url + "/qr.svg", UriKind.Relative)))
        {
            Assert.AreEqual(HttpStatusCode.OK, shown.StatusCode);
        }
        Assert.AreEqual(0, await SharesAsync());

        using var download = await Anonymous().GetAsync(new Uri(story.Url + "/qr.svg?ladda-ner=1", UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.OK, download.StatusCode);
        Assert.AreEqual("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.AreEqual($"qr-{story.Slug}.svg", download.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        Assert.AreEqual(1, await SharesAsync());
    }

    [TestMethod]
    public async Task A_shared_own_collection_has_the_panel_metadata_and_a_qr_code_until_revoked()
    {
        var userId = await Factory.CreateUserAsync("dela-samling@example.se", Core.Accounts.PortalRoles.Member);
        var story = await PublishedAsync(Factory, ContentType.Story);
        var (id, token) = await Factory.WithScopeAsync(async s =>
        {
            var collections = s.GetRequiredService<OwnCollectionService>();
            var created = await collections.CreateAsync(userId, new OwnCollectionInput("Trygg hemtjänst", "Inför mötet"), CancellationToken.None);
            await collections.AddStoryAsync(userId, created, story.Id, CancellationToken.None);
            return (created, (await collections.ShareAsync(userId, created, CancellationToken.None))!);
        });
        var path = PortalPaths.SharedCollection(token);

        var page = await Anonymous().GetPageAsync(path);
        Assert.AreEqual(PublicBase + path, page.QuerySelector("section.share-panel input#share-url")!.GetAttribute("value"));
        Assert.AreEqual(PublicBase + path, page.Head!.QuerySelector("meta[property='og:url']")!.GetAttribute("content"));
        Assert.AreEqual("noindex", page.Head!.QuerySelector("meta[name='robots']")!.GetAttribute("content"));
        using (var qr = await Anonymous().GetAsync(new Uri(path + "/qr.svg", UriKind.Relative)))
        {
            Assert.AreEqual(HttpStatusCode.OK, qr.StatusCode);
            Assert.IsTrue(SameModules(ReadModules(await qr.Content.ReadAsStringAsync()), PublicBase + path));
        }

        await Factory.WithScopeAsync(s => s.GetRequiredService<OwnCollectionService>().RevokeShareAsync(userId, id, CancellationToken.None));
        using var revoked = await Anonymous().GetAsync(new Uri(path + "/qr.svg", UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.NotFound, revoked.StatusCode);
    }

    [TestMethod]
    public async Task The_qr_svg_is_well_formed_and_has_nothing_the_strict_csp_would_block()
    {
        var story = await PublishedAsync(Factory, ContentType.Story);
        var svg = await Anonymous().GetStringAsync(new Uri(story.Url + "/qr.svg", UriKind.Relative));
        var root = XDocument.Parse(svg).Root!;
        Assert.AreEqual(XName.Get("svg", "http://www.w3.org/2000/svg"), root.Name);
        Assert.IsFalse(root.DescendantsAndSelf().Any(e => e.Name.LocalName is "style" or "script" || e.Attribute("style") is not null));
    }

    /// <summary>
    /// Reads the dark modules back from the SVG: QRCoder draws one path of 1-module-high runs
    /// ("Mx yhWv1h-Wz") over a light square whose viewBox is the matrix size, quiet zone included.
    /// </summary>
    internal static bool[,] ReadModules(string svg)
    {
        var root = XDocument.Parse(svg).Root!;
        var size = int.Parse(root.Attribute("viewBox")!.Value.Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture);
        var modules = new bool[size, size];
        var path = root.Elements().Single(e => e.Name.LocalName == "path").Attribute("d")!.Value;
        var runs = RunPattern().Matches(path);
        Assert.IsTrue(runs.Count > 0, "Inga moduler i QR-koden.");
        Assert.AreEqual(path.Length, runs.Sum(r => r.Length), "Sökvägen innehåller annat än rader av moduler.");
        foreach (Match run in runs)
        {
            int Value(int group) => int.Parse(run.Groups[group].Value, System.Globalization.CultureInfo.InvariantCulture);
            for (var x = Value(1); x < Value(1) + Value(3); x++)
            {
                modules[Value(2), x] = true;
            }
        }
        return modules;
    }

    internal static bool SameModules(bool[,] modules, string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QrCoderSvgRenderer.ErrorCorrection);
        var expected = data.ModuleMatrix;
        if (expected.Count != modules.GetLength(0))
        {
            return false;
        }
        for (var y = 0; y < expected.Count; y++)
        {
            for (var x = 0; x < expected.Count; x++)
            {
                if (expected[y][x] != modules[y, x])
                {
                    return false;
                }
            }
        }
        return true;
    }

    [GeneratedRegex(@"M(\d+) (\d+)h(\d+)v1h-\d+z")]
    private static partial Regex RunPattern();
}
