using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Tests.Infrastructure;
using EHalsostodet.Tests.Media;
using static EHalsostodet.Tests.Api.ManagementClient;

namespace EHalsostodet.Tests.Security;

/// <summary>
/// Hostile text saved through the real APIs (Markdown, titles, tags, collection names, image names
/// and alt texts) is rendered on public, back-office and member pages as text, never as script.
/// </summary>
[TestClass]
public sealed class StoredXssTests : SecurityTestClass<StoredXssTests>
{
    private const string Script = "<script>alert('xss')</script>";
    private const string ImageOnError = "<img src=x onerror=alert('xss')>";
    private const string Markdown =
        "Inledning " + Script + "\n\n" + ImageOnError + "\n\n[Klicka här](javascript:alert('xss')) och [mer](JaVaScRiPt:alert(1))\n\n" +
        "<a href=\"javascript:alert(1)\">länk</a> <svg onload=alert(1)></svg> <iframe src=\"https://evil.example\"></iframe>\n\n" +
        "![bild](javascript:alert(1))";


    /// <summary>Nothing in the page can run script: no script element without src from the site, no on* attribute, no javascript: address, no frame.</summary>
    internal static void AssertNoScript(IDocument page, string where)
    {
        foreach (var script in page.QuerySelectorAll("script"))
        {
            var src = script.GetAttribute("src");
            Assert.IsTrue(src is not null && src.StartsWith('/') && !src.StartsWith("//", StringComparison.Ordinal), $"{where}: {script.OuterHtml}");
        }
        foreach (var element in page.All)
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.IsFalse(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{where}: {element.OuterHtml[..Math.Min(200, element.OuterHtml.Length)]}");
                if (attribute.Name is "href" or "src" or "action" or "formaction" or "xlink:href")
                {
                    Assert.IsFalse(attribute.Value.Trim().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase), $"{where}: {element.OuterHtml}");
                }
            }
        }
        Assert.IsEmpty(page.QuerySelectorAll("object, embed, main svg[onload]"), where);
        // The editor's own live preview is the only frame: sandboxed without scripts, empty until editor-preview.js fills it.
        foreach (var frame in page.QuerySelectorAll("iframe"))
        {
            Assert.IsTrue(frame.Id == "live-preview-frame" && frame.GetAttribute("sandbox") == "allow-same-origin" &&
                !frame.HasAttribute("src") && !frame.HasAttribute("srcdoc"), $"{where}: {frame.OuterHtml}");
        }
    }

    [TestMethod]
    public async Task A_story_with_hostile_markdown_title_and_tags_renders_as_text_everywhere()
    {
        using var editor = await Factory.BearerClientAsync(SecurityPortal.EmailOf(PortalRoles.Editor));
        using var reviewer = await Factory.BearerClientAsync(SecurityPortal.EmailOf(PortalRoles.Reviewer));
        var document = await NewStoryDocumentAsync(editor, "Skadlig berättelse");
        document["title"] = "Skadlig berättelse " + Script;
        document["shortDescription"] = "Kort " + ImageOnError;
        document["tags"] = new JsonArray("Skadlig tagg " + ImageOnError, "Trygghetslarm");
        document["summary"]!["text"] = Markdown;
        using var created = await editor.PostAsJsonAsync($"{Prefix}/content", new { type = "story", document });
        var body = await created.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.Created, created.StatusCode, body);
        var id = JsonNode.Parse(body)!["id"]!.GetValue<Guid>();
        await ActOkAsync(editor, id, "submit");
        Assert.AreEqual("published", await ActOkAsync(reviewer, id, "approve"));
        var slug = document["slug"]!.GetValue<string>();

        var anonymous = Portal.Clients[SecurityPortal.Anonymous];
        var storyPage = await anonymous.GetPageAsync($"/berattelser/{slug}");
        StringAssert.Contains(storyPage.MainText(), "alert('xss')", "the hostile text is shown as text");
        var pages = new List<(string Where, IDocument Page)>
        {
            ("berättelsen", storyPage),
            ("berättelser", await anonymous.GetPageAsync("/berattelser")),
            ("startsidan", await anonymous.GetPageAsync("/")),
            ("sök", await anonymous.GetPageAsync("/sok?q=skadlig")),
        };
        var tagLink = storyPage.QuerySelectorAll("a[href*='tag=']").Select(a => a.GetAttribute("href")!).FirstOrDefault(h => h.Contains("Skadlig", StringComparison.OrdinalIgnoreCase) || h.Contains("skadlig", StringComparison.Ordinal));
        if (tagLink is not null)
        {
            pages.Add(("taggsök", await anonymous.GetPageAsync(tagLink)));
        }
        pages.Add(("taggar", await anonymous.GetPageAsync("/taggar")));
        var editorClient = Portal.Clients[PortalRoles.Editor];
        pages.Add(("redaktionens innehållslista", await editorClient.GetPageAsync("/redaktion/innehall?q=skadlig")));
        pages.Add(("redaktionens detaljsida", await editorClient.GetPageAsync($"/redaktion/innehall/{id}")));
        pages.Add(("förhandsgranskning", await editorClient.GetPageAsync($"/redaktion/innehall/{id}/forhandsgranska")));
        pages.Add(("historik", await editorClient.GetPageAsync($"/redaktion/innehall/{id}/historik")));
        pages.Add(("redigering", await editorClient.GetPageAsync($"/redaktion/innehall/{id}/redigera")));
        pages.Add(("redaktionens taggar", await editorClient.GetPageAsync("/redaktion/taggar")));
        foreach (var (where, page) in pages)
        {
            AssertNoScript(page, where);
        }

        using var feed = await anonymous.GetAsync(new Uri("/taggar/trygghetslarm/feed", UriKind.Relative));
        if (feed.StatusCode == HttpStatusCode.OK)
        {
            var xml = await feed.Content.ReadAsStringAsync();
            Assert.DoesNotContain("<script>", xml, "the feed escapes the title");
        }
    }

    [TestMethod]
    public async Task A_member_collection_with_a_hostile_name_renders_as_text_on_member_and_shared_pages()
    {
        var member = Portal.Clients[PortalRoles.Member];
        using var created = await member.PostAsJsonAsync("/api/v1/me/collections", new { name = "Samling " + Script, description = ImageOnError + " [x](javascript:alert(1))" });
        var body = await created.Content.ReadAsStringAsync();
        Assert.IsTrue(created.IsSuccessStatusCode, body);
        var id = JsonNode.Parse(body)!["id"]!.GetValue<string>();
        using var shared = await member.PostAsync(new Uri($"/api/v1/me/collections/{id}/share", UriKind.Relative), null);
        var shareBody = await shared.Content.ReadAsStringAsync();
        Assert.IsTrue(shared.IsSuccessStatusCode, shareBody);
        var sharePath = new Uri(JsonNode.Parse(shareBody)!["url"]!.GetValue<string>()).AbsolutePath;

        var pages = new[]
        {
            ("mina samlingar", await member.GetPageAsync("/mina-sidor/samlingar")),
            ("samlingen", await member.GetPageAsync($"/mina-sidor/samlingar/{id}")),
            ("berättelsen med lägg-till-formuläret", await member.GetPageAsync(Portal.Url("/berattelser/{story}"))),
            ("delad samling", await Portal.Clients[SecurityPortal.Anonymous].GetPageAsync(sharePath)),
        };
        StringAssert.Contains(pages[1].Item2.MainText(), "<script>", "the name is shown as text");
        foreach (var (where, page) in pages)
        {
            AssertNoScript(page, where);
        }
    }

    [TestMethod]
    public async Task An_image_with_a_hostile_file_name_and_alt_text_renders_as_text_in_the_library()
    {
        using var editor = await Factory.BearerClientAsync(SecurityPortal.EmailOf(PortalRoles.Editor));
        using var response = await editor.PostAsync(new Uri($"{Prefix}/media", UriKind.Relative),
            MediaLibraryTests.Upload(TestImages.PlainJpeg, "<img src=x onerror=alert(1)>.jpg", "image/jpeg", "\"><script>alert('xss')</script>"));
        Assert.AreEqual(HttpStatusCode.Created, response.StatusCode, await response.Content.ReadAsStringAsync());

        var library = await Portal.Clients[PortalRoles.Editor].GetPageAsync("/redaktion/media");
        StringAssert.Contains(library.MainText() + string.Join(" ", library.QuerySelectorAll("img").Select(i => i.GetAttribute("alt"))), "<script>", "the alt text is shown as text");
        AssertNoScript(library, "mediebiblioteket");
    }
}
