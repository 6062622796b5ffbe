using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Workflow;
using EHalsostodet.Tests.Api;
using EHalsostodet.Tests.BackOffice.Editing;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.BackOffice;

/// <summary>
/// A draft saves with whatever is there; what review and the site need (for a story: short
/// description, municipality, verksamhetsområde) is required when it is sent for review, with the
/// same rules and Swedish messages in the back office and the management API.
/// </summary>
[TestClass]
public sealed class IncompleteDraftTests : PortalTestClass<IncompleteDraftTests>
{
    private const string EditorEmail = "halvfardig.redaktor@example.se";

    private static readonly string[] StoryRequirements = ["Skriv en kort beskrivning till kortet.", "Välj kommun.", "Välj minst ett verksamhetsområde."];

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        await Factory.CreateUserAsync(EditorEmail, PortalRoles.Editor, "Rita Redaktör");
    }

    [TestMethod]
    public async Task Through_the_form_an_incomplete_story_is_saved_but_refused_for_review_with_links_to_the_fields()
    {
        var editor = await Factory.SignInAsync(EditorEmail);
        var form = (await EditingBrowserForm.LoadAsync(editor, "/redaktion/innehall/ny/story")).Set("title", "Halvfärdig i Klockby");

        Guid id;
        using (var saved = await form.SubmitAsync(editor))
        {
            Assert.AreEqual(HttpStatusCode.SeeOther, saved.StatusCode, "a draft with only a title is saved");
            id = EditingBrowserForm.SavedItemId(saved);
            var editorPage = await editor.GetPageAsync(saved.Headers.Location!.OriginalString);
            StringAssert.Contains(editorPage.QuerySelector("#editor-saved[role='status']")!.TextContent, "Sparat som version 1.");
        }
        var editUrl = $"/redaktion/innehall/{id}/redigera";
        string[] fieldLinks = [$"{editUrl}#f-shortDescription", $"{editUrl}#f-municipalityCode", $"{editUrl}#f-operationalAreas"];
        var overview = await editor.GetPageAsync($"/redaktion/innehall/{id}");
        var checklist = overview.QuerySelector("main [role='note']:has(#missing-heading)")!;
        CollectionAssert.AreEqual(fieldLinks, checklist.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToArray());

        using (var refused = await SubmitThroughFormAsync(editor, id))
        {
            Assert.AreEqual(HttpStatusCode.OK, refused.StatusCode);
            var page = await new HtmlParser().ParseDocumentAsync(await refused.Content.ReadAsStringAsync());
            var summary = page.QuerySelector(".error-summary")!;
            Assert.AreEqual("Det gick inte att skicka på granskning. Rätta följande:", summary.QuerySelector("h2")!.TextContent.Trim());
            CollectionAssert.AreEqual(StoryRequirements, summary.QuerySelectorAll("li a").Select(a => a.TextContent.Trim()).ToArray());
            CollectionAssert.AreEqual(fieldLinks, summary.QuerySelectorAll("li a").Select(a => a.GetAttribute("href")).ToArray());
        }
        var item = await ItemAsync(id);
        Assert.AreEqual(WorkflowState.Draft, item.State);
        Assert.AreEqual(1, await Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().ContentVersions.CountAsync(v => v.ItemId == id)));

        // Each link leads to a field of the edit form; filled in, the story goes to review.
        var edit = await EditingBrowserForm.LoadAsync(editor, editUrl);
        foreach (var link in fieldLinks)
        {
            Assert.IsNotNull(edit.Page.GetElementById(link[(link.IndexOf('#') + 1)..]), link);
        }
        var municipality = edit.Page.QuerySelectorAll("#f-municipalityCode option").Select(o => o.GetAttribute("value")).First(v => v is { Length: > 0 })!;
        using (var completed = await edit.Set("shortDescription", "Nu med kort beskrivning.").Set("municipalityCode", municipality).Set("operationalAreas", "ElderlyCare").SubmitAsync(editor))
        {
            Assert.AreEqual(HttpStatusCode.SeeOther, completed.StatusCode);
        }
        using (var submitted = await SubmitThroughFormAsync(editor, id))
        {
            Assert.AreEqual(HttpStatusCode.Redirect, submitted.StatusCode);
        }
        Assert.AreEqual(WorkflowState.InReview, (await ItemAsync(id)).State);
    }

    [TestMethod]
    public async Task Through_the_API_an_incomplete_story_is_created_but_submit_answers_409_with_the_same_messages_per_field()
    {
        using var editor = await Factory.BearerClientAsync(EditorEmail);
        var document = await ManagementClient.NewStoryDocumentAsync(editor, "Halvfärdig via API");
        document["shortDescription"] = "";
        document["municipalityCode"] = "";
        document["operationalAreas"] = new JsonArray();

        Guid id;
        using (var created = await editor.PostAsJsonAsync($"{ManagementClient.Prefix}/content", new { type = "story", document }))
        {
            var body = await created.Content.ReadAsStringAsync();
            Assert.AreEqual(HttpStatusCode.Created, created.StatusCode, body);
            id = JsonNode.Parse(body)!["id"]!.GetValue<Guid>();
        }

        using var refused = await ManagementClient.ActAsync(editor, id, "submit");

        var problem = await ManagementClient.ProblemAsync(refused, HttpStatusCode.Conflict);
        var errors = problem["errors"]!.AsObject();
        CollectionAssert.AreEquivalent(new[] { "shortDescription", "municipalityCode", "operationalAreas" }, errors.Select(e => e.Key).ToArray());
        CollectionAssert.AreEqual(StoryRequirements, errors.SelectMany(e => e.Value!.AsArray().Select(m => m!.GetValue<string>())).ToArray(),
            "the API's messages are the form's");
        Assert.AreEqual("draft", await ManagementClient.StateAsync(editor, id));
    }

    private static Task<HttpResponseMessage> SubmitThroughFormAsync(HttpClient client, Guid id) =>
        Forms.PostAsync(client, $"/redaktion/innehall/{id}", new Dictionary<string, string> { ["action"] = "submit", ["comment"] = "" },
            "form:has(input[name='action'][value='submit'])");

    private static Task<ContentItem> ItemAsync(Guid id) =>
        Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().ContentItems.AsNoTracking().SingleAsync(i => i.Id == id));
}
