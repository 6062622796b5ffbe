using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static EHalsostodet.Tests.Api.ManagementClient;

namespace EHalsostodet.Tests.Api;

/// <summary>
/// PUT /content/{id} from an older version: 409 problem details with the fields both sides
/// changed (base, yours, theirs, Swedish label) and the merged document, which saved with
/// baseVersion = latestVersion keeps both sides' work.
/// </summary>
[TestClass]
public sealed class ContentConflictTests : PortalTestClass<ContentConflictTests>
{
    private const string FirstEmail = "forsta.api@example.se";
    private const string SecondEmail = "andra.api@example.se";

    private static HttpClient first = null!;
    private static HttpClient second = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        first = await ApiClientOfNewAccountAsync(FirstEmail, PortalRoles.Editor, "Frans Först");
        second = await ApiClientOfNewAccountAsync(SecondEmail, PortalRoles.Editor, "Sonja Sist");
    }

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, Guid id, JsonObject document, int baseVersion) =>
        await client.PutAsJsonAsync($"{Prefix}/content/{id}", new { document, baseVersion });

    /// <summary>The item's version-1 document, changed by <paramref name="change"/>.</summary>
    private static async Task<JsonObject> EditedAsync(Guid id, Action<JsonObject> change)
    {
        var document = (await DetailsAsync(first, id))["document"]!.DeepClone().AsObject();
        change(document);
        return document;
    }

    [TestMethod]
    public async Task A_save_from_an_older_version_lists_the_fields_both_changed_and_the_merged_document_saves_on_top()
    {
        var id = await CreateStoryAsync(first, "API-konflikt");
        var original = (await DetailsAsync(first, id))["document"]!["summary"]!["text"]!.GetValue<string>();
        var firstDocument = await EditedAsync(id, d =>
        {
            d["title"] = "API-konflikt, förstas titel";
            d["summary"]!["text"] = "Förstas sammanfattning.";
        });
        var secondDocument = await EditedAsync(id, d =>
        {
            d["summary"]!["text"] = "Andras sammanfattning.";
            d["lessons"]!["text"] = "Andras lärdomar.";
        });
        using (var saved = await PutAsync(first, id, firstDocument, 1))
        {
            Assert.AreEqual(HttpStatusCode.OK, saved.StatusCode, await saved.Content.ReadAsStringAsync());
        }

        JsonObject problem;
        using (var conflict = await PutAsync(second, id, secondDocument, 1))
        {
            problem = await ProblemAsync(conflict, HttpStatusCode.Conflict);
        }
        StringAssert.Contains(problem.Detail(), "inte längre den senaste");
        Assert.AreEqual(1, problem["baseVersion"]!.GetValue<int>());
        Assert.AreEqual(2, problem["latestVersion"]!.GetValue<int>());
        Assert.AreEqual("Frans Först", problem["latestAuthor"]!.GetValue<string>());
        var field = problem["conflicts"]!.AsArray().Single()!.AsObject();
        Assert.AreEqual("summary.text", field["field"]!.GetValue<string>());
        Assert.AreEqual("Sammanfattning › Text", field["label"]!.GetValue<string>());
        Assert.AreEqual("Andras sammanfattning.", field["yours"]!.GetValue<string>());
        Assert.AreEqual("Förstas sammanfattning.", field["theirs"]!.GetValue<string>());
        Assert.AreEqual(original, field["base"]!.GetValue<string>(), "the base is the common version's text");
        var merged = problem["merged"]!.AsObject();
        Assert.AreEqual("API-konflikt, förstas titel", merged["title"]!.GetValue<string>(), "the first editor's change is in");
        Assert.AreEqual("Andras lärdomar.", merged["lessons"]!["text"]!.GetValue<string>(), "the second editor's own change is in");
        Assert.AreEqual("Förstas sammanfattning.", merged["summary"]!["text"]!.GetValue<string>(), "the conflicting field holds the latest value until chosen");
        Assert.AreEqual(2, (await DetailsAsync(first, id))["latestVersion"]!.GetValue<int>(), "nothing is saved by the refused call");

        // Resolved: the client writes its choice into merged and saves on top of the latest version.
        merged["summary"]!["text"] = "Förstas och andras sammanfattning.";
        using (var resolved = await PutAsync(second, id, merged, 2))
        {
            Assert.AreEqual(HttpStatusCode.OK, resolved.StatusCode, await resolved.Content.ReadAsStringAsync());
            Assert.AreEqual(3, (await resolved.Content.ReadFromJsonAsync<JsonObject>())!["version"]!.GetValue<int>());
        }
        var latest = (await DetailsAsync(first, id))["document"]!;
        Assert.AreEqual("API-konflikt, förstas titel", latest["title"]!.GetValue<string>());
        Assert.AreEqual("Förstas och andras sammanfattning.", latest["summary"]!["text"]!.GetValue<string>());
        Assert.AreEqual("Andras lärdomar.", latest["lessons"]!["text"]!.GetValue<string>());
    }

    [TestMethod]
    public async Task Changes_to_different_fields_conflict_in_nothing_and_a_list_both_changed_is_one_field()
    {
        var id = await CreateStoryAsync(first, "API utan krock");
        var firstDocument = await EditedAsync(id, d => d["shortDescription"] = "Förstas korta beskrivning.");
        var secondDocument = await EditedAsync(id, d => d["tags"] = new JsonArray("Andras tagg"));
        using (var saved = await PutAsync(first, id, firstDocument, 1))
        {
            Assert.AreEqual(HttpStatusCode.OK, saved.StatusCode);
        }
        using var conflict = await PutAsync(second, id, secondDocument, 1);
        var problem = await ProblemAsync(conflict, HttpStatusCode.Conflict);
        Assert.IsEmpty(problem["conflicts"]!.AsArray());
        StringAssert.Contains(problem.Detail(), "Ingen av dina ändringar krockar");
        var merged = problem["merged"]!.AsObject();
        Assert.AreEqual("Förstas korta beskrivning.", merged["shortDescription"]!.GetValue<string>());
        CollectionAssert.AreEqual(new[] { "Andras tagg" }, merged["tags"]!.AsArray().Select(t => t!.GetValue<string>()).ToArray());

        // Both change the tags: a list is one field.
        var third = await EditedAsync(id, d => d["tags"] = new JsonArray("Tredje taggen"));
        third["shortDescription"] = "Förstas korta beskrivning.";
        using (var saved = await PutAsync(first, id, third, 2))
        {
            Assert.AreEqual(HttpStatusCode.OK, saved.StatusCode, await saved.Content.ReadAsStringAsync());
        }
        using var second409 = await PutAsync(second, id, secondDocument, 2);
        var tags = (await ProblemAsync(second409, HttpStatusCode.Conflict))["conflicts"]!.AsArray().Single()!;
        Assert.AreEqual("tags", tags["field"]!.GetValue<string>());
        Assert.AreEqual("Taggar", tags["label"]!.GetValue<string>());
        Assert.AreEqual("Andras tagg", tags["yours"]![0]!.GetValue<string>());
        Assert.AreEqual("Tredje taggen", tags["theirs"]![0]!.GetValue<string>());
        await Factory.WithDbAsync(async db => Assert.AreEqual(3, await db.ContentVersions.CountAsync(v => v.ItemId == id)));
    }
}
