using System.Net;
using System.Net.Http.Json;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.BackOffice;

[TestClass]
public sealed class AccountTests
{
    private static readonly Dictionary<string, string?> Bootstrap = new()
    {
        ["Bootstrap:AdminEmail"] = "admin@ehalsostodet.example.se",
        ["Bootstrap:AdminPassword"] = "Forsta-Adminlosenordet-1",
    };

    [TestMethod]
    public async Task Without_bootstrap_keys_no_account_exists()
    {
        using var factory = new PortalFactory();
        _ = factory.CreateClient();

        var users = await factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().Users.CountAsync());
        var roles = await factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().Roles.Select(r => r.Name).ToListAsync());

        Assert.AreEqual(0, users);
        CollectionAssert.AreEquivalent(new[] { "Redaktör", "Granskare", "Administratör", "Medlem" }, roles);
    }

    [TestMethod]
    public async Task The_first_administrator_comes_from_configuration_once()
    {
        using var factory = new PortalFactory(settings: Bootstrap);
        _ = factory.CreateClient();

        var client = await factory.SignInAsync("admin@ehalsostodet.example.se", "Forsta-Adminlosenordet-1");
        var dashboard = await client.GetPageAsync("/redaktion");
        StringAssert.Contains(dashboard.QuerySelector("nav")!.TextContent, "Användare");

        // A second start with other keys creates nobody: an administrator exists.
        await factory.WithScopeAsync(async s =>
        {
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Bootstrap:AdminEmail"] = "other@example.se", ["Bootstrap:AdminPassword"] = "Ett-annat-losenord-2" }).Build();
            await ActivatorUtilities.CreateInstance<AccountBootstrapper>(s, configuration).EnsureAsync();
            return true;
        });
        var admins = await factory.WithScopeAsync(s => s.GetRequiredService<UserManager<PortalUser>>().GetUsersInRoleAsync(PortalRoles.Administrator));
        Assert.AreEqual("admin@ehalsostodet.example.se", admins.Single().Email);
    }

    [TestMethod]
    public async Task Anonymous_visitors_are_sent_to_the_login_page_and_users_without_role_are_refused()
    {
        using var factory = new PortalFactory();
        var anonymous = factory.CreateBrowserClient();

        using var response = await anonymous.GetAsync(new Uri("/redaktion/innehall", UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode);
        StringAssert.StartsWith(response.Headers.Location!.OriginalString, "/redaktion/logga-in?ReturnUrl=%2Fredaktion%2Finnehall", "a relative address, never one built on the Host header");

        await factory.CreateUserAsync("ingen-roll@example.se", null);
        var noRole = await factory.SignInAsync("ingen-roll@example.se");
        using var refused = await noRole.GetAsync(new Uri("/redaktion", UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.Redirect, refused.StatusCode);
        StringAssert.Contains(refused.Headers.Location!.OriginalString, "/fel/403");
    }

    [TestMethod]
    public async Task A_wrong_password_is_explained_and_repeated_ones_slow_down_that_client_without_locking_the_account()
    {
        using var factory = new PortalFactory();
        await factory.CreateUserAsync("redaktor@example.se", PortalRoles.Editor);
        var client = factory.CreateBrowserClient();

        for (var i = 0; i < 5; i++)
        {
            using var response = await Forms.PostAsync(client, "/redaktion/logga-in", new Dictionary<string, string> { ["Email"] = "redaktor@example.se", ["Password"] = "fel-losenord" });
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            StringAssert.Contains(body, "Inloggningen misslyckades. Kontrollera e-postadressen och lösenordet.");
            StringAssert.Contains(body, "value=\"redaktor@example.se\"");
        }
        // This client now waits before its next attempt is even checked, the right password included…
        using (var waiting = await Forms.PostAsync(client, "/redaktion/logga-in", new Dictionary<string, string> { ["Email"] = "redaktor@example.se", ["Password"] = PortalFactory.Password }))
        {
            Assert.AreEqual(HttpStatusCode.TooManyRequests, waiting.StatusCode);
            Assert.IsTrue(waiting.Headers.RetryAfter?.Delta > TimeSpan.Zero);
            StringAssert.Contains(await waiting.Content.ReadAsStringAsync(), "För många misslyckade inloggningar");
        }
        // …but the account is not locked: nothing about it changed in the database.
        var user = await factory.WithScopeAsync(s => s.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync("redaktor@example.se"));
        Assert.IsNull(user!.LockoutEnd);
        Assert.IsNull(user.BlockedAt);
    }

    [TestMethod]
    public async Task Login_never_redirects_off_the_site()
    {
        using var factory = new PortalFactory();
        await factory.CreateUserAsync("redaktor@example.se", PortalRoles.Editor);
        var client = factory.CreateBrowserClient();

        using var response = await Forms.PostAsync(client, "/redaktion/logga-in?ReturnUrl=https%3A%2F%2Fevil.example%2F",
            new Dictionary<string, string> { ["Email"] = "redaktor@example.se", ["Password"] = PortalFactory.Password, ["ReturnUrl"] = "https://evil.example/" });

        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.AreEqual("/redaktion", response.Headers.Location!.OriginalString);
    }

    [TestMethod]
    public async Task The_sign_in_api_gives_a_bearer_token_and_refuses_self_registration()
    {
        using var factory = new PortalFactory();
        await factory.CreateUserAsync("granskare@example.se", PortalRoles.Reviewer);

        var client = await factory.BearerClientAsync("granskare@example.se");
        using var me = await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.OK, me.StatusCode);

        using var register = await factory.CreateClient().PostAsJsonAsync("/api/auth/register", new { email = "x@example.se", password = "Ett-langt-losenord-1" });
        CollectionAssert.Contains(new[] { HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed }, register.StatusCode, await register.Content.ReadAsStringAsync());
        Assert.AreEqual(1, await factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().Users.CountAsync()));
    }
}

[TestClass]
public sealed class ErrorPageTests
{
    [TestMethod]
    public async Task A_post_to_an_unknown_address_gets_a_swedish_error_page_not_an_antiforgery_failure()
    {
        using var response = await SeededPortal.CreateClient().PostAsync(new Uri("/finns-inte/alls", UriKind.Relative), new FormUrlEncodedContent([]));

        // Routing answers 405 when only GET could match the path; either way the visitor gets a Swedish page.
        CollectionAssert.Contains(new[] { HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed }, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.IsTrue(body.Contains("Sidan finns inte", StringComparison.Ordinal) || body.Contains("Åtgärden stöds inte", StringComparison.Ordinal), body);
    }
}
