using System.Net;
using System.Net.Http.Json;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Tests.Infrastructure;
using static EHalsostodet.Tests.Api.ManagementClient;

namespace EHalsostodet.Tests.Api;

/// <summary>POST /users: only administrators open accounts, and bad input is explained in Swedish.</summary>
[TestClass]
public sealed class UserEndpointsTests : PortalTestClass<UserEndpointsTests>
{
    private static HttpClient admin = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        admin = await ApiClientOfNewAccountAsync("admin@example.se", PortalRoles.Administrator);
    }

    [TestMethod]
    public async Task An_administrator_creates_an_account_that_can_sign_in_with_its_role()
    {
        using var response = await admin.PostAsJsonAsync($"{Prefix}/users", new { email = "ny-granskare@example.se", password = "Ettlangtlosenord-2026", role = "reviewer" });
        Assert.AreEqual(HttpStatusCode.Created, response.StatusCode, await response.Content.ReadAsStringAsync());
        using var reviewer = await Factory.BearerClientAsync("ny-granskare@example.se", "Ettlangtlosenord-2026");
        var id = await CreateStoryAsync(admin, "Ny granskares första");
        await ActOkAsync(admin, id, "submit");
        Assert.AreEqual("published", await ActOkAsync(reviewer, id, "approve"));
    }

    [TestMethod]
    [DataRow("svag@example.se", "kort", "editor", "password")]
    [DataRow("admin@example.se", "Ettlangtlosenord-2026", "editor", "email")]
    [DataRow("okand-roll@example.se", "Ettlangtlosenord-2026", "chef", "role")]
    [DataRow("medlem@example.se", "Ettlangtlosenord-2026", "member", "role")]
    [DataRow("inte-en-adress", "Ettlangtlosenord-2026", "editor", "email")]
    public async Task Bad_input_is_refused_with_a_Swedish_message_for_the_field(string email, string password, string role, string field)
    {
        using var response = await admin.PostAsJsonAsync($"{Prefix}/users", new { email, password, role });
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        var messages = problem["errors"]![field]!.AsArray().Select(m => m!.GetValue<string>()).ToList();
        Assert.IsNotEmpty(messages);
        Assert.IsTrue(messages.All(m => m.Any(c => "åäöÅÄÖ".Contains(c, StringComparison.Ordinal)) || m.Contains("roll", StringComparison.Ordinal) || m.Contains("Ange", StringComparison.Ordinal)), string.Join(" | ", messages));
        Assert.IsFalse(messages.Any(m => m.Contains("must", StringComparison.OrdinalIgnoreCase) || m.Contains("already", StringComparison.OrdinalIgnoreCase)), string.Join(" | ", messages));
    }

    [TestMethod]
    [DataRow(PortalRoles.Editor)]
    [DataRow(PortalRoles.Reviewer)]
    [DataRow(null)]
    public async Task Only_an_administrator_may_create_accounts(string? role)
    {
        var email = $"inte-admin-{role ?? "ingen"}@example.se".ToLowerInvariant().Replace('ö', 'o').Replace('å', 'a');
        await Factory.CreateUserAsync(email, role);
        using var client = await Factory.BearerClientAsync(email);
        using var response = await client.PostAsJsonAsync($"{Prefix}/users", new { email = $"x-{email}", password = "Ettlangtlosenord-2026", role = "administrator" });
        StringAssert.Contains((await ProblemAsync(response, HttpStatusCode.Forbidden)).Detail(), "Administratör");

        using var anonymous = Factory.CreateBrowserClient();
        using var refused = await anonymous.PostAsJsonAsync($"{Prefix}/users", new { email = "y@example.se", password = "Ettlangtlosenord-2026", role = "editor" });
        Assert.AreEqual(HttpStatusCode.Unauthorized, refused.StatusCode);
    }
}
