using System.Net;
using System.Net.Http.Json;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static EHalsostodet.Tests.Api.ManagementClient;

namespace EHalsostodet.Tests.Api;

/// <summary>/users: only administrators open, change and lock accounts, never their own; bad input is explained in Swedish.</summary>
[TestClass]
public sealed class UserEndpointsTests : PortalTestClass<UserEndpointsTests>
{
    private static HttpClient admin = null!;
    private static string adminId = "";

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        adminId = await Factory.CreateUserAsync("admin@example.se", PortalRoles.Administrator);
        admin = await Factory.BearerClientAsync("admin@example.se");
    }

    [ClassCleanup]
    public static void Stop() => admin.Dispose();

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

    [TestMethod]
    public async Task An_administrator_changes_another_accounts_role_and_locks_and_unlocks_it()
    {
        var id = await Factory.CreateUserAsync("api-rollbyte@example.se", PortalRoles.Editor);
        using var editorClient = await Factory.BearerClientAsync("api-rollbyte@example.se");

        using var changed = await admin.PutAsJsonAsync($"{Prefix}/users/{id}/role", new { role = "reviewer" });
        Assert.AreEqual(HttpStatusCode.OK, changed.StatusCode, await changed.Content.ReadAsStringAsync());
        CollectionAssert.AreEqual(new[] { PortalRoles.Reviewer }, (await RolesAsync(id)).ToArray());
        using var oldToken = await editorClient.GetAsync(new Uri($"{Prefix}/content", UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.Unauthorized, oldToken.StatusCode, "the old role's token ends at once");

        using var locked = await admin.PostAsync(new Uri($"{Prefix}/users/{id}/lock", UriKind.Relative), null);
        Assert.AreEqual(HttpStatusCode.NoContent, locked.StatusCode);
        Assert.IsNotNull(await BlockedAtAsync(id));
        using var unlocked = await admin.PostAsync(new Uri($"{Prefix}/users/{id}/unlock", UriKind.Relative), null);
        Assert.AreEqual(HttpStatusCode.NoContent, unlocked.StatusCode);
        Assert.IsNull(await BlockedAtAsync(id));
    }

    [TestMethod]
    public async Task An_administrator_can_neither_lock_themselves_nor_drop_their_own_role()
    {
        using var demote = await admin.PutAsJsonAsync($"{Prefix}/users/{adminId}/role", new { role = "editor" });
        using var lockSelf = await admin.PostAsync(new Uri($"{Prefix}/users/{adminId}/lock", UriKind.Relative), null);

        StringAssert.Contains((await ProblemAsync(demote, HttpStatusCode.Conflict)).Detail(), "Du kan inte ta bort din egen administratörsroll");
        Assert.AreEqual("Du kan inte låsa ditt eget konto.", (await ProblemAsync(lockSelf, HttpStatusCode.Conflict)).Detail());
        CollectionAssert.AreEqual(new[] { PortalRoles.Administrator }, (await RolesAsync(adminId)).ToArray());
        Assert.IsNull(await BlockedAtAsync(adminId));
        using var stillAdmin = await admin.PostAsJsonAsync($"{Prefix}/users", new { email = "fortfarande-admin@example.se", password = "Ettlangtlosenord-2026", role = "editor" });
        Assert.AreEqual(HttpStatusCode.Created, stillAdmin.StatusCode, "the token still works with the administrator role");
    }

    [TestMethod]
    public async Task Changing_the_role_of_an_account_that_does_not_exist_or_to_an_unknown_role_is_refused()
    {
        var id = await Factory.CreateUserAsync("api-okand-roll@example.se", PortalRoles.Editor);

        using var unknownAccount = await admin.PutAsJsonAsync($"{Prefix}/users/{Guid.NewGuid()}/role", new { role = "reviewer" });
        using var unknownRole = await admin.PutAsJsonAsync($"{Prefix}/users/{id}/role", new { role = "chef" });

        Assert.AreEqual(HttpStatusCode.NotFound, unknownAccount.StatusCode);
        var problem = await ProblemAsync(unknownRole, HttpStatusCode.BadRequest);
        StringAssert.Contains(problem["errors"]!["role"]![0]!.GetValue<string>(), "Okänd roll \"chef\"");
        CollectionAssert.AreEqual(new[] { PortalRoles.Editor }, (await RolesAsync(id)).ToArray());
    }

    private static Task<List<string>> RolesAsync(string userId) => Factory.WithScopeAsync(async s =>
    {
        var users = s.GetRequiredService<UserManager<PortalUser>>();
        return (await users.GetRolesAsync((await users.FindByIdAsync(userId))!)).ToList();
    });

    private static Task<DateTime?> BlockedAtAsync(string userId) => Factory.WithScopeAsync(async s =>
        (await s.GetRequiredService<UserManager<PortalUser>>().FindByIdAsync(userId))!.BlockedAt);
}
