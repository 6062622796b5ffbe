using System.Net;
using AngleSharp.Html.Parser;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Core.Time;
using EHalsostodet.Core.Workflow;
using EHalsostodet.Tests.BackOffice.Editing;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.BackOffice;

/// <summary>
/// A form an editor can work in, through HTTP without JavaScript: the row buttons, the initiative
/// checkboxes, "Spara" that stays in the editor, the live preview's rendering, the reviewer's comment
/// on the dashboard and in the editor, and "Markera som granskad".
/// </summary>
[TestClass]
public sealed class EditorFormTests : PortalTestClass<EditorFormTests>
{
    private const string EditorEmail = "redaktor.formular@example.se";
    private const string ReviewerEmail = "granskare.formular@example.se";

    private static readonly TestClock Clock = new();
    private static string editorId = "";
    private static string reviewerId = "";

    private protected override PortalFactory CreatePortal() => new(clock: Clock);

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        editorId = await Factory.CreateUserAsync(EditorEmail, PortalRoles.Editor, "Rita Redaktör");
        reviewerId = await Factory.CreateUserAsync(ReviewerEmail, PortalRoles.Reviewer, "Greta Granskare");
    }

    private static DateOnly Today => SwedishTime.Today(Clock);

    private static Task<ContentItem> ItemAsync(Guid id) =>
        Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().ContentItems.AsNoTracking().SingleAsync(i => i.Id == id));

    private static Task<T> LatestDocumentAsync<T>(Guid id) where T : IContentDocument =>
        Factory.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            var item = await db.ContentItems.AsNoTracking().SingleAsync(i => i.Id == id);
            return ContentDocumentSerializer.Deserialize<T>((await db.ContentVersions.AsNoTracking().SingleAsync(v => v.Id == item.LatestVersionId)).DocumentJson);
        });

    private static Task<(Guid Id, string Title, string Slug)> PublishedStoryAsync(int skip) =>
        Factory.WithScopeAsync(async s =>
        {
            var row = await s.GetRequiredService<PortalDbContext>().PublishedContent.AsNoTracking()
                .Where(p => p.Type == ContentType.Story).OrderBy(p => p.Slug).Skip(skip).FirstAsync();
            return (row.ItemId, row.Title, row.Slug);
        });

    /// <summary>A complete new draft story by the editor, copied from a seed story.</summary>
    private static Task<Guid> DraftStoryAsync(string title) =>
        Factory.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            var seed = await db.PublishedContent.FirstAsync(p => p.Type == ContentType.Story);
            var story = ContentDocumentSerializer.Deserialize<StoryDocument>(seed.DocumentJson) with { Title = title, Slug = Slugs.FromText(title) };
            var saved = (SaveResult.Saved)await s.GetRequiredService<ContentStore>().CreateAsync(ContentType.Story, story, new ContentAuthor(editorId, "Rita Redaktör"), "Första utkastet");
            return saved.Item.Id;
        });

    private static Task SetReviewByAsync(Guid id, DateOnly reviewBy) =>
        Factory.WithDbAsync(db => db.ContentItems.Where(i => i.Id == id).ExecuteUpdateAsync(u => u.SetProperty(i => i.ReviewBy, reviewBy)));

    private static Task<HttpResponseMessage> ActAsync(HttpClient client, Guid id, WorkflowAction action, string comment = "") =>
        Forms.PostAsync(client, $"/redaktion/innehall/{id}", new Dictionary<string, string> { ["action"] = action.Key(), ["comment"] = comment },
            $"form:has(input[name='action'][value='{action.Key()}'])");

    private static async Task<EditingBrowserForm> PressAsync(HttpClient client, EditingBrowserForm form, string action)
    {
        using var response = await form.SubmitAsync(client, action);
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, action);
        return await EditingBrowserForm.FromResponseAsync(form.Url, response);
    }

    private static string[] ContactNames(EditingBrowserForm form) =>
        form.Fields.Where(f => f.Key.StartsWith("contacts[", StringComparison.Ordinal) && f.Key.EndsWith("].name", StringComparison.Ordinal)).Select(f => f.Value).ToArray();

    [TestMethod]
    public async Task Without_javascript_rows_are_added_moved_and_removed_and_the_page_comes_back_at_the_row()
    {
        var client = await Factory.SignInAsync(EditorEmail);
        const string title = "Kontaktpersoner i ordning i Radby";
        var form = (await EditingBrowserForm.LoadAsync(client, "/redaktion/innehall/ny/story"))
            .Set("title", title)
            .Set("contacts[0].name", "Anna Andersson")
            .Set("contacts[0].email", "anna@example.se")
            .Set("contacts[1].name", "Bertil Berg");
        var down = form.Page.QuerySelector("#f-contacts-0 button[value='down:contacts:0']")!;
        Assert.AreEqual("Flytta ned kontaktperson 1", down.TextContent.Trim());
        StringAssert.EndsWith(down.GetAttribute("formaction"), "/redaktion/innehall/ny/story#f-contacts-1", "the page comes back at the row's new place");
        Assert.IsNull(form.Page.QuerySelector("#f-contacts-0 button[value^='up:']"), "the first row cannot move up");

        form = await PressAsync(client, form, "down:contacts:0");
        CollectionAssert.AreEqual(new[] { "Bertil Berg", "Anna Andersson" }, ContactNames(form));
        Assert.AreEqual("anna@example.se", form.Value("contacts[1].email"), "the row moves with all its fields");
        Assert.AreEqual(title, form.Value("title"), "the rest of the form is kept");
        Assert.AreEqual("Flytta upp kontaktperson 2", form.Page.QuerySelector("#f-contacts-1 button[value='up:contacts:1']")!.TextContent.Trim());

        form = await PressAsync(client, form, "rows:contacts");
        CollectionAssert.AreEqual(new[] { "Bertil Berg", "Anna Andersson", "", "" }, ContactNames(form));
        form.Set("contacts[3].name", "Cecilia Ceder");
        form = await PressAsync(client, form, "up:contacts:3");
        CollectionAssert.AreEqual(new[] { "Bertil Berg", "Anna Andersson", "Cecilia Ceder", "" }, ContactNames(form));

        var remove = form.Page.QuerySelector("#f-contacts-0 button[value='remove:contacts:0']")!;
        Assert.AreEqual("Ta bort kontaktperson 1", remove.TextContent.Trim());
        StringAssert.EndsWith(remove.GetAttribute("formaction"), "#f-contacts-0", "after removal the page comes back where the row was");
        form = await PressAsync(client, form, "remove:contacts:0");
        CollectionAssert.AreEqual(new[] { "Anna Andersson", "Cecilia Ceder", "" }, ContactNames(form));
        Assert.AreEqual(0, await Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().ContentItems.CountAsync(i => i.Title == title)),
            "the row buttons save nothing");

        using var saved = await form.SubmitAsync(client);
        var id = EditingBrowserForm.SavedItemId(saved);
        var story = await LatestDocumentAsync<StoryDocument>(id);
        CollectionAssert.AreEqual(new[] { "Anna Andersson", "Cecilia Ceder" }, story.Contacts.Select(c => c.Name).ToArray());
        Assert.AreEqual("anna@example.se", story.Contacts[0].Email);
    }

    [TestMethod]
    public async Task Moving_a_collection_row_moves_the_story_and_leaves_the_placements_where_they_are()
    {
        var client = await Factory.SignInAsync(EditorEmail);
        var first = await PublishedStoryAsync(0);
        var second = await PublishedStoryAsync(1);
        var form = (await EditingBrowserForm.LoadAsync(client, "/redaktion/innehall/ny/collection"))
            .Set("title", "Ordnad samling")
            .Set("stories[0].storyId", first.Id.ToString()).Set("stories[0].position", "1")
            .Set("stories[1].storyId", second.Id.ToString()).Set("stories[1].position", "2");

        form = await PressAsync(client, form, "up:stories:1");
        Assert.AreEqual(second.Id.ToString(), form.Value("stories[0].storyId"));
        Assert.AreEqual("1", form.Value("stories[0].position"));
        Assert.AreEqual(first.Id.ToString(), form.Value("stories[1].storyId"));
        Assert.AreEqual("2", form.Value("stories[1].position"));

        using var saved = await form.SubmitAsync(client);
        var collection = await LatestDocumentAsync<CollectionDocument>(EditingBrowserForm.SavedItemId(saved));
        CollectionAssert.AreEqual(new[] { second.Id, first.Id }, collection.StoryIds.ToArray());
    }

    [TestMethod]
    public async Task The_initiative_picker_is_a_checkbox_list_with_the_chosen_first_in_their_order()
    {
        var client = await Factory.SignInAsync(EditorEmail);
        var initiatives = await Factory.WithScopeAsync(async s =>
            (await s.GetRequiredService<PublishedQueries>().InitiativesAsync(null, CancellationToken.None)).Select(i => i.Id.ToString()).ToList());
        var form = await EditingBrowserForm.LoadAsync(client, "/redaktion/innehall/ny/story");
        Assert.IsEmpty(form.Page.QuerySelectorAll("select[multiple]"), "no Ctrl-click list boxes");
        var picker = form.Page.QuerySelector("fieldset#f-summary-initiativeIds")!;
        Assert.AreEqual("Kunskapshöjande initiativ till sammanfattningen", picker.QuerySelector("legend")!.TextContent.Trim());
        Assert.HasCount(initiatives.Count, picker.QuerySelectorAll("input[type='checkbox'][name='summary.initiativeIds']"));
        Assert.IsTrue(picker.QuerySelector(".initiative-filter")!.HasAttribute("hidden"), "the filter needs JavaScript and is hidden without it");

        form.Set("summary.initiativeIds", initiatives[5], initiatives[2]);
        form = await PressAsync(client, form, "rows:contacts");
        var boxes = form.Page.QuerySelectorAll("fieldset#f-summary-initiativeIds input[type='checkbox']");
        CollectionAssert.AreEqual(new[] { initiatives[5], initiatives[2] }, boxes.Take(2).Select(b => b.GetAttribute("value")).ToArray());
        Assert.IsTrue(boxes.Take(2).All(b => b.HasAttribute("checked")));
        Assert.IsFalse(boxes.Skip(2).Any(b => b.HasAttribute("checked")));
        var label = form.Page.QuerySelector($"label[for='{boxes[0].Id}']")!;
        Assert.IsFalse(string.IsNullOrWhiteSpace(label.TextContent), "each box has its initiative's name as label");

        using var saved = await form.Set("title", "Initiativ i ordning").SubmitAsync(client);
        var story = await LatestDocumentAsync<StoryDocument>(EditingBrowserForm.SavedItemId(saved));
        CollectionAssert.AreEqual(new[] { Guid.Parse(initiatives[5]), Guid.Parse(initiatives[2]) }, story.Summary.InitiativeIds.ToArray());
    }

    [TestMethod]
    public async Task Spara_stays_in_the_editor_with_a_confirmation_in_a_status_region()
    {
        var client = await Factory.SignInAsync(EditorEmail);
        var (id, _, _) = await PublishedStoryAsync(2);
        var editUrl = $"/redaktion/innehall/{id}/redigera";
        var form = await EditingBrowserForm.LoadAsync(client, editUrl);
        Assert.IsNull(form.Page.QuerySelector("#editor-saved"), "nothing to confirm before a save");

        using var saved = await form.Set("changeNote", "Rättade ett stavfel").SubmitAsync(client);
        Assert.AreEqual(id, EditingBrowserForm.SavedItemId(saved));
        var page = await client.GetPageAsync(saved.Headers.Location!.OriginalString);
        var confirmation = page.QuerySelector("#editor-saved")!;
        Assert.AreEqual("status", confirmation.GetAttribute("role"));
        StringAssert.Contains(confirmation.TextContent, "Sparat som version");
        StringAssert.Contains(confirmation.TextContent, "Du är kvar i formuläret");
        Assert.AreEqual($"/redaktion/innehall/{id}", confirmation.QuerySelector("a")!.GetAttribute("href"));
        Assert.IsNotNull(page.QuerySelector("form#editor-form"), "the editor's form is there to go on with");

        var again = await client.GetPageAsync(editUrl);
        Assert.IsNull(again.QuerySelector("#editor-saved"), "the confirmation is shown once");
    }

    [TestMethod]
    public async Task The_live_preview_renders_the_typed_form_with_the_public_templates_and_saves_nothing()
    {
        var client = await Factory.SignInAsync(EditorEmail);
        var (id, title, _) = await PublishedStoryAsync(3);
        var editUrl = $"/redaktion/innehall/{id}/redigera";
        var form = (await EditingBrowserForm.LoadAsync(client, editUrl))
            .Set("title", "En titel som bara är skriven")
            .Set("summary.text", "En **viktig** mening.<script>alert(1)</script>");
        var versionsBefore = await Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().ContentVersions.CountAsync(v => v.ItemId == id));

        using var response = await client.PostAsync(new Uri(editUrl + "?handler=LivePreview", UriKind.Relative), new FormUrlEncodedContent(form.Fields));
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.IsTrue(response.Headers.CacheControl?.NoStore, "never cached");
        var html = await response.Content.ReadAsStringAsync();
        var preview = await new HtmlParser().ParseDocumentAsync(html);
        Assert.AreEqual("sv", preview.DocumentElement.GetAttribute("lang"));
        Assert.AreEqual("En titel som bara är skriven", preview.QuerySelector("h1")!.TextContent.Trim());
        Assert.IsTrue(preview.QuerySelectorAll("strong").Any(s => s.TextContent == "viktig"), "the Markdown is rendered as on the public page");
        Assert.IsEmpty(preview.QuerySelectorAll("script"), "no script, typed or otherwise, in the preview");
        Assert.AreEqual(versionsBefore, await Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().ContentVersions.CountAsync(v => v.ItemId == id)));
        Assert.AreEqual(title, (await ItemAsync(id)).Title, "nothing is saved");

        // A new, unsaved item previews too.
        var fresh = (await EditingBrowserForm.LoadAsync(client, "/redaktion/innehall/ny/page")).Set("title", "En ny sida").Set("body", "Brödtext.");
        using var page = await client.PostAsync(new Uri("/redaktion/innehall/ny/page?handler=LivePreview", UriKind.Relative), new FormUrlEncodedContent(fresh.Fields));
        StringAssert.Contains(await page.Content.ReadAsStringAsync(), "En ny sida");

        // Antiforgery, as for every form.
        var withoutToken = form.Fields.Where(f => f.Key != "__RequestVerificationToken");
        using var forged = await client.PostAsync(new Uri(editUrl + "?handler=LivePreview", UriKind.Relative), new FormUrlEncodedContent(withoutToken));
        Assert.AreEqual(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [TestMethod]
    public async Task A_reviewers_comment_shows_on_the_dashboard_and_at_the_top_of_the_editor_until_sent_for_review_again()
    {
        const string title = "Tillbakaskickad i Kommentarby";
        const string comment = "Lägg till en kontaktperson.\nKontrollera siffrorna för personalen.";
        var id = await DraftStoryAsync(title);
        var editor = await Factory.SignInAsync(EditorEmail);
        var reviewer = await Factory.SignInAsync(ReviewerEmail);
        using (var submitted = await ActAsync(editor, id, WorkflowAction.Submit))
        {
            Assert.AreEqual(HttpStatusCode.Redirect, submitted.StatusCode);
        }
        Assert.IsFalse((await DashboardAsync(editor)).QuerySelectorAll("section[aria-labelledby='tillbaka'] a").Any(a => a.TextContent == title));
        using (var rejected = await ActAsync(reviewer, id, WorkflowAction.Reject, comment))
        {
            Assert.AreEqual(HttpStatusCode.Redirect, rejected.StatusCode);
        }

        var dashboard = await DashboardAsync(editor);
        var row = dashboard.QuerySelectorAll("section[aria-labelledby='tillbaka'] tbody tr").Single(r => r.QuerySelector("a")!.TextContent == title);
        StringAssert.Contains(row.QuerySelector(".rejection-by")!.TextContent, "Skickades tillbaka av Greta Granskare");
        Assert.AreEqual(comment, row.QuerySelector(".rejection-comment")!.TextContent);
        var mine = dashboard.QuerySelectorAll("section[aria-labelledby='mina'] tbody tr").Single(r => r.QuerySelector("a")!.TextContent == title);
        Assert.AreEqual(comment, mine.QuerySelector(".rejection-comment")!.TextContent);

        var editUrl = $"/redaktion/innehall/{id}/redigera";
        var form = await EditingBrowserForm.LoadAsync(editor, editUrl);
        var note = form.Page.QuerySelector("main #rejection")!;
        StringAssert.Contains(note.QuerySelector("h2")!.TextContent, "Skickades tillbaka av Greta Granskare");
        Assert.AreEqual(comment, note.QuerySelector(".rejection-comment")!.TextContent);
        Assert.IsTrue(note.CompareDocumentPosition(form.Page.QuerySelector("form#editor-form")!).HasFlag(AngleSharp.Dom.DocumentPositions.Following),
            "the comment comes before the form");

        // A save does not answer the comment; sending it for review again does.
        using (var saved = await form.Set("changeNote", "La till en kontaktperson").SubmitAsync(editor))
        {
            Assert.AreEqual(id, EditingBrowserForm.SavedItemId(saved));
        }
        Assert.IsNotNull((await editor.GetPageAsync(editUrl)).QuerySelector("#rejection"));
        using (var resubmitted = await ActAsync(editor, id, WorkflowAction.Submit))
        {
            Assert.AreEqual(HttpStatusCode.Redirect, resubmitted.StatusCode);
        }
        Assert.IsNull((await editor.GetPageAsync(editUrl)).QuerySelector("#rejection"));
        Assert.IsFalse((await DashboardAsync(editor)).QuerySelectorAll("section[aria-labelledby='tillbaka'] a").Any(a => a.TextContent == title));

        static Task<AngleSharp.Dom.IDocument> DashboardAsync(HttpClient client) => client.GetPageAsync("/redaktion");
    }

    [TestMethod]
    public async Task Markera_som_granskad_records_who_and_when_moves_the_review_date_and_is_logged()
    {
        var (id, title, slug) = await PublishedStoryAsync(4);
        await SetReviewByAsync(id, Today.AddDays(-10));
        var editUrl = $"/redaktion/innehall/{id}/redigera";
        var editor = await Factory.SignInAsync(EditorEmail);
        var reviewer = await Factory.SignInAsync(ReviewerEmail);

        // A Redaktör sees when, but has no button, and is refused if the request is made anyway.
        var editorPage = await editor.GetPageAsync(editUrl);
        StringAssert.Contains(editorPage.QuerySelector(".review-status")!.TextContent, "(passerat)");
        Assert.IsNull(editorPage.QuerySelector("form.mark-reviewed-form"));
        var token = await Forms.TokenAsync(editor, editUrl);
        using (var refused = await editor.PostAsync(new Uri($"/redaktion/innehall/{id}?handler=MarkReviewed", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["returnTo"] = "redigera" })))
        {
            Assert.AreEqual(HttpStatusCode.Forbidden, refused.StatusCode);
            StringAssert.Contains(await refused.Content.ReadAsStringAsync(), "Bara en Granskare eller Administratör kan markera innehåll som granskat.");
        }
        Assert.IsNull((await ItemAsync(id)).LastReviewedById);

        // The reviewer finds it on the dashboard and in the editor.
        var dashboard = await reviewer.GetPageAsync("/redaktion");
        var due = dashboard.QuerySelectorAll("section[aria-labelledby='granskningsdatum'] tbody tr").Single(r => r.QuerySelector("a")!.TextContent == title);
        Assert.AreEqual($"Markera som granskad {title}", string.Join(' ', due.QuerySelector("form.mark-reviewed-form button")!.TextContent.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)));
        var reviewerPage = await reviewer.GetPageAsync(editUrl);
        Assert.IsNotNull(reviewerPage.QuerySelector(".review-status form.mark-reviewed-form"));

        var now = Clock.GetUtcNow().UtcDateTime;
        using (var marked = await Forms.PostAsync(reviewer, editUrl, new Dictionary<string, string> { ["returnTo"] = "redigera" }, "form.mark-reviewed-form"))
        {
            Assert.AreEqual(HttpStatusCode.SeeOther, marked.StatusCode);
            Assert.AreEqual(editUrl, marked.Headers.Location!.OriginalString);
        }
        var item = await ItemAsync(id);
        Assert.AreEqual(now, item.LastReviewedAt);
        Assert.AreEqual(reviewerId, item.LastReviewedById);
        Assert.AreEqual("Greta Granskare", item.LastReviewedByName);
        Assert.AreEqual(SwedishTime.DateOf(now + TimeSpan.FromDays(365)), item.ReviewBy);
        var (audit, published) = await Factory.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            return (await db.AuditEntries.AsNoTracking().Where(a => a.ItemId == id && a.Action == AuditLog.MarkedReviewed).ToListAsync(),
                await db.PublishedContent.AsNoTracking().SingleAsync(p => p.ItemId == id));
        });
        Assert.HasCount(1, audit);
        Assert.AreEqual(reviewerId, audit[0].UserId);
        Assert.AreEqual("Greta Granskare", audit[0].UserName);
        StringAssert.Contains(audit[0].Comment, $"Granskas nästa gång senast {item.ReviewBy:yyyy-MM-dd}");
        Assert.AreEqual(now, published.LastReviewedAt, "the public page says when it was last reviewed");

        var after = await reviewer.GetPageAsync(editUrl);
        StringAssert.Contains(after.QuerySelector("main [role='status']")!.TextContent, "Innehållet är markerat som granskat.");
        var status = after.QuerySelector(".review-status")!.TextContent;
        StringAssert.Contains(status, $"Ska granskas senast {item.ReviewBy:yyyy-MM-dd}");
        StringAssert.Contains(status, $"{SwedishTime.Format(now)} av Greta Granskare");
        Assert.IsNull(after.QuerySelector("form.mark-reviewed-form"), "not due any more");
        Assert.IsFalse((await reviewer.GetPageAsync("/redaktion")).QuerySelectorAll("section[aria-labelledby='granskningsdatum'] a").Any(a => a.TextContent == title));
        var publicPage = await Factory.CreateBrowserClient().GetPageAsync($"/berattelser/{slug}");
        StringAssert.Contains(publicPage.Body!.TextContent, $"Senast granskad {SwedishTime.LongDate(now)}");

        // Only content past its review date, and only live content.
        var reviewerToken = await Forms.TokenAsync(reviewer, editUrl);
        using (var notDue = await reviewer.PostAsync(new Uri($"/redaktion/innehall/{id}?handler=MarkReviewed", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = reviewerToken })))
        {
            Assert.AreEqual(HttpStatusCode.OK, notDue.StatusCode);
            StringAssert.Contains(await notDue.Content.ReadAsStringAsync(), "kan markeras som granskat först när det datumet har passerat");
        }
        var draft = await DraftStoryAsync("Ett utkast med gammalt granskningsdatum");
        await SetReviewByAsync(draft, Today.AddDays(-1));
        Assert.IsNull((await reviewer.GetPageAsync("/redaktion")).QuerySelectorAll("section[aria-labelledby='granskningsdatum'] tr")
            .FirstOrDefault(r => r.TextContent.Contains("Ett utkast med gammalt granskningsdatum", StringComparison.Ordinal))?.QuerySelector("form.mark-reviewed-form"));
        using (var notLive = await reviewer.PostAsync(new Uri($"/redaktion/innehall/{draft}?handler=MarkReviewed", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = reviewerToken })))
        {
            StringAssert.Contains(await notLive.Content.ReadAsStringAsync(), "Bara publicerat innehåll kan markeras som granskat.");
        }
        Assert.IsNull((await ItemAsync(draft)).LastReviewedAt);
        Assert.HasCount(1, await Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().AuditEntries.Where(a => a.Action == AuditLog.MarkedReviewed).ToListAsync()));
    }

    [TestMethod]
    public async Task The_story_form_has_a_part_per_section_of_the_table_in_its_order_and_the_menu_leads_to_each()
    {
        var client = await Factory.SignInAsync(EditorEmail);
        var page = await client.GetPageAsync("/redaktion/innehall/ny/story");

        var parts = page.QuerySelectorAll("fieldset.editor-section").ToList();
        Assert.AreEqual("grunduppgifter", parts[0].Id, "the card and the facts come first");
        CollectionAssert.AreEqual(StorySections.All.Select(s => s.Heading).ToList(),
            parts.Skip(1).Select(p => p.QuerySelector(":scope > legend")!.TextContent.Trim()).ToList());
        var menu = page.QuerySelectorAll("nav.editor-sections a").Select(a => a.GetAttribute("href")!).ToList();
        CollectionAssert.AreEqual(parts.Select(p => "#" + p.Id).ToList(), menu.Where(href => parts.Any(p => "#" + p.Id == href)).ToList());
        Assert.AreEqual(parts.Count + 1, menu.Count, "a link to each part and one to saving");

        foreach (var question in StorySections.StepQuestions)
        {
            Assert.AreEqual($"Testa: {question.Label}", page.QuerySelector($"label[for='{EHalsostodet.Web.BackOffice.Editing.FormFields.Id($"process.steps[2].{question.Key}")}']")!.TextContent.Trim());
        }
    }
}
