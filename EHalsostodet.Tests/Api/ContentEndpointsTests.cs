using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static EHalsostodet.Tests.Api.ManagementClient;

namespace EHalsostodet.Tests.Api;

/// <summary>Listing, reading, creating and editing content through the API.</summary>
[TestClass]
public sealed class ContentEndpointsTests : PortalTestClass<ContentEndpointsTests>
{
    private const string EditorEmail = "redaktor@example.se";
    private const string ReviewerEmail = "granskare@example.se";

    private static HttpClient editor = null!;
    private static HttpClient reviewer = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        editor = await ApiClientOfNewAccountAsync(EditorEmail, PortalRoles.Editor);
        reviewer = await ApiClientOfNewAccountAsync(ReviewerEmail, PortalRoles.Reviewer);
    }

    [TestMethod]
    public async Task The_list_holds_items_of_the_requested_type_and_refuses_unknown_types()
    {
        var stories = await GetJsonAsync<JsonArray>(editor, $"{Prefix}/content?type=story");
        Assert.IsNotEmpty(stories);
        foreach (var story in stories.Select(s => s!.AsObject()))
        {
            Assert.AreEqual("story", story["type"]!.GetValue<string>());
            Assert.IsFalse(string.IsNullOrEmpty(story["title"]!.GetValue<string>()));
            Assert.IsFalse(string.IsNullOrEmpty(story["slug"]!.GetValue<string>()));
            Assert.IsNotNull(story["state"]);
            Assert.IsNotNull(story["updatedAt"]);
            Assert.IsNotNull(story["id"]);
        }
        var pages = await GetJsonAsync<JsonArray>(editor, $"{Prefix}/content?type=page");
        Assert.IsTrue(pages.All(p => p!["type"]!.GetValue<string>() == "page"));
        var all = await GetJsonAsync<JsonArray>(editor, $"{Prefix}/content");
        Assert.IsGreaterThan(stories.Count, all.Count);

        using var unknown = await editor.GetAsync(new Uri($"{Prefix}/content?type=nyhet", UriKind.Relative));
        var problem = await ProblemAsync(unknown, HttpStatusCode.BadRequest);
        StringAssert.Contains(problem["errors"]!["type"]![0]!.GetValue<string>(), "Okänd innehållstyp");
    }

    [TestMethod]
    public async Task An_item_comes_with_its_versions_and_the_document_of_the_latest_version()
    {
        var id = await CreateStoryAsync(editor, "Läsbar berättelse");
        var details = await DetailsAsync(editor, id);
        Assert.AreEqual(id, details["id"]!.GetValue<Guid>());
        Assert.AreEqual("story", details["type"]!.GetValue<string>());
        Assert.AreEqual("draft", details["state"]!.GetValue<string>());
        Assert.AreEqual(1, details["latestVersion"]!.GetValue<int>());
        Assert.IsNull(details["publishedVersion"]);
        Assert.AreEqual("Läsbar berättelse", details["document"]!["title"]!.GetValue<string>());
        Assert.AreEqual("lasbar-berattelse", details["document"]!["slug"]!.GetValue<string>());

        using var missing = await editor.GetAsync(new Uri($"{Prefix}/content/{Guid.NewGuid()}", UriKind.Relative));
        await ProblemAsync(missing, HttpStatusCode.NotFound);
    }

    [TestMethod]
    public async Task A_document_that_breaks_the_rules_is_refused_with_errors_keyed_by_field()
    {
        var document = await NewStoryDocumentAsync(editor, "Regelbrott");
        document["title"] = "";
        document["slug"] = "Inte En Slug";
        using var response = await editor.PostAsJsonAsync($"{Prefix}/content", new { type = "story", document });
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        Assert.AreEqual("Ange en titel.", errors["title"]![0]!.GetValue<string>());
        StringAssert.Contains(errors["slug"]![0]!.GetValue<string>(), "Adressnamnet");
    }

    [TestMethod]
    public async Task A_slug_already_in_use_is_refused()
    {
        var document = (await SeedStoryDocumentAsync(editor)).DeepClone();
        using var response = await editor.PostAsJsonAsync($"{Prefix}/content", new { type = "story", document });
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        StringAssert.Contains(problem["errors"]!["slug"]![0]!.GetValue<string>(), "används redan");
    }

    [TestMethod]
    public async Task Malformed_json_unknown_fields_and_unknown_types_are_explained_in_Swedish()
    {
        using (var malformed = await editor.PostAsync(new Uri($"{Prefix}/content", UriKind.Relative), Json("{\"type\": \"story\", \"document\": {")))
        {
            StringAssert.Contains((await ProblemAsync(malformed, HttpStatusCode.BadRequest)).Detail(), "inte giltig JSON");
        }

        var document = await NewStoryDocumentAsync(editor, "Okänt fält");
        document["favoritfarg"] = "blå";
        using (var unknownField = await editor.PostAsJsonAsync($"{Prefix}/content", new { type = "story", document }))
        {
            var problem = await ProblemAsync(unknownField, HttpStatusCode.BadRequest);
            StringAssert.Contains(problem.Detail(), "Okänt fält");
            Assert.IsNotNull(problem["errors"]!["favoritfarg"]);
        }

        using (var unknownEnvelopeField = await editor.PostAsJsonAsync($"{Prefix}/content", new { type = "story", document = new { }, kategori = "x" }))
        {
            StringAssert.Contains((await ProblemAsync(unknownEnvelopeField, HttpStatusCode.BadRequest)).Detail(), "Okänt fält");
        }

        using (var missingFields = await editor.PostAsJsonAsync($"{Prefix}/content", new { type = "story", document = new { title = "Bara en titel" } }))
        {
            StringAssert.Contains((await ProblemAsync(missingFields, HttpStatusCode.BadRequest)).Detail(), "saknar obligatoriska fält");
        }

        using (var wrongType = await editor.PostAsJsonAsync($"{Prefix}/content", new { type = "story", document = new { title = 42 } }))
        {
            StringAssert.Contains((await ProblemAsync(wrongType, HttpStatusCode.BadRequest)).Detail(), "fel typ");
        }

        using (var unknownType = await editor.PostAsJsonAsync($"{Prefix}/content", new { type = "nyhet", document }))
        {
            StringAssert.Contains((await ProblemAsync(unknownType, HttpStatusCode.BadRequest)).Detail(), "Okänd innehållstyp");
        }

        // Routing refuses a body that is not JSON before the endpoint runs.
        using (var notJson = await editor.PostAsync(new Uri($"{Prefix}/content", UriKind.Relative), new StringContent("type=story")))
        {
            Assert.AreEqual(HttpStatusCode.UnsupportedMediaType, notJson.StatusCode);
        }
    }

    [TestMethod]
    public async Task Editing_a_published_story_leaves_the_public_page_as_it_was_until_the_change_is_approved()
    {
        var id = await CreateStoryAsync(editor, "Utkast av publicerad");
        await ActOkAsync(editor, id, "submit");
        await ActOkAsync(reviewer, id, "approve");
        Assert.AreEqual("Utkast av publicerad", await PublicStoryTextAsync(Factory, "utkast-av-publicerad"));

        using (var saved = await PutTitleAsync(editor, id, 1, "Utkast av publicerad, ny titel"))
        {
            Assert.AreEqual(HttpStatusCode.OK, saved.StatusCode, await saved.Content.ReadAsStringAsync());
            var body = (await saved.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.AreEqual(2, body["version"]!.GetValue<int>());
            Assert.AreEqual(id, body["id"]!.GetValue<Guid>());
        }
        var details = await DetailsAsync(editor, id);
        Assert.AreEqual("draft", details["state"]!.GetValue<string>());
        Assert.AreEqual(2, details["latestVersion"]!.GetValue<int>());
        Assert.AreEqual(1, details["publishedVersion"]!.GetValue<int>());
        Assert.AreEqual("Utkast av publicerad", await PublicStoryTextAsync(Factory, "utkast-av-publicerad"));

        await ActOkAsync(editor, id, "submit");
        Assert.AreEqual("Utkast av publicerad", await PublicStoryTextAsync(Factory, "utkast-av-publicerad"));
        await ActOkAsync(reviewer, id, "approve");
        Assert.AreEqual("Utkast av publicerad, ny titel", await PublicStoryTextAsync(Factory, "utkast-av-publicerad"));
    }

    [TestMethod]
    public async Task Of_two_saves_from_the_same_version_the_second_is_a_conflict_and_changes_nothing()
    {
        var id = await CreateStoryAsync(editor, "Samtidig redigering");
        using (var first = await PutTitleAsync(editor, id, 1, "Samtidig redigering, första"))
        {
            Assert.AreEqual(HttpStatusCode.OK, first.StatusCode, await first.Content.ReadAsStringAsync());
        }
        using (var second = await PutTitleAsync(reviewer, id, 1, "Samtidig redigering, andra"))
        {
            var problem = await ProblemAsync(second, HttpStatusCode.Conflict);
            StringAssert.Contains(problem.Detail(), "inte längre den senaste");
        }

        var details = await DetailsAsync(editor, id);
        Assert.AreEqual(2, details["latestVersion"]!.GetValue<int>());
        Assert.AreEqual("Samtidig redigering, första", details["document"]!["title"]!.GetValue<string>());
        await Factory.WithDbAsync(async db =>
        {
            var titles = await db.ContentVersions.Where(v => v.ItemId == id).OrderBy(v => v.Number).Select(v => v.DocumentJson).ToListAsync();
            Assert.HasCount(2, titles);
            Assert.IsFalse(titles.Any(t => t.Contains("Samtidig redigering, andra", StringComparison.Ordinal)));
            Assert.AreEqual("Samtidig redigering, första", (await db.ContentItems.SingleAsync(i => i.Id == id)).Title);
        });
    }

    [TestMethod]
    public async Task A_save_needs_a_base_version_that_exists_and_an_item_that_exists()
    {
        var id = await CreateStoryAsync(editor, "Basversion saknas");
        var document = (await DetailsAsync(editor, id))["document"]!.DeepClone();
        using (var missingBase = await editor.PutAsJsonAsync($"{Prefix}/content/{id}", new { document }))
        {
            Assert.IsNotNull((await ProblemAsync(missingBase, HttpStatusCode.BadRequest))["errors"]!["baseVersion"]);
        }
        using (var unknownBase = await editor.PutAsJsonAsync($"{Prefix}/content/{id}", new { document, baseVersion = 7 }))
        {
            StringAssert.Contains((await ProblemAsync(unknownBase, HttpStatusCode.BadRequest)).Detail(), "ingen version 7");
        }
        using (var unknownItem = await editor.PutAsJsonAsync($"{Prefix}/content/{Guid.NewGuid()}", new { document, baseVersion = 1 }))
        {
            await ProblemAsync(unknownItem, HttpStatusCode.NotFound);
        }
    }

    [TestMethod]
    public async Task Content_in_the_trash_cannot_be_edited()
    {
        var id = await CreateStoryAsync(editor, "Slängd berättelse");
        await ActOkAsync(editor, id, "trash");
        using var response = await PutTitleAsync(editor, id, 1, "Slängd berättelse, ändrad");
        StringAssert.Contains((await ProblemAsync(response, HttpStatusCode.Conflict)).Detail(), "papperskorgen");
    }

    [TestMethod]
    public async Task A_story_with_a_nameless_actor_is_refused_with_the_forms_Swedish_message_and_nothing_changes()
    {
        var id = await CreateStoryAsync(editor, "Aktör utan namn via API");
        var before = await DetailsAsync(editor, id);
        var document = before["document"]!.DeepClone().AsObject();
        document["roles"]!["actors"] = new JsonArray(new JsonObject { ["name"] = "  ", ["description"] = "Beskriven men inte namngiven", ["external"] = false });

        using var created = await editor.PostAsJsonAsync($"{Prefix}/content", new { type = "story", document = WithTitle(document, "Ny aktör utan namn") });
        using var saved = await editor.PutAsJsonAsync($"{Prefix}/content/{id}", new { baseVersion = before["latestVersion"]!.GetValue<int>(), document });

        foreach (var response in new[] { created, saved })
        {
            var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.AreEqual("Ange aktörens namn.", problem["errors"]!["roles.actors[0].name"]![0]!.GetValue<string>());
        }
        var after = await DetailsAsync(editor, id);
        Assert.AreEqual(before["latestVersion"]!.GetValue<int>(), after["latestVersion"]!.GetValue<int>(), "no new version");
        Assert.AreEqual(0, await Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().ContentItems.CountAsync(i => i.Slug == "ny-aktor-utan-namn")));
    }

    private static JsonObject WithTitle(JsonObject document, string title)
    {
        var copy = document.DeepClone().AsObject();
        copy["title"] = title;
        copy["slug"] = EHalsostodet.Core.Content.Slugs.FromText(title);
        return copy;
    }
}
