using System.Net;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.BackOffice;

/// <summary>Version history, comparison and rollback in the back office.</summary>
[TestClass]
public sealed class VersionsTests : PortalTestClass<VersionsTests>
{
    private const string EditorEmail = "versioner.redaktor@example.se";

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        await Factory.CreateUserAsync(EditorEmail, PortalRoles.Editor, "Vera Redaktör");
    }

    [TestMethod]
    public async Task History_lists_every_version_with_author_change_note_and_markers()
    {
        var (itemId, _, _) = await PublishedStoryAsync(skip: 0);
        await SaveAsync(itemId, s => s with { ShortDescription = s.ShortDescription + " Tillägg ett." }, "Anna Andersson", "Kompletterade kortbeskrivningen");
        await SaveAsync(itemId, s => s with { ShortDescription = s.ShortDescription + " Tillägg två." }, "Bertil Berg", "Ytterligare en mening");
        var client = await Factory.SignInAsync(EditorEmail);

        var page = await client.GetPageAsync($"/redaktion/innehall/{itemId}/historik");

        var rows = page.QuerySelectorAll("main table.data-table tbody tr");
        Assert.AreEqual(3, rows.Length);
        CollectionAssert.AreEqual(new[] { "Version 3", "Version 2", "Version 1" }, page.Texts("main table.data-table tbody th[scope='row']").ToArray());
        StringAssert.Contains(rows[0].TextContent, "Bertil Berg");
        StringAssert.Contains(rows[0].TextContent, "Ytterligare en mening");
        StringAssert.Contains(rows[0].TextContent, "Senaste");
        StringAssert.Contains(rows[1].TextContent, "Anna Andersson");
        StringAssert.Contains(rows[1].TextContent, "Kompletterade kortbeskrivningen");
        StringAssert.Contains(rows[2].TextContent, ContentAuthor.SeedImport.Name);
        StringAssert.Contains(rows[2].TextContent, "Publicerad");
        Assert.IsFalse(rows[0].TextContent.Contains("Publicerad", StringComparison.Ordinal), "den senaste versionen är inte publicerad");
        Assert.IsNotNull(page.QuerySelector("main table caption"));
        Assert.IsNotNull(page.QuerySelector($"a[href='/redaktion/innehall/{itemId}']"), "länk tillbaka till översikten");

        // The compare form is a GET form, and the two newest versions are picked by default.
        var form = page.QuerySelector("form#jamfor")!;
        Assert.AreEqual("get", form.GetAttribute("method"));
        Assert.AreEqual("2", page.QuerySelector("input[name='fran'][checked]")!.GetAttribute("value"));
        Assert.AreEqual("3", page.QuerySelector("input[name='till'][checked]")!.GetAttribute("value"));
        Assert.AreEqual(0, rows[0].QuerySelectorAll("form").Length, "den senaste versionen kan inte återskapas");
        Assert.AreEqual("Återskapa den här versionen (version 1)", rows[2].QuerySelector("form button")!.TextContent.Trim());
    }

    [TestMethod]
    public async Task Comparing_two_versions_shows_only_the_changed_fields_with_the_words_marked()
    {
        var (itemId, _, _) = await PublishedStoryAsync(skip: 1);
        var testStep = -1;
        await SaveAsync(itemId, story =>
        {
            var steps = story.Process.Steps.ToList();
            testStep = steps.FindIndex(s => s.Step == ProcessStepKind.Test);
            Assert.IsGreaterThanOrEqualTo(0, testStep, "berättelsen har steget Testa");
            steps[testStep] = steps[testStep] with { Challenges = "Personalen saknade surfplattor i början." };
            return story with { Process = story.Process with { Steps = steps } };
        }, "Anna Andersson", "Nya utmaningar");
        await SaveAsync(itemId, story =>
        {
            var steps = story.Process.Steps.ToList();
            steps[testStep] = steps[testStep] with { Challenges = "Personalen saknade laddstationer i början." };
            return story with { Process = story.Process with { Steps = steps } };
        }, "Bertil Berg", "Rättelse");
        var client = await Factory.SignInAsync(EditorEmail);

        var page = await client.GetPageAsync($"/redaktion/innehall/{itemId}/jamfor?fran=2&till=3");

        var rows = page.QuerySelectorAll("main table.diff-table tbody tr");
        Assert.AreEqual(1, rows.Length, "bara det ändrade fältet visas");
        Assert.AreEqual("Processbeskrivning › Testa › Utmaningar", rows[0].QuerySelector("th")!.TextContent.Trim());
        Assert.AreEqual("surfplattor", rows[0].QuerySelector("del.diff")!.TextContent.Trim());
        Assert.AreEqual("laddstationer", rows[0].QuerySelector("ins.diff")!.TextContent.Trim());
        StringAssert.Contains(page.MainText(), "Bertil Berg");

        // The other way round gives the same comparison, oldest first.
        var reversed = await client.GetPageAsync($"/redaktion/innehall/{itemId}/jamfor?fran=3&till=2");
        Assert.AreEqual("surfplattor", reversed.QuerySelector("main table.diff-table del.diff")!.TextContent.Trim());

        // From the imported version, the title did not change and is not listed.
        var fromFirst = await client.GetPageAsync($"/redaktion/innehall/{itemId}/jamfor?fran=1&till=3");
        var labels = fromFirst.Texts("main table.diff-table tbody th");
        CollectionAssert.Contains(labels.ToList(), "Processbeskrivning › Testa › Utmaningar");
        CollectionAssert.DoesNotContain(labels.ToList(), "Titel");
    }

    [TestMethod]
    public async Task Comparing_unknown_versions_or_items_answers_404()
    {
        var (itemId, _, _) = await PublishedStoryAsync(skip: 2);
        var client = await Factory.SignInAsync(EditorEmail);
        await client.GetPageAsync($"/redaktion/innehall/{itemId}/jamfor?fran=1&till=9", HttpStatusCode.NotFound);
        await client.GetPageAsync($"/redaktion/innehall/{Guid.NewGuid()}/jamfor?fran=1&till=2", HttpStatusCode.NotFound);
        await client.GetPageAsync($"/redaktion/innehall/{Guid.NewGuid()}/historik", HttpStatusCode.NotFound);
    }

    [TestMethod]
    public async Task Rollback_makes_a_new_draft_equal_to_the_old_version_and_leaves_the_published_page()
    {
        var (itemId, slug, title) = await PublishedStoryAsync(skip: 3);
        await SaveAsync(itemId, s => s with { Title = title + " (utkast)", ShortDescription = "Helt ny kortbeskrivning." }, "Anna Andersson", "Omskrivning");
        var client = await Factory.SignInAsync(EditorEmail);
        var token = await Forms.TokenAsync(client, $"/redaktion/innehall/{itemId}/historik");

        using var response = await client.PostAsync(
            new Uri($"/redaktion/innehall/{itemId}/historik?handler=Rollback", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["version"] = "1", ["__RequestVerificationToken"] = token }));

        Assert.AreEqual(HttpStatusCode.SeeOther, response.StatusCode, await response.Content.ReadAsStringAsync());
        Assert.AreEqual($"/redaktion/innehall/{itemId}", response.Headers.Location?.OriginalString);
        await Factory.WithDbAsync(async db =>
        {
            var versions = await db.ContentVersions.Where(v => v.ItemId == itemId).OrderBy(v => v.Number).ToListAsync();
            Assert.AreEqual(3, versions.Count);
            Assert.AreEqual(versions[0].DocumentJson, versions[2].DocumentJson);
            Assert.AreEqual("Vera Redaktör", versions[2].AuthorName);
            var item = await db.ContentItems.SingleAsync(i => i.Id == itemId);
            Assert.AreEqual(versions[2].Id, item.LatestVersionId);
            Assert.AreEqual(versions[0].Id, item.PublishedVersionId);
            Assert.AreEqual(EHalsostodet.Core.Workflow.WorkflowState.Draft, item.State);
        });
        var message = await client.GetPageAsync("/redaktion");
        StringAssert.Contains(message.QuerySelector("main .alert-success")!.TextContent, "Version 1 har återskapats");
        var publicPage = await Factory.CreateClient().GetPageAsync($"/berattelser/{slug}");
        Assert.AreEqual(title, publicPage.QuerySelector("h1")!.TextContent.Trim());
    }

    [TestMethod]
    public async Task The_rollback_form_on_the_history_page_posts_with_its_token()
    {
        var (itemId, _, _) = await PublishedStoryAsync(skip: 4);
        await SaveAsync(itemId, s => s with { ShortDescription = "Formulärtest." }, "Anna Andersson", "");
        var client = await Factory.SignInAsync(EditorEmail);

        using var response = await Forms.PostAsync(client, $"/redaktion/innehall/{itemId}/historik", new Dictionary<string, string> { ["version"] = "1" }, "main form.rollback");

        Assert.AreEqual(HttpStatusCode.SeeOther, response.StatusCode);
        await Factory.WithDbAsync(async db => Assert.AreEqual(3, await db.ContentVersions.CountAsync(v => v.ItemId == itemId)));
    }

    [TestMethod]
    public async Task A_rollback_without_the_antiforgery_token_is_refused()
    {
        var (itemId, _, _) = await PublishedStoryAsync(skip: 5);
        var client = await Factory.SignInAsync(EditorEmail);

        using var response = await client.PostAsync(
            new Uri($"/redaktion/innehall/{itemId}/historik?handler=Rollback", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["version"] = "1" }));

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        await Factory.WithDbAsync(async db => Assert.AreEqual(1, await db.ContentVersions.CountAsync(v => v.ItemId == itemId)));
    }

    [TestMethod]
    public async Task Version_pages_need_a_signed_in_editor()
    {
        var (itemId, _, _) = await PublishedStoryAsync(skip: 6);
        using var response = await Factory.CreateBrowserClient().GetAsync(new Uri($"/redaktion/innehall/{itemId}/historik", UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode);
        StringAssert.StartsWith(response.Headers.Location?.OriginalString, "/redaktion/logga-in");
    }

    /// <summary>A seeded, published story that no other test of the class touches.</summary>
    private static Task<(Guid Id, string Slug, string Title)> PublishedStoryAsync(int skip) =>
        Factory.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            var row = await db.PublishedContent.Where(p => p.Type == ContentType.Story).OrderBy(p => p.Slug).Skip(skip).FirstAsync();
            return (row.ItemId, row.Slug, row.Title);
        });

    private static Task SaveAsync(Guid itemId, Func<StoryDocument, StoryDocument> change, string author, string note) =>
        Factory.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            var item = await db.ContentItems.AsNoTracking().SingleAsync(i => i.Id == itemId);
            var latest = await db.ContentVersions.AsNoTracking().SingleAsync(v => v.Id == item.LatestVersionId);
            var story = change(ContentDocumentSerializer.Deserialize<StoryDocument>(latest.DocumentJson));
            var result = await s.GetRequiredService<ContentStore>().SaveAsync(itemId, story, latest.Id, new ContentAuthor("test-" + author, author), note);
            Assert.IsInstanceOfType<SaveResult.Saved>(result, result.ToString());
            return true;
        });
}
