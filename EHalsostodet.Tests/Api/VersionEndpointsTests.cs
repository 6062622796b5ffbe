using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Tests.Infrastructure;
using static EHalsostodet.Tests.Api.ManagementClient;

namespace EHalsostodet.Tests.Api;

/// <summary>Version history, comparison and rollback through the API.</summary>
[TestClass]
public sealed class VersionEndpointsTests : PortalTestClass<VersionEndpointsTests>
{
    private const string EditorEmail = "redaktor@example.se";
    private const string ReviewerEmail = "granskare@example.se";

    private static HttpClient editor = null!;
    private static HttpClient reviewer = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        editor = await ApiClientOfNewAccountAsync(EditorEmail, PortalRoles.Editor, "Rita Redaktör");
        reviewer = await ApiClientOfNewAccountAsync(ReviewerEmail, PortalRoles.Reviewer, "Greta Granskare");
    }

    private static async Task SaveTitleAsync(Guid id, int baseVersion, string title)
    {
        using var response = await PutTitleAsync(editor, id, baseVersion, title);
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task PublishAsync(Guid id)
    {
        await ActOkAsync(editor, id, "submit");
        await ActOkAsync(reviewer, id, "approve");
    }

    [TestMethod]
    public async Task The_history_lists_every_version_newest_first_with_author_and_flags()
    {
        var id = await CreateStoryAsync(editor, "Historik i Versionsby");
        await PublishAsync(id);
        await SaveTitleAsync(id, 1, "Historik i Versionsby, andra versionen");

        var versions = await GetJsonAsync<JsonArray>(editor, $"{Prefix}/content/{id}/versions");
        Assert.HasCount(2, versions);
        var latest = versions[0]!.AsObject();
        var first = versions[1]!.AsObject();
        Assert.AreEqual(2, latest["number"]!.GetValue<int>());
        Assert.IsTrue(latest["isLatest"]!.GetValue<bool>());
        Assert.IsFalse(latest["isPublished"]!.GetValue<bool>());
        Assert.AreEqual("Rita Redaktör", latest["author"]!.GetValue<string>());
        Assert.AreEqual("Ändrad via förvaltnings-API:t", latest["changeNote"]!.GetValue<string>());
        Assert.IsNotNull(latest["createdAt"]);
        Assert.AreEqual(1, first["number"]!.GetValue<int>());
        Assert.IsFalse(first["isLatest"]!.GetValue<bool>());
        Assert.IsTrue(first["isPublished"]!.GetValue<bool>());

        using var missing = await editor.GetAsync(new Uri($"{Prefix}/content/{Guid.NewGuid()}/versions", UriKind.Relative));
        await ProblemAsync(missing, HttpStatusCode.NotFound);
    }

    [TestMethod]
    public async Task The_diff_shows_a_changed_title_with_its_text_before_and_after()
    {
        var id = await CreateStoryAsync(editor, "Jämförelse i Versionsby");
        await SaveTitleAsync(id, 1, "Jämförelse i Versionsby, ny titel");

        var diff = await GetJsonAsync<JsonObject>(editor, $"{Prefix}/content/{id}/versions/1/diff/2");
        Assert.AreEqual(1, diff["from"]!.GetValue<int>());
        Assert.AreEqual(2, diff["to"]!.GetValue<int>());
        var changes = diff["changes"]!.AsArray();
        Assert.HasCount(1, changes);
        Assert.AreEqual("title", changes[0]!["field"]!.GetValue<string>());
        Assert.AreEqual("Jämförelse i Versionsby", changes[0]!["before"]!.GetValue<string>());
        Assert.AreEqual("Jämförelse i Versionsby, ny titel", changes[0]!["after"]!.GetValue<string>());

        using var missing = await editor.GetAsync(new Uri($"{Prefix}/content/{id}/versions/1/diff/9", UriKind.Relative));
        StringAssert.Contains((await ProblemAsync(missing, HttpStatusCode.NotFound)).Detail(), "ingen version 9");
    }

    [TestMethod]
    public async Task A_rollback_makes_a_new_draft_with_the_old_document_and_the_public_page_waits_for_approval()
    {
        var id = await CreateStoryAsync(editor, "Återgång i Versionsby");
        await PublishAsync(id);
        var original = (await DetailsAsync(editor, id))["document"]!;
        await SaveTitleAsync(id, 1, "Återgång i Versionsby, ändrad");
        await PublishAsync(id);
        Assert.AreEqual("Återgång i Versionsby, ändrad", await PublicStoryTextAsync(Factory, "atergang-i-versionsby"));

        using (var response = await editor.PostAsync(new Uri($"{Prefix}/content/{id}/versions/1/rollback", UriKind.Relative), null))
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.AreEqual(HttpStatusCode.Created, response.StatusCode, body);
            var saved = JsonNode.Parse(body)!;
            Assert.AreEqual(id, saved["id"]!.GetValue<Guid>());
            Assert.AreEqual(3, saved["version"]!.GetValue<int>());
        }
        var details = await DetailsAsync(editor, id);
        Assert.AreEqual(3, details["latestVersion"]!.GetValue<int>());
        Assert.AreEqual(2, details["publishedVersion"]!.GetValue<int>());
        Assert.AreEqual("draft", details["state"]!.GetValue<string>());
        Assert.IsTrue(JsonNode.DeepEquals(original, details["document"]), "the new version's document equals version 1");
        Assert.AreEqual("Återgång i Versionsby, ändrad", await PublicStoryTextAsync(Factory, "atergang-i-versionsby"));

        await PublishAsync(id);
        Assert.AreEqual("Återgång i Versionsby", await PublicStoryTextAsync(Factory, "atergang-i-versionsby"));
    }

    [TestMethod]
    public async Task A_rollback_to_a_version_that_does_not_exist_is_not_found()
    {
        var id = await CreateStoryAsync(editor, "Saknad version i Versionsby");
        using var response = await editor.PostAsync(new Uri($"{Prefix}/content/{id}/versions/5/rollback", UriKind.Relative), null);
        StringAssert.Contains((await ProblemAsync(response, HttpStatusCode.NotFound)).Detail(), "ingen version 5");
    }

    [TestMethod]
    public async Task Versions_need_a_back_office_role()
    {
        var id = await CreateStoryAsync(editor, "Skyddad historik i Versionsby");
        await Factory.CreateUserAsync("ingen@example.se", null);
        using var nobody = await Factory.BearerClientAsync("ingen@example.se");
        using var list = await nobody.GetAsync(new Uri($"{Prefix}/content/{id}/versions", UriKind.Relative));
        await ProblemAsync(list, HttpStatusCode.Forbidden);
        using var rollback = await nobody.PostAsJsonAsync($"{Prefix}/content/{id}/versions/1/rollback", new { });
        await ProblemAsync(rollback, HttpStatusCode.Forbidden);
    }
}
