using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Core.Taxonomy;
using EHalsostodet.Core.Workflow;
using EHalsostodet.Tests.Api;
using EHalsostodet.Tests.BackOffice.Editing;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.BackOffice;

/// <summary>
/// Saving never silently cancels what the workflow has decided: an approved, scheduled version
/// goes live at its Swedish time even after a typo fix (which becomes a draft on top), and an edit
/// of content under review returns it to draft with a warning before, a message after, and mail to
/// the reviewers. Through the back office's forms, with the clock moved across both daylight-saving changes.
/// </summary>
[TestClass]
public sealed class EditsAcrossWorkflowTests : PortalTestClass<EditsAcrossWorkflowTests>
{
    private const string EditorEmail = "tid.redaktor@example.se";
    private const string ReviewerEmail = "tid.granskare@example.se";
    private const string SecondReviewerEmail = "tid.granskare2@example.se";

    private static readonly TestClock Clock = new();
    private static string editorId = "";

    private protected override PortalFactory CreatePortal() => new(clock: Clock);

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        editorId = await Factory.CreateUserAsync(EditorEmail, PortalRoles.Editor, "Rita Redaktör");
        await Factory.CreateUserAsync(ReviewerEmail, PortalRoles.Reviewer, "Greta Granskare");
        await Factory.CreateUserAsync(SecondReviewerEmail, PortalRoles.Reviewer, "Gustav Granskare");
    }

    [TestMethod]
    public async Task In_March_a_scheduled_story_keeps_its_schedule_across_an_edit_and_goes_live_at_the_Swedish_time()
    {
        // 27 March 2027 is the Saturday before summer time starts: 12:00 UTC is 13:00 in Sweden.
        Clock.Set(new DateTimeOffset(2027, 3, 27, 12, 0, 0, TimeSpan.Zero));
        var (id, reviewer) = await SubmittedStoryAsync("Vårstart i Klockby");

        using (var missingHour = await ActAsync(reviewer, id, WorkflowAction.Approve, publishAt: "2027-03-28T02:30"))
        {
            Assert.AreEqual(HttpStatusCode.OK, missingHour.StatusCode);
            var page = await new HtmlParser().ParseDocumentAsync(await missingHour.Content.ReadAsStringAsync());
            StringAssert.Contains(page.QuerySelector("main .alert-error")!.TextContent, "Klockan 02:30 den 28 mars 2027 finns inte i svensk tid");
            Assert.AreEqual("2027-03-28T02:30", page.QuerySelector("#publishAt-approve")!.GetAttribute("value"), "what was typed is kept");
        }
        Assert.AreEqual(WorkflowState.InReview, (await ItemAsync(id)).State);

        await ScheduleEditAndPublishAsync(id, reviewer, "Vårstart i Klockby",
            typed: "2027-03-28T03:30", dueUtc: new DateTime(2027, 3, 28, 1, 30, 0, DateTimeKind.Utc), described: "2027-03-28 03:30 (svensk tid)");

        // Signed in anew: the session from the day before has run out.
        var overview = await (await Factory.SignInAsync(ReviewerEmail)).GetPageAsync($"/redaktion/innehall/{id}");
        var times = overview.Texts("table.data-table tbody td:first-child");
        CollectionAssert.Contains(times.ToList(), "2027-03-27 13:00", "the approval at 12:00 UTC is shown in Swedish winter time");
        CollectionAssert.Contains(times.ToList(), "2027-03-28 03:31", "the scheduler's run at 01:31 UTC is shown in Swedish summer time");
    }

    [TestMethod]
    public async Task In_October_a_time_in_the_repeated_hour_means_its_first_occurrence_and_the_edited_story_goes_live_then()
    {
        Clock.Set(new DateTimeOffset(2026, 10, 24, 12, 0, 0, TimeSpan.Zero));
        var (id, reviewer) = await SubmittedStoryAsync("Höstnatt i Klockby");

        // 02:30 on 25 October 2026 comes twice; the first time is still summer time, 00:30 UTC.
        await ScheduleEditAndPublishAsync(id, reviewer, "Höstnatt i Klockby",
            typed: "2026-10-25T02:30", dueUtc: new DateTime(2026, 10, 25, 0, 30, 0, DateTimeKind.Utc), described: "2026-10-25 02:30 (svensk sommartid)");
    }

    [TestMethod]
    public async Task Editing_content_under_review_warns_first_returns_it_to_draft_and_tells_the_reviewers()
    {
        Clock.Set(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));
        var (id, _) = await SubmittedStoryAsync("Granskas i Klockby");
        var editor = await Factory.SignInAsync(EditorEmail);

        var form = await EditingBrowserForm.LoadAsync(editor, $"/redaktion/innehall/{id}/redigera");
        StringAssert.Contains(form.Page.QuerySelector("#save-notice")!.TextContent, "Sparar du en ändring nu blir det ett utkast igen");
        Assert.AreEqual("save-notice", form.Page.QuerySelector("button[name='editorAction'][value='save']")!.GetAttribute("aria-describedby"));
        using (var saved = await form.Set("title", "Granskas i Klockby, rättad").SubmitAsync(editor))
        {
            Assert.AreEqual(id, EditingBrowserForm.SavedItemId(saved));
            var editorPage = await editor.GetPageAsync(saved.Headers.Location!.OriginalString);
            StringAssert.Contains(editorPage.QuerySelector("#editor-saved[role='status']")!.TextContent,
                "Sparat som version 2. Innehållet väntade på granskning och är nu ett utkast igen. Granskarna har fått besked om att granskningen avbröts.");
        }

        var overview = await editor.GetPageAsync($"/redaktion/innehall/{id}");
        var item = await ItemAsync(id);
        Assert.AreEqual(WorkflowState.Draft, item.State);
        Assert.IsNull(item.SubmittedById);
        CollectionAssert.Contains(overview.Texts("table.data-table tbody td:nth-child(2)").ToList(), "Sparad → Utkast");

        var mails = (await Factory.DispatchAndReadMailAsync()).Select(Mail.Parse)
            .Where(m => m.Subject == "Granskningen avbröts: Granskas i Klockby, rättad").ToList();
        CollectionAssert.AreEquivalent(new[] { ReviewerEmail, SecondReviewerEmail }, mails.Select(m => m.To).ToArray(), "both reviewers, not the editor who saved");
        StringAssert.Contains(mails[0].Body, "Rita Redaktör har ändrat");
        StringAssert.Contains(mails[0].Body, $"/redaktion/innehall/{id}");
    }

    [TestMethod]
    public async Task The_management_API_says_in_its_answer_that_a_save_returned_content_under_review_to_draft()
    {
        Clock.Set(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));
        var (id, _) = await SubmittedStoryAsync("API-granskning i Klockby");
        using var editor = await Factory.BearerClientAsync(EditorEmail);

        using var saved = await ManagementClient.PutTitleAsync(editor, id, 1, "API-granskning i Klockby, rättad");

        var body = JsonNode.Parse(await saved.Content.ReadAsStringAsync())!;
        Assert.AreEqual(HttpStatusCode.OK, saved.StatusCode, body.ToJsonString());
        Assert.AreEqual(2, body["version"]!.GetValue<int>());
        Assert.AreEqual("draft", body["state"]!.GetValue<string>());
        StringAssert.Contains(body["message"]!.GetValue<string>(), "väntade på granskning och är nu ett utkast igen");
    }

    [TestMethod]
    public async Task A_tag_renamed_while_a_story_waits_for_its_time_goes_live_with_the_story_under_its_new_name()
    {
        Clock.Set(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));
        var (id, reviewer) = await SubmittedStoryAsync("Omtaggad i Klockby");
        using (var approved = await ActAsync(reviewer, id, WorkflowAction.Approve, publishAt: "2026-11-23T08:00"))
        {
            Assert.AreEqual(HttpStatusCode.Redirect, approved.StatusCode);
        }
        var oldTag = (await LatestStoryAsync(id)).Tags[0];
        var tag = await Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().Tags.AsNoTracking().SingleAsync(t => t.Slug == Slugs.FromText(oldTag)));

        var renamed = await Factory.WithScopeAsync(s => s.GetRequiredService<TagManager>().RenameAsync(
            tag.Id, oldTag + " omdöpt", new WorkflowActor("granskare", "Greta Granskare", new HashSet<string> { PortalRoles.Reviewer }), CancellationToken.None));

        Assert.IsTrue(renamed.Succeeded, renamed.Message);
        var item = await ItemAsync(id);
        Assert.AreEqual(WorkflowState.Scheduled, item.State, "still scheduled");
        Assert.AreEqual(item.LatestVersionId, item.ScheduledVersionId, "with the version that has the new tag");
        Assert.AreEqual(new DateTime(2026, 11, 23, 7, 0, 0, DateTimeKind.Utc), item.PublishAt);
        CollectionAssert.Contains((await LatestStoryAsync(id)).Tags.ToList(), oldTag + " omdöpt");

        Clock.Set(new DateTimeOffset(2026, 11, 23, 7, 1, 0, TimeSpan.Zero));
        Assert.AreEqual(1, await RunDueSchedulesAsync());
        var facets = await Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().PublishedFacets.AsNoTracking()
            .Where(f => f.ItemId == id && f.Facet == FacetNames.Tag).Select(f => f.Value).ToListAsync());
        CollectionAssert.Contains(facets, Slugs.FromText(oldTag + " omdöpt"));
        CollectionAssert.DoesNotContain(facets, Slugs.FromText(oldTag));
        Assert.IsFalse(await Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().Tags.AnyAsync(t => t.Slug == Slugs.FromText(oldTag))),
            "publishing the scheduled version does not bring the old tag back");
    }

    /// <summary>
    /// Approves with a Swedish publication time, fixes a typo (a new draft on top), and runs the scheduler
    /// just before and just after the time: the approved version goes live, the typo fix stays a draft.
    /// </summary>
    private static async Task ScheduleEditAndPublishAsync(Guid id, HttpClient reviewer, string title, string typed, DateTime dueUtc, string described)
    {
        using (var approved = await ActAsync(reviewer, id, WorkflowAction.Approve, publishAt: typed))
        {
            Assert.AreEqual(HttpStatusCode.Redirect, approved.StatusCode);
        }
        var scheduled = await reviewer.GetPageAsync($"/redaktion/innehall/{id}");
        Assert.AreEqual($"Innehållet är godkänt och publiceras {described}.", scheduled.QuerySelector("main [role='status']")!.TextContent.Trim());
        var item = await ItemAsync(id);
        Assert.AreEqual(WorkflowState.Scheduled, item.State);
        Assert.AreEqual(dueUtc, item.PublishAt);
        var approvedVersion = item.LatestVersionId;

        var editor = await Factory.SignInAsync(EditorEmail);
        var form = await EditingBrowserForm.LoadAsync(editor, $"/redaktion/innehall/{id}/redigera");
        StringAssert.Contains(form.Page.QuerySelector("#save-notice")!.TextContent, $"En godkänd version är schemalagd att publiceras {described}.");
        using var saved = await form.Set("title", title + ", rättad").SubmitAsync(editor);
        Assert.AreEqual(id, EditingBrowserForm.SavedItemId(saved));
        var afterSave = await editor.GetPageAsync(saved.Headers.Location!.OriginalString);
        StringAssert.Contains(afterSave.QuerySelector("#editor-saved[role='status']")!.TextContent,
            $"Sparat som version 2. Den godkända versionen 1 publiceras ändå som planerat {described}");
        item = await ItemAsync(id);
        Assert.AreEqual(WorkflowState.Draft, item.State, "the typo fix is a draft");
        Assert.AreEqual(dueUtc, item.PublishAt, "the schedule is kept");
        Assert.AreEqual(approvedVersion, item.ScheduledVersionId, "for the approved version");
        Assert.AreNotEqual(approvedVersion, item.LatestVersionId);

        var dashboard = await editor.GetPageAsync("/redaktion");
        var row = dashboard.QuerySelectorAll("section:has(#schemalagt) tbody tr").Single(r => r.QuerySelector($"a[href='/redaktion/innehall/{id}']") is not null);
        StringAssert.Contains(row.TextContent, "Schemalagd version finns");
        StringAssert.Contains(row.TextContent, "publiceras " + described.Split(" (")[0]);

        Clock.Set(new DateTimeOffset(dueUtc.AddMinutes(-1)));
        Assert.AreEqual(0, await RunDueSchedulesAsync());
        Assert.IsNull(await ManagementClient.PublicStoryTextAsync(Factory, Slugs.FromText(title)));

        Clock.Set(new DateTimeOffset(dueUtc.AddMinutes(1)));
        Assert.AreEqual(1, await RunDueSchedulesAsync());
        Assert.AreEqual(title, await ManagementClient.PublicStoryTextAsync(Factory, Slugs.FromText(title)), "the approved version is live, not the draft");
        item = await ItemAsync(id);
        Assert.AreEqual(approvedVersion, item.PublishedVersionId);
        Assert.AreEqual(WorkflowState.Draft, item.State, "the typo fix still waits for review");
        Assert.IsNull(item.PublishAt);
        Assert.AreEqual(0, await RunDueSchedulesAsync(), "runs once");
    }

    /// <summary>A new story by the editor, sent for review through the form; returns it and a signed-in reviewer.</summary>
    private static async Task<(Guid Id, HttpClient Reviewer)> SubmittedStoryAsync(string title)
    {
        var id = await Factory.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            var seed = await db.PublishedContent.FirstAsync(p => p.Type == ContentType.Story);
            var story = ContentDocumentSerializer.Deserialize<StoryDocument>(seed.DocumentJson) with { Title = title, Slug = Slugs.FromText(title) };
            var saved = (SaveResult.Saved)await s.GetRequiredService<ContentStore>().CreateAsync(ContentType.Story, story, new ContentAuthor(editorId, "Rita Redaktör"), "Första utkastet");
            return saved.Item.Id;
        });
        var editor = await Factory.SignInAsync(EditorEmail);
        using (var submitted = await ActAsync(editor, id, WorkflowAction.Submit))
        {
            Assert.AreEqual(HttpStatusCode.Redirect, submitted.StatusCode);
        }
        return (id, await Factory.SignInAsync(ReviewerEmail));
    }

    private static Task<HttpResponseMessage> ActAsync(HttpClient client, Guid id, WorkflowAction action, string publishAt = "") =>
        Forms.PostAsync(client, $"/redaktion/innehall/{id}", new Dictionary<string, string>
        {
            ["action"] = action.Key(),
            ["comment"] = "",
            ["publishAt"] = publishAt,
            ["unpublishAt"] = "",
        }, $"form:has(input[name='action'][value='{action.Key()}'])");

    private static Task<StoryDocument> LatestStoryAsync(Guid id) =>
        Factory.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            var item = await db.ContentItems.AsNoTracking().SingleAsync(i => i.Id == id);
            return ContentDocumentSerializer.Deserialize<StoryDocument>(await db.ContentVersions.Where(v => v.Id == item.LatestVersionId).Select(v => v.DocumentJson).SingleAsync());
        });

    private static Task<ContentItem> ItemAsync(Guid id) =>
        Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().ContentItems.AsNoTracking().SingleAsync(i => i.Id == id));

    private static Task<int> RunDueSchedulesAsync() =>
        Factory.WithScopeAsync(s => s.GetRequiredService<WorkflowService>().RunDueSchedulesAsync(CancellationToken.None));
}
