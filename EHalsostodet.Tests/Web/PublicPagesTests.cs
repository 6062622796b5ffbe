using System.Net;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.Web;

[TestClass]
public sealed class PublicPagesTests
{
    private static HttpClient Client => SeededPortal.CreateClient();

    private static Task<List<PublishedContent>> PublishedAsync(ContentType type) =>
        SeededPortal.Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().PublishedContent.Where(p => p.Type == type).ToListAsync());

    private static async Task<StoryDocument> StoryAsync(string slug) =>
        ContentDocumentSerializer.Deserialize<StoryDocument>((await PublishedAsync(ContentType.Story)).Single(p => p.Slug == slug).DocumentJson);

    [TestMethod]
    public async Task Start_page_has_search_popular_tags_collections_and_latest_story_cards()
    {
        var page = await Client.GetPageAsync("/");

        Assert.AreEqual("sv", page.DocumentElement.GetAttribute("lang"));
        Assert.IsNotNull(page.QuerySelector("form[action='/sok'] input[name='q']"));
        var tags = page.QuerySelectorAll("#popular-tags + ul a.tag");
        Assert.IsTrue(tags.Length >= 8, "popular tags");
        Assert.IsTrue(tags.All(a => a.GetAttribute("href")!.StartsWith("/taggar/", StringComparison.Ordinal)));
        var collections = await PublishedAsync(ContentType.Collection);
        foreach (var collection in collections)
        {
            Assert.IsNotNull(page.QuerySelector($"a[href='/samlingar/{collection.Slug}']"), collection.Slug);
        }
        var cards = page.QuerySelectorAll(".story-card");
        Assert.AreEqual(6, cards.Length);
        foreach (var card in cards)
        {
            Assert.IsFalse(string.IsNullOrWhiteSpace(card.QuerySelector(".card-title a")?.TextContent));
            Assert.IsTrue(card.QuerySelectorAll("a.tag").Length >= 4, "tags on the card");
            Assert.IsTrue(card.QuerySelector(".card-meta")!.TextContent.Length > 5, "municipality on the card");
        }
    }

    [TestMethod]
    public async Task Every_published_story_renders_every_section_in_order()
    {
        foreach (var row in await PublishedAsync(ContentType.Story))
        {
            var story = ContentDocumentSerializer.Deserialize<StoryDocument>(row.DocumentJson);
            var page = await Client.GetPageAsync($"/berattelser/{row.Slug}");

            Assert.AreEqual(story.Title, page.QuerySelector("h1")!.TextContent.Trim());
            var headings = page.Texts("main h2, main h3");
            string[] expectedOrder = ["Sammanfattning", "Nyttoeffekter", "Processen i korthet", "Nyckelroller och organisation", "Teknik", "Processbeskrivning", "Identifiera", "Undersöka", "Testa", "Införa", "Förvalta", "Lärdomar och tips", "Kontaktpersoner"];
            var positions = expectedOrder.Select(h => headings.ToList().IndexOf(h)).ToList();
            Assert.IsTrue(positions.All(p => p >= 0), $"{row.Slug}: saknar rubrik {expectedOrder[positions.IndexOf(-1)]}");
            CollectionAssert.AreEqual(positions.Order().ToList(), positions, $"{row.Slug}: rubrikerna i fel ordning");

            var steps = page.QuerySelectorAll(".process-step");
            Assert.AreEqual(5, steps.Length);
            foreach (var step in steps)
            {
                CollectionAssert.AreEqual(new[] { "Vad?", "Vem?", "Utmaningar", "Framgångsfaktorer", "Lärdomar", "Metoder och verktyg" }, step.QuerySelectorAll("dt").Select(d => d.TextContent).ToList());
            }
            var main = page.MainText();
            StringAssert.Contains(main, "Innehållet kommer från kommunen");
            StringAssert.Contains(main, "inget tekniskt, juridiskt eller annat ansvar");
            StringAssert.Contains(main, story.Contacts[0].Name);
            StringAssert.Contains(main, "Senast granskad");
            Assert.IsTrue(page.QuerySelectorAll("nav.toc a").Length >= 13, "in-page table of contents");
            foreach (var link in page.QuerySelectorAll("nav.toc a"))
            {
                Assert.IsNotNull(page.GetElementById(link.GetAttribute("href")!.TrimStart('#')), $"{row.Slug}: ankaret {link.GetAttribute("href")} saknas");
            }
            Assert.IsNotNull(page.QuerySelector(".benefit table"), $"{row.Slug}: indikatortabell");
        }
    }

    [TestMethod]
    public async Task A_story_links_its_knowledge_initiatives_by_name_in_the_section_that_refers_to_them()
    {
        var row = (await PublishedAsync(ContentType.Story)).First(p => ContentDocumentSerializer.Deserialize<StoryDocument>(p.DocumentJson).Roles.InitiativeIds.Count > 0);
        var story = ContentDocumentSerializer.Deserialize<StoryDocument>(row.DocumentJson);
        var initiative = (await PublishedAsync(ContentType.Initiative)).Single(i => i.ItemId == story.Roles.InitiativeIds[0]);

        var page = await Client.GetPageAsync($"/berattelser/{row.Slug}");

        var link = page.QuerySelector($"#nyckelroller .initiative-refs a[href='/kunskapshojande-initiativ/{initiative.Slug}']");
        Assert.IsNotNull(link);
        Assert.AreEqual(initiative.Title, link.TextContent.Trim());
    }

    [TestMethod]
    public async Task Example_municipalities_are_marked_as_example_content()
    {
        var row = (await PublishedAsync(ContentType.Story)).First(p => p.MunicipalityCode!.StartsWith('X'));

        var page = await Client.GetPageAsync($"/berattelser/{row.Slug}");

        StringAssert.Contains(page.MainText(), "Exempelinnehåll");
        StringAssert.Contains(page.MainText(), "Kommunen i den här berättelsen är fiktiv");
    }

    [TestMethod]
    public async Task Collection_page_lists_its_stories_in_editorial_order()
    {
        foreach (var row in await PublishedAsync(ContentType.Collection))
        {
            var collection = ContentDocumentSerializer.Deserialize<CollectionDocument>(row.DocumentJson);
            var stories = (await PublishedAsync(ContentType.Story)).ToDictionary(s => s.ItemId);

            var page = await Client.GetPageAsync($"/samlingar/{row.Slug}");

            Assert.AreEqual(collection.Title, page.QuerySelector("h1")!.TextContent.Trim());
            var expected = collection.StoryIds.Select(id => stories[id].Title).ToList();
            CollectionAssert.AreEqual(expected, page.Texts(".story-card .card-title").ToList());
        }
    }

    [TestMethod]
    public async Task Tag_page_lists_exactly_the_stories_with_that_tag()
    {
        var stories = (await PublishedAsync(ContentType.Story)).Select(s => ContentDocumentSerializer.Deserialize<StoryDocument>(s.DocumentJson)).ToList();
        var tag = stories.SelectMany(s => s.Tags).GroupBy(t => t).OrderByDescending(g => g.Count()).First().Key;

        var page = await Client.GetPageAsync($"/taggar/{Slugs.FromText(tag)}");

        Assert.AreEqual(tag, page.QuerySelector("h1")!.TextContent.Trim());
        var expected = stories.Where(s => s.Tags.Contains(tag)).Select(s => s.Title).Order().ToList();
        CollectionAssert.AreEqual(expected, page.Texts(".story-card .card-title").Order().ToList());
    }

    [TestMethod]
    public async Task Initiatives_page_filters_by_area_and_shows_name_purpose_link_and_organisation()
    {
        var all = await Client.GetPageAsync("/kunskapshojande-initiativ");
        Assert.AreEqual(39, all.QuerySelectorAll(".initiative-list > li").Length);
        var filters = all.Texts("nav.filter a");
        CollectionAssert.AreEqual(new[] { "Samtliga", "Automatisering", "Informationssäkerhet", "Nytta", "Juridik", "Område/samverkan", "Upphandling", "Verksamhetsutveckling", "Välfärdsteknik" }, filters.ToList());

        var initiatives = (await PublishedAsync(ContentType.Initiative)).Select(i => ContentDocumentSerializer.Deserialize<InitiativeDocument>(i.DocumentJson)).ToList();
        var total = 0;
        foreach (var area in Enum.GetValues<InitiativeArea>())
        {
            var page = await Client.GetPageAsync($"/kunskapshojande-initiativ?omrade={area.UrlKey()}");
            var expected = initiatives.Where(i => i.Areas.Contains(area)).Select(i => i.Title).Order().ToList();
            CollectionAssert.AreEqual(expected, page.Texts(".initiative-list .card-title").Order().ToList(), area.ToString());
            Assert.AreEqual("page", page.QuerySelector($"nav.filter a[href$='={area.UrlKey()}']")!.GetAttribute("aria-current"));
            total += expected.Count;
        }
        Assert.IsTrue(total >= 36);

        var first = all.QuerySelector(".initiative-list > li")!;
        var firstTitle = first.QuerySelector(".card-title")!.TextContent.Trim();
        var document = initiatives.Single(i => i.Title == firstTitle);
        StringAssert.Contains(first.TextContent, document.Organisations[0]);
        if (document.Links.Count > 0)
        {
            Assert.IsNotNull(first.QuerySelector($"a[href='{document.Links[0].Url}']"));
        }
    }

    [TestMethod]
    public async Task An_unknown_area_filter_is_a_swedish_404()
    {
        var page = await Client.GetPageAsync("/kunskapshojande-initiativ?omrade=robotar", HttpStatusCode.NotFound);
        Assert.AreEqual("Sidan finns inte", page.QuerySelector("h1")!.TextContent);
    }

    [TestMethod]
    [DataRow("/om", "Om e-hälsostödet")]
    [DataRow("/tillganglighetsredogorelse", "Tillgänglighetsredogörelse")]
    [DataRow("/kontakt", "Kontakt")]
    [DataRow("/personuppgifter", "personuppgifter")]
    public async Task The_four_pages_render_their_markdown(string url, string titlePart)
    {
        var page = await Client.GetPageAsync(url);

        StringAssert.Contains(page.QuerySelector("h1")!.TextContent, titlePart);
        Assert.IsTrue(page.QuerySelectorAll("main h2").Length >= 2, "the body's headings render as h2");
        Assert.IsNull(page.QuerySelector("main script"));
    }

    [TestMethod]
    [DataRow("/berattelser/finns-inte")]
    [DataRow("/samlingar/finns-inte")]
    [DataRow("/taggar/finns-inte")]
    [DataRow("/kunskapshojande-initiativ/finns-inte")]
    [DataRow("/finns-inte")]
    [DataRow("/a/b/c")]
    public async Task Unknown_addresses_get_the_swedish_404_page(string url)
    {
        var page = await Client.GetPageAsync(url, HttpStatusCode.NotFound);

        Assert.AreEqual("Sidan finns inte", page.QuerySelector("h1")!.TextContent);
        Assert.AreEqual("sv", page.DocumentElement.GetAttribute("lang"));
        Assert.IsNotNull(page.QuerySelector("a[href='/']"));
    }

    [TestMethod]
    public async Task Search_finds_titles_without_swedish_characters()
    {
        var story = (await PublishedAsync(ContentType.Story)).First(s => s.Title.Contains('ä', StringComparison.Ordinal) || s.Title.Contains('ö', StringComparison.Ordinal) || s.Title.Contains('å', StringComparison.Ordinal));
        var word = story.Title.Split(' ').First(w => w.IndexOfAny(['å', 'ä', 'ö']) >= 0);
        var typed = word.Replace('å', 'a').Replace('ä', 'a').Replace('ö', 'o');

        var page = await Client.GetPageAsync($"/sok?q={Uri.EscapeDataString(typed)}");

        CollectionAssert.Contains(page.Texts(".search-hits .card-title").ToList(), story.Title);
        StringAssert.Contains(page.QuerySelector(".result-count")!.TextContent, "träff");
    }

    [TestMethod]
    public async Task Search_with_nothing_to_match_explains_itself()
    {
        var page = await Client.GetPageAsync("/sok?q=%22%28%29%2A");
        StringAssert.Contains(page.MainText(), "Skriv ett eller flera ord");

        var none = await Client.GetPageAsync("/sok?q=xyzzyplugh");
        StringAssert.Contains(none.QuerySelector(".result-count")!.TextContent, "0 träffar");
    }

    [TestMethod]
    public async Task Pages_carry_security_headers_and_a_strict_content_security_policy()
    {
        using var response = await Client.GetAsync(new Uri("/", UriKind.Relative));

        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        StringAssert.Contains(csp, "script-src 'self'");
        StringAssert.Contains(csp, "frame-ancestors 'none'");
        Assert.IsFalse(csp.Contains("unsafe-inline", StringComparison.Ordinal));
        Assert.AreEqual("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.IsTrue(response.Headers.Contains("Referrer-Policy"));
        Assert.IsTrue(response.Headers.Contains("Permissions-Policy"));
        var html = await response.Content.ReadAsStringAsync();
        Assert.IsFalse(System.Text.RegularExpressions.Regex.IsMatch(html, "<script(?![^>]*\\bsrc=)", System.Text.RegularExpressions.RegexOptions.IgnoreCase), "no inline script");
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("gzip, deflate, br, zstd")]
    public async Task Stylesheets_are_served_as_a_browser_asks_for_them(string acceptEncoding)
    {
        var page = await Client.GetPageAsync("/");
        var stylesheets = page.QuerySelectorAll("link[rel='stylesheet']").Select(l => l.GetAttribute("href")!).ToList();
        Assert.AreEqual(2, stylesheets.Count);

        foreach (var href in stylesheets)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(href, UriKind.Relative));
            if (acceptEncoding.Length > 0)
            {
                request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
            }
            using var response = await Client.SendAsync(request);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var css = response.Content.Headers.ContentEncoding.Contains("gzip")
                ? await new StreamReader(new System.IO.Compression.GZipStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress)).ReadToEndAsync()
                : response.Content.Headers.ContentEncoding.Contains("br")
                    ? await new StreamReader(new System.IO.Compression.BrotliStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress)).ReadToEndAsync()
                    : System.Text.Encoding.UTF8.GetString(bytes);

            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, href);
            Assert.AreEqual("text/css", response.Content.Headers.ContentType?.MediaType, href);
            StringAssert.Contains(css, "display:", href);
        }
    }
}
