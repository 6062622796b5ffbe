using System.Net;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Taxonomy;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.BackOffice;

/// <summary>
/// Taggar: reviewers rename, merge and delete tags that published content carries (editors only
/// those on drafts, see <see cref="Security.LiveContentReviewTests"/>); old addresses lead on.
/// </summary>
[TestClass]
public sealed class TagsPageTests
{
    private const string EditorEmail = "tagg.redaktor@example.se";
    private const string ReviewerEmail = "tagg.granskare@example.se";
    private const string Url = "/redaktion/taggar";

    private sealed record Tagged(Guid Id, string Title, IReadOnlyList<string> Latest, IReadOnlyList<string>? Published, int Versions);

    private static async Task<(PortalFactory Factory, HttpClient Client)> StartAsync(string role = PortalRoles.Reviewer)
    {
        var factory = new PortalFactory();
        var email = role == PortalRoles.Editor ? EditorEmail : ReviewerEmail;
        await factory.CreateUserAsync(email, role, "Tora Taggare");
        return (factory, await factory.SignInAsync(email));
    }

    private static Task<List<Tagged>> TaggedAsync(PortalFactory factory) =>
        factory.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var items = await db.ContentItems.AsNoTracking().Where(i => i.Type == ContentType.Story || i.Type == ContentType.Collection).ToListAsync();
            var versions = await db.ContentVersions.AsNoTracking().ToListAsync();
            IReadOnlyList<string> TagsOf(ContentItem item, Guid? versionId) =>
                ContentDocumentSerializer.Deserialize(item.Type, versions.Single(v => v.Id == versionId).DocumentJson) switch
                {
                    StoryDocument s => s.Tags,
                    CollectionDocument c => c.Tags,
                    _ => [],
                };
            return items.Select(i => new Tagged(i.Id, i.Title, TagsOf(i, i.LatestVersionId),
                i.PublishedVersionId is null ? null : TagsOf(i, i.PublishedVersionId), versions.Count(v => v.ItemId == i.Id))).ToList();
        });

    private static Task<Tag> TagAsync(PortalFactory factory, string name) =>
        factory.WithScopeAsync(services => services.GetRequiredService<PortalDbContext>().Tags.AsNoTracking().SingleAsync(t => t.Name == name));

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, Dictionary<string, string> fields) =>
        await Forms.PostAsync(client, Url, fields, $"main form[action='{Url}?handler={handler}']");

    [TestMethod]
    public async Task Editors_see_every_tag_with_its_use_count_and_labelled_fields()
    {
        var (factory, client) = await StartAsync(PortalRoles.Editor);
        using var _ = factory;

        var page = await client.GetPageAsync(Url);

        var row = page.QuerySelectorAll("main table tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == "Informationssäkerhet");
        var uses = (await TaggedAsync(factory)).Count(t => t.Latest.Contains("Informationssäkerhet"));
        Assert.IsTrue(uses >= 3);
        Assert.AreEqual(uses.ToString(System.Globalization.CultureInfo.InvariantCulture), row.QuerySelectorAll("td")[0].TextContent.Trim());
        foreach (var field in page.QuerySelectorAll("main input:not([type='hidden']), main select"))
        {
            Assert.IsNotNull(page.QuerySelector($"label[for='{field.Id}']"), field.OuterHtml);
        }
        Assert.IsTrue(page.QuerySelectorAll("nav a").Any(a => a.GetAttribute("href") == Url));
        Assert.IsFalse(page.QuerySelectorAll("nav a").Any(a => a.GetAttribute("href") == "/redaktion/innehall-som-filer"), "bara för administratörer");
    }

    [TestMethod]
    public async Task Merging_moves_every_use_keeps_every_storys_other_tags_and_redirects_the_old_tag()
    {
        var (factory, client) = await StartAsync();
        using var _ = factory;
        var source = await TagAsync(factory, "E-tjänster");
        var target = await TagAsync(factory, "Automatisering");
        var before = await TaggedAsync(factory);

        using var response = await PostAsync(client, "Merge", new() { ["tagId"] = source.Id.ToString(), ["targetId"] = target.Id.ToString() });

        Assert.AreEqual(HttpStatusCode.SeeOther, response.StatusCode);
        var after = (await TaggedAsync(factory)).ToDictionary(t => t.Id);
        var affected = 0;
        foreach (var item in before)
        {
            var expected = item.Latest.Select(n => n == "E-tjänster" ? "Automatisering" : n).Distinct().ToList();
            CollectionAssert.AreEqual(expected, after[item.Id].Latest.ToList(), item.Title);
            CollectionAssert.AreEqual(expected, after[item.Id].Published!.ToList(), item.Title + " (publicerad)");
            var changed = item.Latest.Contains("E-tjänster");
            affected += changed ? 1 : 0;
            Assert.AreEqual(item.Versions + (changed ? 1 : 0), after[item.Id].Versions, item.Title);
        }
        Assert.AreEqual(4, affected);
        Assert.IsFalse(await factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().Tags.AnyAsync(t => t.Id == source.Id)));

        var anonymous = factory.CreateBrowserClient();
        using var old = await anonymous.GetAsync(new Uri("/taggar/" + source.Slug, UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.AreEqual("/taggar/" + target.Slug, old.Headers.Location!.OriginalString);
        var tagPage = await anonymous.GetPageAsync("/taggar/" + target.Slug);
        foreach (var story in before.Where(b => b.Latest.Contains("E-tjänster") && b.Published is not null))
        {
            StringAssert.Contains(tagPage.MainText(), story.Title);
        }
        using var search = await anonymous.GetAsync(new Uri($"/sok?tag={source.Slug}&q=robot", UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.MovedPermanently, search.StatusCode);
        StringAssert.Contains(search.Headers.Location!.OriginalString, "tag=" + target.Slug);
        StringAssert.Contains(search.Headers.Location!.OriginalString, "q=robot");

        var audit = await factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.Comment.Contains("E-tjänster")).ToListAsync());
        Assert.IsTrue(audit.Count >= 4);
        Assert.IsTrue(audit.All(a => a.UserName == "Tora Taggare"));
    }

    [TestMethod]
    public async Task Renaming_changes_the_tag_everywhere_and_the_old_address_answers_301()
    {
        var (factory, client) = await StartAsync();
        using var _ = factory;
        var tag = await TagAsync(factory, "Videomöten");
        var before = await TaggedAsync(factory);

        using var response = await PostAsync(client, "Rename", new() { ["tagId"] = tag.Id.ToString(), ["newName"] = "Digitala möten" });

        Assert.AreEqual(HttpStatusCode.SeeOther, response.StatusCode);
        var renamed = await TagAsync(factory, "Digitala möten");
        Assert.AreEqual(tag.Id, renamed.Id);
        Assert.AreNotEqual(tag.Slug, renamed.Slug);
        var after = (await TaggedAsync(factory)).ToDictionary(t => t.Id);
        foreach (var item in before)
        {
            var expected = item.Latest.Select(n => n == "Videomöten" ? "Digitala möten" : n).ToList();
            CollectionAssert.AreEqual(expected, after[item.Id].Published!.ToList(), item.Title);
        }
        var anonymous = factory.CreateBrowserClient();
        using var old = await anonymous.GetAsync(new Uri("/taggar/" + tag.Slug, UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.AreEqual("/taggar/" + renamed.Slug, old.Headers.Location!.OriginalString);
        var page = await anonymous.GetPageAsync("/taggar/" + renamed.Slug);
        StringAssert.Contains(page.MainText(), "Digitala möten");
    }

    [TestMethod]
    public async Task Renaming_to_an_existing_tag_is_refused_with_a_clear_message()
    {
        var (factory, client) = await StartAsync();
        using var _ = factory;
        var tag = await TagAsync(factory, "Anhöriga");
        var before = await TaggedAsync(factory);

        using var response = await PostAsync(client, "Rename", new() { ["tagId"] = tag.Id.ToString(), ["newName"] = "juridik" });

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        StringAssert.Contains(await response.Content.ReadAsStringAsync(), "Slå ihop taggarna i stället");
        Assert.AreEqual(before.Sum(b => b.Versions), (await TaggedAsync(factory)).Sum(b => b.Versions));
    }

    [TestMethod]
    public async Task A_used_tag_is_deleted_only_with_confirmation_and_then_leaves_every_item()
    {
        var (factory, client) = await StartAsync();
        using var _ = factory;
        var tag = await TagAsync(factory, "Juridik");
        var before = await TaggedAsync(factory);

        using (var refused = await PostAsync(client, "Delete", new() { ["tagId"] = tag.Id.ToString() }))
        {
            Assert.AreEqual(HttpStatusCode.OK, refused.StatusCode);
            StringAssert.Contains(await refused.Content.ReadAsStringAsync(), "Kryssa i");
            Assert.AreEqual(before.Sum(b => b.Versions), (await TaggedAsync(factory)).Sum(b => b.Versions));
        }

        using var response = await PostAsync(client, "Delete", new() { ["tagId"] = tag.Id.ToString(), ["removeFromContent"] = "true" });

        Assert.AreEqual(HttpStatusCode.SeeOther, response.StatusCode);
        var after = (await TaggedAsync(factory)).ToDictionary(t => t.Id);
        foreach (var item in before)
        {
            CollectionAssert.AreEqual(item.Latest.Where(n => n != "Juridik").ToList(), after[item.Id].Published!.ToList(), item.Title);
        }
        using var old = await factory.CreateBrowserClient().GetAsync(new Uri("/taggar/" + tag.Slug, UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.NotFound, old.StatusCode);
    }

    [TestMethod]
    public async Task Anonymous_visitors_cannot_use_the_page()
    {
        using var factory = new PortalFactory();

        using var response = await factory.CreateBrowserClient().GetAsync(new Uri(Url, UriKind.Relative));

        Assert.AreNotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
