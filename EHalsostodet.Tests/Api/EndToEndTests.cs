using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EHalsostodet.Tests.Infrastructure;
using static EHalsostodet.Tests.Api.ManagementClient;

namespace EHalsostodet.Tests.Api;

/// <summary>
/// The scenario from the issue, entirely through the API: the first administrator from
/// configuration opens accounts, an editor writes, a reviewer publishes, and a later change
/// waits for approval before the public page shows it.
/// </summary>
[TestClass]
public sealed class EndToEndTests
{
    private const string AdminEmail = "forsta-admin@example.se";
    private const string AdminPassword = "Startlosenord-2026-hemligt";
    private const string EditorPassword = "Redaktorslosenord-2026";
    private const string ReviewerPassword = "Granskarlosenord-2026";

    private static async Task<HttpClient> LoginAsync(PortalFactory factory, string email, string password)
    {
        var client = factory.CreateBrowserClient();
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task CreateUserAsync(HttpClient admin, string email, string password, string role)
    {
        using var response = await admin.PostAsJsonAsync($"{Prefix}/users", new { email, password, role, displayName = email });
        var body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.Created, response.StatusCode, body);
        var user = JsonNode.Parse(body)!;
        Assert.AreEqual(email, user["email"]!.GetValue<string>());
        CollectionAssert.AreEqual(new[] { role }, user["roles"]!.AsArray().Select(r => r!.GetValue<string>()).ToArray());
        Assert.IsFalse(string.IsNullOrEmpty(user["id"]!.GetValue<string>()));
    }

    [TestMethod]
    public async Task An_administrator_opens_accounts_an_editor_writes_and_a_reviewer_publishes()
    {
        using var factory = new PortalFactory(settings: new Dictionary<string, string?>
        {
            ["Bootstrap:AdminEmail"] = AdminEmail,
            ["Bootstrap:AdminPassword"] = AdminPassword,
        });
        using var admin = await LoginAsync(factory, AdminEmail, AdminPassword);
        await CreateUserAsync(admin, "e2e-redaktor@example.se", EditorPassword, "editor");
        await CreateUserAsync(admin, "e2e-granskare@example.se", ReviewerPassword, "reviewer");
        using var editor = await LoginAsync(factory, "e2e-redaktor@example.se", EditorPassword);
        using var reviewer = await LoginAsync(factory, "e2e-granskare@example.se", ReviewerPassword);

        var document = await NewStoryDocumentAsync(editor, "Digital nattillsyn i Exempelby");
        Guid id;
        using (var created = await editor.PostAsJsonAsync($"{Prefix}/content", new { type = "story", document }))
        {
            var body = await created.Content.ReadAsStringAsync();
            Assert.AreEqual(HttpStatusCode.Created, created.StatusCode, body);
            var saved = JsonNode.Parse(body)!;
            id = saved["id"]!.GetValue<Guid>();
            Assert.AreEqual(1, saved["version"]!.GetValue<int>());
            Assert.AreEqual($"{Prefix}/content/{id}", created.Headers.Location?.OriginalString);
        }
        Assert.IsNull(await PublicStoryTextAsync(factory, "digital-nattillsyn-i-exempelby"));

        Assert.AreEqual("inReview", await ActOkAsync(editor, id, "submit", new { comment = "Klar för granskning" }));
        Assert.AreEqual("published", await ActOkAsync(reviewer, id, "approve", new { comment = "Bra" }));
        Assert.AreEqual("Digital nattillsyn i Exempelby", await PublicStoryTextAsync(factory, "digital-nattillsyn-i-exempelby"));

        using (var changed = await PutTitleAsync(editor, id, 1, "Digital nattillsyn i Exempelby – ett år senare"))
        {
            Assert.AreEqual(HttpStatusCode.OK, changed.StatusCode, await changed.Content.ReadAsStringAsync());
        }
        Assert.AreEqual("Digital nattillsyn i Exempelby", await PublicStoryTextAsync(factory, "digital-nattillsyn-i-exempelby"));

        await ActOkAsync(editor, id, "submit");
        await ActOkAsync(reviewer, id, "approve");
        Assert.AreEqual("Digital nattillsyn i Exempelby – ett år senare", await PublicStoryTextAsync(factory, "digital-nattillsyn-i-exempelby"));
    }
}
