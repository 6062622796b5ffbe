using System.Net;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Workflow;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.BackOffice;

/// <summary>The editorial workflow as editors and reviewers use it in the back office.</summary>
[TestClass]
public sealed class WorkflowPagesTests
{
    private const string EditorEmail = "redaktor@example.se";
    private const string ReviewerEmail = "granskare@example.se";
    private const string SecondReviewerEmail = "granskare2@example.se";

    private static async Task<(PortalFactory Factory, string EditorId, string ReviewerId)> StartAsync(TestClock? clock = null)
    {
        var factory = new PortalFactory(clock: clock);
        var editorId = await factory.CreateUserAsync(EditorEmail, PortalRoles.Editor, "Rita Redaktör");
        var reviewerId = await factory.CreateUserAsync(ReviewerEmail, PortalRoles.Reviewer, "Greta Granskare");
        await factory.CreateUserAsync(SecondReviewerEmail, PortalRoles.Reviewer, "Gustav Granskare");
        return (factory, editorId, reviewerId);
    }

    /// <summary>A new draft story written by the given user, based on a seed story with a new title and slug.</summary>
    private static Task<Guid> DraftStoryAsync(PortalFactory factory, string authorId, string title) =>
        factory.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            var seed = await db.PublishedContent.FirstAsync(p => p.Type == ContentType.Story);
            var story = ContentDocumentSerializer.Deserialize<StoryDocument>(seed.DocumentJson) with { Title = title, Slug = Slugs.FromText(title) };
            var saved = (SaveResult.Saved)await s.GetRequiredService<ContentStore>().CreateAsync(ContentType.Story, story, new ContentAuthor(authorId, "Rita Redaktör"), "Första utkastet");
            return saved.Item.Id;
        });

    private static Task<HttpResponseMessage> ActAsync(HttpClient client, Guid id, WorkflowAction action, string comment = "", string publishAt = "", string unpublishAt = "") =>
        Forms.PostAsync(client, $"/redaktion/innehall/{id}", new Dictionary<string, string>
        {
            ["action"] = action.Key(),
            ["comment"] = comment,
            ["publishAt"] = publishAt,
            ["unpublishAt"] = unpublishAt,
        }, $"form:has(input[name='action'][value='{action.Key()}'])");

    private static Task<ContentItem> ItemAsync(PortalFactory factory, Guid id) =>
        factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().ContentItems.AsNoTracking().SingleAsync(i => i.Id == id));

    [TestMethod]
    public async Task A_story_goes_from_draft_through_review_to_the_public_site()
    {
        var (factory, editorId, _) = await StartAsync();
        using var _factory = factory;
        var id = await DraftStoryAsync(factory, editorId, "Larm i Testköping");
        var editor = await factory.SignInAsync(EditorEmail);
        var reviewer = await factory.SignInAsync(ReviewerEmail);

        var editorView = await editor.GetPageAsync($"/redaktion/innehall/{id}");
        CollectionAssert.AreEquivalent(new[] { "submit", "trash" }, editorView.QuerySelectorAll("input[name='action']").Select(i => i.GetAttribute("value")).ToArray());
        using (var submitted = await ActAsync(editor, id, WorkflowAction.Submit, "Klar för granskning"))
        {
            Assert.AreEqual(HttpStatusCode.Redirect, submitted.StatusCode);
        }
        Assert.AreEqual(WorkflowState.InReview, (await ItemAsync(factory, id)).State);

        var mails = await factory.DispatchAndReadMailAsync();
        Assert.AreEqual(2, mails.Count(m => m.Contains("Larm i Testköping", StringComparison.Ordinal) || m.Contains("=?utf-8?", StringComparison.OrdinalIgnoreCase)), "both reviewers are told, the editor is not");
        Assert.IsTrue(mails.Any(m => m.Contains(ReviewerEmail, StringComparison.Ordinal)));
        Assert.IsFalse(mails.Any(m => m.Contains("To: " + EditorEmail, StringComparison.Ordinal)));

        var dashboard = await reviewer.GetPageAsync("/redaktion");
        Assert.IsNotNull(dashboard.QuerySelector($"#granska ~ table a[href='/redaktion/innehall/{id}'], section:has(#granska) a[href='/redaktion/innehall/{id}']"));
        await factory.CreateClient().GetPageAsync("/berattelser/larm-i-testkoping", HttpStatusCode.NotFound);

        using (var approved = await ActAsync(reviewer, id, WorkflowAction.Approve, "Bra"))
        {
            Assert.AreEqual(HttpStatusCode.Redirect, approved.StatusCode);
        }
        var page = await factory.CreateClient().GetPageAsync("/berattelser/larm-i-testkoping");
        Assert.AreEqual("Larm i Testköping", page.QuerySelector("h1")!.TextContent.Trim());

        var overview = await reviewer.GetPageAsync($"/redaktion/innehall/{id}");
        var events = overview.Texts("table.data-table tbody td:nth-child(2)");
        CollectionAssert.IsSubsetOf(new[] { "Skapad → Utkast", "Skickad på granskning → Under granskning", "Godkänd → Publicerad" }, events.ToList());
    }

    [TestMethod]
    public async Task A_reviewer_cannot_approve_their_own_change_and_is_told_why()
    {
        var (factory, _, reviewerId) = await StartAsync();
        using var _factory = factory;
        var id = await DraftStoryAsync(factory, reviewerId, "Egen ändring");
        var reviewer = await factory.SignInAsync(ReviewerEmail);
        using (await ActAsync(reviewer, id, WorkflowAction.Submit))
        {
        }

        var overview = await reviewer.GetPageAsync($"/redaktion/innehall/{id}");
        Assert.IsNull(overview.QuerySelector("input[name='action'][value='approve']"));
        StringAssert.Contains(overview.MainText(), "fyraögonsprincipen");

        var token = await Forms.TokenAsync(reviewer, $"/redaktion/innehall/{id}");
        using var forced = await reviewer.PostAsync(new Uri($"/redaktion/innehall/{id}?handler=Workflow", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["action"] = "approve", ["__RequestVerificationToken"] = token,
        }));
        Assert.AreEqual(HttpStatusCode.Forbidden, forced.StatusCode);
        StringAssert.Contains(await forced.Content.ReadAsStringAsync(), "fyraögonsprincipen");
        Assert.AreEqual(WorkflowState.InReview, (await ItemAsync(factory, id)).State);

        var other = await factory.SignInAsync(SecondReviewerEmail);
        using (var approved = await ActAsync(other, id, WorkflowAction.Approve))
        {
            Assert.AreEqual(HttpStatusCode.Redirect, approved.StatusCode);
        }
        Assert.AreEqual(WorkflowState.Published, (await ItemAsync(factory, id)).State);
    }

    [TestMethod]
    public async Task Rejecting_needs_a_comment_which_reaches_the_editor()
    {
        var (factory, editorId, _) = await StartAsync();
        using var _factory = factory;
        var id = await DraftStoryAsync(factory, editorId, "Behöver mer arbete");
        var editor = await factory.SignInAsync(EditorEmail);
        var reviewer = await factory.SignInAsync(ReviewerEmail);
        using (await ActAsync(editor, id, WorkflowAction.Submit))
        {
        }

        using (var missing = await ActAsync(reviewer, id, WorkflowAction.Reject))
        {
            Assert.AreEqual(HttpStatusCode.OK, missing.StatusCode);
            StringAssert.Contains(await missing.Content.ReadAsStringAsync(), "Skriv en kommentar som förklarar vad som behöver ändras.");
        }
        using (var rejected = await ActAsync(reviewer, id, WorkflowAction.Reject, "Lägg till fler indikatorer."))
        {
            Assert.AreEqual(HttpStatusCode.Redirect, rejected.StatusCode);
        }

        Assert.AreEqual(WorkflowState.Draft, (await ItemAsync(factory, id)).State);
        var mails = await factory.DispatchAndReadMailAsync();
        Assert.IsTrue(mails.Any(m => m.Contains("To: " + EditorEmail, StringComparison.Ordinal)), "the editor hears of the rejection");
        StringAssert.Contains((await editor.GetPageAsync($"/redaktion/innehall/{id}")).MainText(), "Lägg till fler indikatorer.");
    }

    [TestMethod]
    public async Task A_publication_scheduled_in_swedish_time_goes_live_when_the_scheduler_runs_after_it()
    {
        var clock = new TestClock(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));
        var (factory, editorId, _) = await StartAsync(clock);
        using var _factory = factory;
        var id = await DraftStoryAsync(factory, editorId, "Publiceras senare");
        var editor = await factory.SignInAsync(EditorEmail);
        var reviewer = await factory.SignInAsync(ReviewerEmail);
        using (await ActAsync(editor, id, WorkflowAction.Submit))
        {
        }

        // 11:00 in Stockholm on 22 November is 10:00 UTC.
        using (var scheduled = await ActAsync(reviewer, id, WorkflowAction.Approve, publishAt: "2026-11-22T11:00"))
        {
            Assert.AreEqual(HttpStatusCode.Redirect, scheduled.StatusCode);
        }
        var item = await ItemAsync(factory, id);
        Assert.AreEqual(WorkflowState.Scheduled, item.State);
        Assert.AreEqual(new DateTime(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc), item.PublishAt);
        var dashboard = await reviewer.GetPageAsync("/redaktion");
        Assert.IsNotNull(dashboard.QuerySelector($"section:has(#schemalagt) a[href='/redaktion/innehall/{id}']"));

        clock.Advance(TimeSpan.FromMinutes(59));
        await factory.WithScopeAsync(s => s.GetRequiredService<WorkflowService>().RunDueSchedulesAsync(CancellationToken.None));
        await factory.CreateClient().GetPageAsync("/berattelser/publiceras-senare", HttpStatusCode.NotFound);

        clock.Advance(TimeSpan.FromMinutes(2));
        var changed = await factory.WithScopeAsync(s => s.GetRequiredService<WorkflowService>().RunDueSchedulesAsync(CancellationToken.None));
        Assert.AreEqual(1, changed);
        await factory.CreateClient().GetPageAsync("/berattelser/publiceras-senare");
        Assert.AreEqual(0, await factory.WithScopeAsync(s => s.GetRequiredService<WorkflowService>().RunDueSchedulesAsync(CancellationToken.None)), "runs once");
    }

    [TestMethod]
    public async Task Preview_shows_a_draft_exactly_as_the_public_page_while_the_live_version_stays()
    {
        var (factory, editorId, _) = await StartAsync();
        using var _factory = factory;
        var (id, slug, title) = await factory.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            var row = await db.PublishedContent.FirstAsync(p => p.Type == ContentType.Story);
            var story = ContentDocumentSerializer.Deserialize<StoryDocument>(row.DocumentJson) with { Title = "Ny rubrik i utkast" };
            var item = await db.ContentItems.SingleAsync(i => i.Id == row.ItemId);
            await s.GetRequiredService<ContentStore>().SaveAsync(row.ItemId, story, item.LatestVersionId, new ContentAuthor(editorId, "Rita"), "Ny rubrik");
            return (row.ItemId, row.Slug, row.Title);
        });
        var editor = await factory.SignInAsync(EditorEmail);

        var preview = await editor.GetPageAsync($"/redaktion/innehall/{id}/forhandsgranska");
        var live = await factory.CreateClient().GetPageAsync($"/berattelser/{slug}");

        Assert.AreEqual("Ny rubrik i utkast", preview.QuerySelector("h1")!.TextContent.Trim());
        Assert.AreEqual(title, live.QuerySelector("h1")!.TextContent.Trim());
        // The public page adds the share panel and the plan button after the article; the article itself must match.
        CollectionAssert.AreEqual(live.Texts("main article h2").ToList(), preview.Texts("main article h2").ToList(), "same sections as the public page");
        StringAssert.Contains(preview.QuerySelector(".preview-banner")!.TextContent, "version 2");
        var older = await editor.GetPageAsync($"/redaktion/innehall/{id}/forhandsgranska/1");
        Assert.AreEqual(title, older.QuerySelector("h1")!.TextContent.Trim());
        await factory.CreateClient().GetPageAsync($"/redaktion/innehall/{id}/forhandsgranska", HttpStatusCode.OK);
    }

    [TestMethod]
    public async Task The_dashboard_lists_content_past_its_review_date_and_the_list_filters()
    {
        var (factory, _, _) = await StartAsync();
        using var _factory = factory;
        var stale = await factory.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            var item = await db.ContentItems.FirstAsync(i => i.Type == ContentType.Initiative);
            item.ReviewBy = new DateOnly(2020, 1, 1);
            await db.SaveChangesAsync();
            return item;
        });
        var editor = await factory.SignInAsync(EditorEmail);

        var dashboard = await editor.GetPageAsync("/redaktion");
        Assert.IsNotNull(dashboard.QuerySelector($"section:has(#granskningsdatum) a[href='/redaktion/innehall/{stale.Id}']"));

        var initiatives = await editor.GetPageAsync("/redaktion/innehall?typ=initiative");
        StringAssert.Contains(initiatives.QuerySelector("[role='status']")!.TextContent, "39 träffar");
        var byTitle = await editor.GetPageAsync($"/redaktion/innehall?q={Uri.EscapeDataString(stale.Title[..10])}");
        CollectionAssert.Contains(byTitle.Texts("table.data-table tbody th a").ToList(), stale.Title);
    }
}

[TestClass]
public sealed class ReviewDateTests
{
    [TestMethod]
    public async Task An_editor_moves_the_review_date_and_the_change_is_logged()
    {
        using var factory = new PortalFactory();
        await factory.CreateUserAsync("redaktor@example.se", PortalRoles.Editor, "Rita Redaktör");
        var editor = await factory.SignInAsync("redaktor@example.se");
        var id = await factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().ContentItems.Select(i => i.Id).FirstAsync());

        using (var past = await Forms.PostAsync(editor, $"/redaktion/innehall/{id}", new Dictionary<string, string> { ["reviewBy"] = "2020-01-01" }, "form:has(#reviewBy)"))
        {
            StringAssert.Contains(await past.Content.ReadAsStringAsync(), "Välj ett datum efter i dag.");
        }
        using (var moved = await Forms.PostAsync(editor, $"/redaktion/innehall/{id}", new Dictionary<string, string> { ["reviewBy"] = "2031-03-31" }, "form:has(#reviewBy)"))
        {
            Assert.AreEqual(HttpStatusCode.Redirect, moved.StatusCode);
        }

        var item = await factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().ContentItems.AsNoTracking().SingleAsync(i => i.Id == id));
        Assert.AreEqual(new DateOnly(2031, 3, 31), item.ReviewBy);
        StringAssert.Contains((await editor.GetPageAsync($"/redaktion/innehall/{id}")).MainText(), "Nytt granskningsdatum");
    }
}
