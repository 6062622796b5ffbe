using System.Net;
using AngleSharp.Html.Parser;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Core.Taxonomy;
using EHalsostodet.Core.Workflow;
using EHalsostodet.Tests.BackOffice.Editing;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.Addresses;

/// <summary>
/// Old addresses keep working: every slug a story, collection, initiative or page has been
/// published at answers 301 to the live one (with the query string), no other item may take it,
/// and an administrator can remove it in the editor. Renamed tags lead on the same way.
/// </summary>
[TestClass]
public sealed class OldAddressTests : PortalTestClass<OldAddressTests>
{
    private const string EditorEmail = "adress.redaktor@example.se";
    private const string AdminEmail = "adress.admin@example.se";
    private const string Query = "?utm_source=qr&sida=2&q=%C3%A5r";

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        await Factory.CreateUserAsync(EditorEmail, PortalRoles.Editor, "Erik Redaktör");
        await Factory.CreateUserAsync(AdminEmail, PortalRoles.Administrator, "Alva Administratör");
    }

    /// <summary>A published item of the type: the first by slug, or the last.</summary>
    private static Task<(Guid Id, string Slug, string Title)> PublishedAsync(ContentType type, bool last = false) =>
        Factory.WithScopeAsync(async s =>
        {
            var rows = s.GetRequiredService<PortalDbContext>().PublishedContent.AsNoTracking().Where(p => p.Type == type);
            var row = last ? await rows.OrderByDescending(p => p.Slug).FirstAsync() : await rows.OrderBy(p => p.Slug).FirstAsync();
            return (row.ItemId, row.Slug, row.Title);
        });

    private static Task RenameAndPublishAsync(Guid id, string slug) => Renames.RenameAndPublishAsync(Factory, id, slug);

    /// <summary>The page and every address under it or about it that takes the slug.</summary>
    private static IEnumerable<string> Addresses(ContentType type, string slug) =>
        new[] { PortalPaths.Of(type, slug) }.Concat(type switch
        {
            ContentType.Story => [$"/berattelser/{slug}/pdf", $"/berattelser/{slug}/docx", $"/berattelser/{slug}/qr.svg", $"/api/delivery/v1/stories/{slug}"],
            ContentType.Collection => [$"/samlingar/{slug}/pdf", $"/samlingar/{slug}/feed", $"/samlingar/{slug}/qr.svg",
                $"/api/delivery/v1/collections/{slug}", $"/api/delivery/v1/collections/{slug}/stories"],
            ContentType.Initiative => [$"/api/delivery/v1/initiatives/{slug}"],
            _ => new[] { $"/api/delivery/v1/pages/{slug}" },
        });

    [TestMethod]
    [DataRow(ContentType.Story)]
    [DataRow(ContentType.Collection)]
    [DataRow(ContentType.Initiative)]
    [DataRow(ContentType.Page)]
    public async Task Every_old_slug_answers_301_to_the_live_address_with_the_query_string(ContentType type)
    {
        var (id, first, _) = await PublishedAsync(type);
        var second = first + "-andra";
        var live = first + "-tredje";
        await RenameAndPublishAsync(id, second);
        await RenameAndPublishAsync(id, live);
        var client = Factory.CreateBrowserClient();

        foreach (var old in new[] { first, second })
        {
            foreach (var (from, to) in Addresses(type, old).Zip(Addresses(type, live)))
            {
                using var response = await client.GetAsync(new Uri(from + Query, UriKind.Relative));
                Assert.AreEqual(HttpStatusCode.MovedPermanently, response.StatusCode, from);
                Assert.AreEqual(to + Query, response.Headers.Location!.OriginalString, from);
            }
        }
        foreach (var current in Addresses(type, live))
        {
            using var response = await client.GetAsync(new Uri(current, UriKind.Relative));
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, current);
        }
        var sitemap = await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative));
        StringAssert.Contains(sitemap, PortalPaths.Of(type, live) + "</loc>");
        Assert.IsFalse(sitemap.Contains(PortalPaths.Of(type, first) + "</loc>", StringComparison.Ordinal), "only live addresses are in the sitemap");
        Assert.IsFalse(sitemap.Contains(PortalPaths.Of(type, second) + "</loc>", StringComparison.Ordinal));
    }

    [TestMethod]
    public async Task An_old_address_leads_nowhere_while_the_item_is_not_published_and_a_post_to_it_is_not_redirected()
    {
        var (id, first, _) = await PublishedAsync(ContentType.Story, last: true);
        await RenameAndPublishAsync(id, first + "-ny");
        var client = Factory.CreateBrowserClient();
        using (var form = await client.PostAsync(new Uri($"/berattelser/{first}", UriKind.Relative), new FormUrlEncodedContent([])))
        {
            Assert.AreNotEqual(HttpStatusCode.MovedPermanently, form.StatusCode);
        }

        await Factory.WithScopeAsync(async s =>
        {
            var item = await s.GetRequiredService<PortalDbContext>().ContentItems.SingleAsync(i => i.Id == id);
            await s.GetRequiredService<ContentPublisher>().UnpublishAsync(item, WorkflowState.Unpublished, CancellationToken.None);
            return true;
        });

        using var old = await client.GetAsync(new Uri($"/berattelser/{first}", UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.NotFound, old.StatusCode);
    }

    [TestMethod]
    public async Task A_renamed_tags_old_address_keeps_its_query_string_and_its_feed_and_no_other_tag_takes_it()
    {
        var tag = await Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().Tags.AsNoTracking().SingleAsync(t => t.Name == "Anhöriga"));
        var reviewer = new WorkflowActor("test", "Test", new HashSet<string> { PortalRoles.Reviewer });
        var renamed = await Factory.WithScopeAsync(s => s.GetRequiredService<TagManager>().RenameAsync(tag.Id, "Närstående", reviewer, CancellationToken.None));
        Assert.IsTrue(renamed.Succeeded, renamed.Message);
        var client = Factory.CreateBrowserClient();

        foreach (var (from, to) in new[]
        {
            ($"/taggar/{tag.Slug}", "/taggar/narstaende"),
            ($"/taggar/{tag.Slug}/feed", "/taggar/narstaende/feed"),
            ($"/api/delivery/v1/tags/{tag.Slug}", "/api/delivery/v1/tags/narstaende"),
        })
        {
            using var response = await client.GetAsync(new Uri(from + Query, UriKind.Relative));
            Assert.AreEqual(HttpStatusCode.MovedPermanently, response.StatusCode, from);
            Assert.AreEqual(to + Query, response.Headers.Location!.OriginalString, from);
        }

        // No other tag may take the old name, whose address leads to the renamed tag.
        var other = await Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().Tags.AsNoTracking().FirstAsync(t => t.Id != tag.Id));
        var refused = await Factory.WithScopeAsync(s => s.GetRequiredService<TagManager>().RenameAsync(other.Id, "Anhöriga", reviewer, CancellationToken.None));
        Assert.IsFalse(refused.Succeeded);
        Assert.AreEqual("”Anhöriga” är ett gammalt namn på taggen ”Närstående”, och dess adress leder dit. Välj ett annat namn, eller slå ihop taggarna.", refused.Message);
        using var still = await client.GetAsync(new Uri($"/taggar/{tag.Slug}", UriKind.Relative));
        Assert.AreEqual("/taggar/narstaende", still.Headers.Location?.OriginalString);
    }

    [TestMethod]
    public async Task A_slug_that_leads_to_another_item_is_refused_in_Swedish_with_the_typed_text_kept_until_an_administrator_removes_it()
    {
        var (id, old, title) = await PublishedAsync(ContentType.Page, last: true);
        await RenameAndPublishAsync(id, old + "-ny");
        var editor = await Factory.SignInAsync(EditorEmail);
        var items = await Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().ContentItems.CountAsync());

        using (var refused = await (await EditingBrowserForm.LoadAsync(editor, "/redaktion/innehall/ny/page"))
            .Set("title", "En ny sida").Set("slug", old).Set("body", "Text som ska finnas kvar.").SubmitAsync(editor))
        {
            Assert.AreEqual(HttpStatusCode.OK, refused.StatusCode);
            var page = await new HtmlParser().ParseDocumentAsync(await refused.Content.ReadAsStringAsync());
            StringAssert.Contains(page.QuerySelector(".error-summary")!.TextContent, $"Adressnamnet \"{old}\" är en gammal adress till ”{title}” och leder dit");
            StringAssert.Contains(page.QuerySelector("#f-slug-error")!.TextContent, "be en administratör ta bort den gamla adressen");
            Assert.AreEqual(old, page.QuerySelector("#f-slug")!.GetAttribute("value"));
            Assert.AreEqual("En ny sida", page.QuerySelector("#f-title")!.GetAttribute("value"));
            Assert.AreEqual("Text som ska finnas kvar.", page.QuerySelector("#f-body")!.TextContent.Trim());
        }
        var other = await PublishedAsync(ContentType.Page);
        using (var rename = await (await EditingBrowserForm.LoadAsync(editor, $"/redaktion/innehall/{other.Id}/redigera")).Set("slug", old).SubmitAsync(editor))
        {
            Assert.AreEqual(HttpStatusCode.OK, rename.StatusCode, "a rename may not take it either");
            StringAssert.Contains(await rename.Content.ReadAsStringAsync(), "är en gammal adress till");
        }
        Assert.AreEqual(items, await Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().ContentItems.CountAsync()));

        // The editor sees the old address but cannot remove it.
        var edit = $"/redaktion/innehall/{id}/redigera";
        var editorsView = await editor.GetPageAsync(edit);
        StringAssert.Contains(editorsView.QuerySelector("section.old-addresses")!.TextContent, $"/{old}");
        StringAssert.Contains(editorsView.QuerySelector("section.old-addresses")!.TextContent, "Bara en administratör");
        Assert.IsNull(editorsView.QuerySelector("section.old-addresses form"));
        var token = editorsView.QuerySelector("form#editor-form input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        using (var forbidden = await editor.PostAsync(new Uri(edit + "?handler=RemoveOldAddress", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["slug"] = old, ["confirmed"] = "true", ["__RequestVerificationToken"] = token,
        })))
        {
            Assert.AreEqual(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }
        using (var still = await Factory.CreateBrowserClient().GetAsync(new Uri("/" + old, UriKind.Relative)))
        {
            Assert.AreEqual(HttpStatusCode.MovedPermanently, still.StatusCode);
        }

        // The administrator removes it, after ticking that links to it stop working.
        var admin = await Factory.SignInAsync(AdminEmail);
        const string removeForm = "section.old-addresses form";
        using (var unconfirmed = await Forms.PostAsync(admin, edit, new Dictionary<string, string> { ["slug"] = old }, removeForm))
        {
            Assert.AreEqual(HttpStatusCode.OK, unconfirmed.StatusCode);
            StringAssert.Contains(await unconfirmed.Content.ReadAsStringAsync(), "Kryssa i att länkar till den gamla adressen slutar fungera");
        }
        using (var removed = await Forms.PostAsync(admin, edit, new Dictionary<string, string> { ["slug"] = old, ["confirmed"] = "true" }, removeForm))
        {
            Assert.AreEqual(HttpStatusCode.SeeOther, removed.StatusCode);
        }
        StringAssert.Contains((await admin.GetPageAsync(edit)).QuerySelector("[role='status']")!.TextContent, $"Den gamla adressen /{old} är borttagen");
        using (var gone = await Factory.CreateBrowserClient().GetAsync(new Uri("/" + old, UriKind.Relative)))
        {
            Assert.AreEqual(HttpStatusCode.NotFound, gone.StatusCode);
        }
        Assert.IsTrue(await Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().AuditEntries
            .AnyAsync(a => a.ItemId == id && a.Action == AuditLog.OldAddressRemoved && a.UserName == "Alva Administratör" && a.Comment == "/" + old)));

        using var taken = await (await EditingBrowserForm.LoadAsync(editor, "/redaktion/innehall/ny/page"))
            .Set("title", "En ny sida").Set("slug", old).Set("body", "Nu går det.").SubmitAsync(editor);
        Assert.AreEqual(HttpStatusCode.SeeOther, taken.StatusCode, "the address is free once removed");
    }
}
