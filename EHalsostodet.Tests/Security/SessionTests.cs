using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Tests.Infrastructure;
using EHalsostodet.Tests.Members.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static EHalsostodet.Tests.Api.ManagementClient;

namespace EHalsostodet.Tests.Security;

/// <summary>
/// Findings 1 and 2 of the outside test: an administrator's block survives a password reset, and a
/// block, a role change, a password reset or change, a sign-out and the deletion of the account each
/// end the account's existing sessions at once: a copied cookie and an old bearer token (and its
/// refresh token) are refused on their next request, on every instance, never with a 500.
/// </summary>
[TestClass]
public sealed class SessionTests : PortalTestClass<SessionTests>
{
    private const string AdminEmail = "sessioner-admin@example.se";
    private const string UsersPage = "/redaktion/anvandare";
    private const string NewPassword = "Ett-helt-nytt-losenord-2027";

    private static HttpClient admin = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        admin = await SignedInClientOfNewAccountAsync(AdminEmail, PortalRoles.Administrator, "Ada Admin");
    }

    [TestMethod]
    public async Task A_block_survives_a_password_reset_and_only_an_administrator_lifts_it()
    {
        var (id, email) = await NewAccountAsync(PortalRoles.Editor);
        await BlockAsync(Factory, admin, id);

        // The attack: the blocked editor resets the password by mail…
        await ResetPasswordByMailAsync(email, NewPassword);

        // …and still cannot sign in by any route.
        await AssertSignInRefusedAsync(email, NewPassword);
        Assert.IsNotNull(await Factory.WithScopeAsync(async s => (await s.GetRequiredService<UserManager<PortalUser>>().FindByIdAsync(id))!.BlockedAt),
            "the reset left the block in place");

        using (var unblock = await Forms.PostAsync(admin, UsersPage, new Dictionary<string, string> { ["userId"] = id }, $"form[action$='handler=Unlock']:has(input[value='{id}'])"))
        {
            Assert.AreEqual(HttpStatusCode.SeeOther, unblock.StatusCode);
        }
        using var editor = await Factory.SignInAsync(email, NewPassword);
        using var member = await MemberSteps.SignedInClientAsync(Factory, email, NewPassword);
        using var api = await Factory.BearerClientAsync(email, NewPassword);
    }

    [TestMethod]
    public async Task A_blocked_account_with_its_right_password_cannot_sign_in_by_any_route()
    {
        var (id, email) = await NewAccountAsync(PortalRoles.Administrator);
        await BlockAsync(Factory, admin, id);

        await AssertSignInRefusedAsync(email, PortalFactory.Password);
        var blocked = await Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().Users.AsNoTracking().SingleAsync(u => u.Id == id));
        Assert.AreEqual(await Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().Users.Where(u => u.Email == AdminEmail).Select(u => u.Id).SingleAsync()), blocked.BlockedBy);
        var row = (await admin.GetPageAsync(UsersPage)).QuerySelectorAll("main tbody tr").Single(r => r.TextContent.Contains(email, StringComparison.Ordinal));
        StringAssert.Contains(row.TextContent, "Låst");
        StringAssert.Contains(row.TextContent, "Ada Admin");
    }

    /// <summary>What ends the sessions, as the people involved do it.</summary>
    public const string Block = "block";
    public const string Demotion = "demotion";
    public const string PasswordReset = "password reset";
    public const string PasswordChange = "password change";
    public const string LogoutOnPage = "logout on the page";
    public const string LogoutByApi = "logout by the api";
    public const string Deletion = "account deletion";

    public const string Cookie = "cookie";
    public const string BearerToken = "bearer token";

    [TestMethod]
    [DataRow(Block, Cookie)]
    [DataRow(Block, BearerToken)]
    [DataRow(Demotion, Cookie)]
    [DataRow(Demotion, BearerToken)]
    [DataRow(PasswordReset, Cookie)]
    [DataRow(PasswordReset, BearerToken)]
    [DataRow(PasswordChange, Cookie)]
    [DataRow(PasswordChange, BearerToken)]
    [DataRow(LogoutOnPage, Cookie)]
    [DataRow(LogoutOnPage, BearerToken)]
    [DataRow(LogoutByApi, Cookie)]
    [DataRow(LogoutByApi, BearerToken)]
    [DataRow(Deletion, Cookie)]
    [DataRow(Deletion, BearerToken)]
    public async Task An_event_ends_the_accounts_existing_sessions_at_once(string ending, string credential)
    {
        // Members delete their own accounts; the other events are tried on a reviewer.
        var (id, email) = await NewAccountAsync(ending == Deletion ? PortalRoles.Member : PortalRoles.Reviewer);
        var (browser, cookie) = await CookieSessionAsync(Factory, email);
        var tokens = await TokensAsync(Factory, email);
        await AssertSessionWorksAsync(Factory, credential, cookie, tokens, "before: " + ending);

        switch (ending)
        {
            case Block:
                await BlockAsync(Factory, admin, id);
                break;
            case Demotion:
                using (var demoted = await Forms.PostAsync(admin, UsersPage, new Dictionary<string, string> { ["userId"] = id, ["role"] = PortalRoles.Editor },
                           $"form[action$='handler=Role']:has(input[value='{id}'])"))
                {
                    Assert.AreEqual(HttpStatusCode.SeeOther, demoted.StatusCode);
                }
                break;
            case PasswordReset:
                await ResetPasswordByMailAsync(email, NewPassword);
                break;
            case PasswordChange:
                // No page offers it yet; whatever offers it will go through UserManager.
                await Factory.WithScopeAsync(async s =>
                {
                    var users = s.GetRequiredService<UserManager<PortalUser>>();
                    var result = await users.ChangePasswordAsync((await users.FindByIdAsync(id))!, PortalFactory.Password, NewPassword);
                    Assert.IsTrue(result.Succeeded);
                    return true;
                });
                break;
            case LogoutOnPage:
                using (var signedOut = await Forms.PostAsync(browser, "/mina-sidor/logga-ut", new Dictionary<string, string>()))
                {
                    Assert.AreEqual(HttpStatusCode.SeeOther, signedOut.StatusCode);
                }
                break;
            case LogoutByApi:
                using (var signedOut = await Send(Factory, HttpMethod.Post, "/api/auth/logout", bearer: tokens.Access))
                {
                    Assert.AreEqual(HttpStatusCode.NoContent, signedOut.StatusCode, await signedOut.Content.ReadAsStringAsync());
                }
                break;
            case Deletion:
                using (var deleted = await Forms.PostAsync(browser, "/mina-sidor/mina-uppgifter",
                           new Dictionary<string, string> { ["Password"] = PortalFactory.Password, ["Confirm"] = "true" }, "form[action*='handler=Delete']"))
                {
                    Assert.AreEqual(HttpStatusCode.OK, deleted.StatusCode);
                }
                Assert.IsFalse(await Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().Users.AnyAsync(u => u.Id == id)));
                break;
            default:
                Assert.Fail(ending);
                break;
        }

        await AssertSessionEndedAsync(Factory, credential, cookie, tokens, "after: " + ending);
        browser.Dispose();
    }

    [TestMethod]
    public async Task A_demoted_reviewers_old_token_and_cookie_can_no_longer_approve()
    {
        var (reviewerId, reviewerEmail) = await NewAccountAsync(PortalRoles.Reviewer);
        var (_, editorEmail) = await NewAccountAsync(PortalRoles.Editor);
        using var editor = await Factory.BearerClientAsync(editorEmail);
        using var reviewerToken = await Factory.BearerClientAsync(reviewerEmail);
        using var reviewerCookie = await Factory.SignInAsync(reviewerEmail);
        var first = await CreateStoryAsync(editor, "Nattillsyn med kamera i Demoteby");
        var second = await CreateStoryAsync(editor, "Nattillsyn med kamera i Demoteby två");
        await ActOkAsync(editor, first, "submit");
        await ActOkAsync(editor, second, "submit");

        using (var demoted = await Forms.PostAsync(admin, UsersPage, new Dictionary<string, string> { ["userId"] = reviewerId, ["role"] = PortalRoles.Editor },
                   $"form[action$='handler=Role']:has(input[value='{reviewerId}'])"))
        {
            Assert.AreEqual(HttpStatusCode.SeeOther, demoted.StatusCode);
        }

        using (var approve = await ActAsync(reviewerToken, first, "approve"))
        {
            Assert.AreEqual(HttpStatusCode.Unauthorized, approve.StatusCode, "the old bearer token");
        }
        using (var approve = await ActAsync(reviewerCookie, second, "approve"))
        {
            Assert.AreEqual(HttpStatusCode.Unauthorized, approve.StatusCode, "the old cookie");
        }
        Assert.AreEqual("inReview", await StateAsync(editor, first));
        Assert.AreEqual("inReview", await StateAsync(editor, second));
        using var page = await reviewerCookie.GetAsync(new Uri("/redaktion", UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.Redirect, page.StatusCode);
        StringAssert.StartsWith(page.Headers.Location!.OriginalString, "/redaktion/logga-in");
    }

    [TestMethod]
    public async Task A_blocked_editors_old_token_can_no_longer_create_content()
    {
        var (id, email) = await NewAccountAsync(PortalRoles.Editor);
        using var token = await Factory.BearerClientAsync(email);
        var document = await NewStoryDocumentAsync(token, "Digitala inköpslistor i Blockeby");

        await BlockAsync(Factory, admin, id);

        using var created = await token.PostAsJsonAsync($"{Prefix}/content", new { type = "story", document });
        Assert.AreEqual(HttpStatusCode.Unauthorized, created.StatusCode);
        Assert.IsFalse(await Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().ContentItems.AnyAsync(i => i.Title == "Digitala inköpslistor i Blockeby")));
    }

    [TestMethod]
    public async Task A_deleted_accounts_old_sessions_cannot_write_and_get_no_server_error()
    {
        var (_, email) = await NewAccountAsync(PortalRoles.Member);
        var (browser, cookie) = await CookieSessionAsync(Factory, email);
        var tokens = await TokensAsync(Factory, email);
        using (var deleted = await Send(Factory, HttpMethod.Delete, "/api/v1/me", bearer: tokens.Access, json: new { password = PortalFactory.Password }))
        {
            Assert.AreEqual(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        var story = await Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().PublishedContent.AsNoTracking().Where(p => p.Type == ContentType.Story).Select(p => p.ItemId).FirstAsync());
        foreach (var (method, url, body) in new (HttpMethod, string, object?)[]
                 {
                     (HttpMethod.Put, "/api/v1/me", new { displayName = "Spöke" }),
                     (HttpMethod.Put, $"/api/v1/me/saved/{story}", null),
                     (HttpMethod.Get, "/api/v1/me/export", null),
                 })
        {
            using var byToken = await Send(Factory, method, url, bearer: tokens.Access, json: body);
            Assert.AreEqual(HttpStatusCode.Unauthorized, byToken.StatusCode, $"{method} {url} with the old token");
            using var byCookie = await Send(Factory, method, url, cookie: cookie, json: body);
            Assert.AreEqual(HttpStatusCode.Unauthorized, byCookie.StatusCode, $"{method} {url} with the old cookie");
        }
        using var page = await Send(Factory, HttpMethod.Get, "/mina-sidor/sparat", cookie: cookie);
        Assert.AreEqual(HttpStatusCode.Redirect, page.StatusCode);
        browser.Dispose();
    }

    [TestMethod]
    public async Task A_block_on_one_instance_ends_the_sessions_on_another_at_once()
    {
        // A second portal on the same database, as behind a load balancer.
        using var second = new PortalFactory(settings: new Dictionary<string, string?>(Factory.Database.Settings));
        var (id, email) = await NewAccountAsync(PortalRoles.Reviewer);
        var (browser, cookie) = await CookieSessionAsync(Factory, email);
        var tokens = await TokensAsync(Factory, email);
        await AssertSessionWorksAsync(second, Cookie, cookie, tokens, "a cookie from the first instance on the second");
        await AssertSessionWorksAsync(second, BearerToken, cookie, tokens, "a token from the first instance on the second");

        await BlockAsync(Factory, admin, id);

        await AssertSessionEndedAsync(second, Cookie, cookie, tokens, "the second instance, at once");
        await AssertSessionEndedAsync(second, BearerToken, cookie, tokens, "the second instance, at once");
        browser.Dispose();
    }

    [TestMethod]
    public async Task Logging_out_also_ends_a_copy_of_the_cookie_replayed_later()
    {
        var (_, email) = await NewAccountAsync(PortalRoles.Editor);
        var (browser, cookie) = await CookieSessionAsync(Factory, email, "/redaktion/logga-in");
        using (var before = await Send(Factory, HttpMethod.Get, "/redaktion", cookie: cookie))
        {
            Assert.AreEqual(HttpStatusCode.OK, before.StatusCode);
        }

        using (var signedOut = await Forms.PostAsync(browser, "/redaktion/logga-ut", new Dictionary<string, string>()))
        {
            Assert.AreEqual(HttpStatusCode.Redirect, signedOut.StatusCode);
        }

        using var replayed = await Send(Factory, HttpMethod.Get, "/redaktion", cookie: cookie);
        Assert.AreEqual(HttpStatusCode.Redirect, replayed.StatusCode);
        StringAssert.StartsWith(replayed.Headers.Location!.OriginalString, "/redaktion/logga-in");
        browser.Dispose();
    }

    // ---- steps ----

    internal sealed record Tokens(string Access, string Refresh);

    private static async Task<(string Id, string Email)> NewAccountAsync(string role)
    {
        var email = $"s-{Guid.NewGuid():N}@example.se";
        return (await Factory.CreateUserAsync(email, role), email);
    }

    internal static async Task BlockAsync(PortalFactory portal, HttpClient administrator, string id)
    {
        using var blocked = await Forms.PostAsync(administrator, UsersPage, new Dictionary<string, string> { ["userId"] = id }, $"form[action$='handler=Lock']:has(input[value='{id}'])");
        Assert.AreEqual(HttpStatusCode.SeeOther, blocked.StatusCode, await blocked.Content.ReadAsStringAsync());
    }

    private static async Task ResetPasswordByMailAsync(string email, string password)
    {
        using var client = Factory.CreateBrowserClient();
        using (var asked = await Forms.PostAsync(client, "/mina-sidor/glomt-losenord", new Dictionary<string, string> { ["Email"] = email }))
        {
            Assert.AreEqual(HttpStatusCode.OK, asked.StatusCode);
        }
        var link = MemberSteps.LinkTo((await MemberSteps.MailsToAsync(Factory, email, "Välj ett nytt lösenord")).Last(), "/mina-sidor/aterstall-losenord");
        using var reset = await Forms.PostAsync(client, link, new Dictionary<string, string> { ["Password"] = password, ["ConfirmPassword"] = password });
        StringAssert.Contains(await MemberSteps.AlertTextAsync(reset), "Ditt lösenord är bytt");
    }

    private static async Task AssertSignInRefusedAsync(string email, string password)
    {
        foreach (var form in new[] { "/redaktion/logga-in", "/mina-sidor/logga-in" })
        {
            using var response = await Forms.PostAsync(Factory.CreateBrowserClient(), form, new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, form);
            StringAssert.Contains(await response.Content.ReadAsStringAsync(), "Inloggningen misslyckades", form);
        }
        using var api = await Factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { email, password });
        Assert.AreEqual(HttpStatusCode.Unauthorized, api.StatusCode, "/api/auth/login");
    }

    /// <summary>Signs in on a login form and returns the browser and a copy of its session cookie, as a thief would keep it.</summary>
    internal static async Task<(HttpClient Browser, string Cookie)> CookieSessionAsync(PortalFactory portal, string email, string form = "/mina-sidor/logga-in")
    {
        var browser = portal.CreateBrowserClient();
        using var response = await Forms.PostAsync(browser, form, new Dictionary<string, string> { ["Email"] = email, ["Password"] = PortalFactory.Password });
        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode, await response.Content.ReadAsStringAsync());
        var cookie = string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Where(c => c.StartsWith("ehs_auth", StringComparison.Ordinal)));
        Assert.IsFalse(string.IsNullOrEmpty(cookie), "the login sets the session cookie");
        return (browser, cookie);
    }

    internal static async Task<Tokens> TokensAsync(PortalFactory portal, string email)
    {
        using var response = await portal.CreateClient().PostAsJsonAsync("/api/auth/login", new { email, password = PortalFactory.Password });
        var body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, body);
        var json = JsonNode.Parse(body)!;
        return new Tokens(json["accessToken"]!.GetValue<string>(), json["refreshToken"]!.GetValue<string>());
    }

    /// <summary>One request with nothing but the given credential: no cookie jar, no redirects followed.</summary>
    internal static async Task<HttpResponseMessage> Send(PortalFactory portal, HttpMethod method, string url, string? cookie = null, string? bearer = null, object? json = null)
    {
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        if (json is not null)
        {
            request.Content = JsonContent.Create(json);
        }
        return await client.SendAsync(request);
    }

    private static async Task AssertSessionWorksAsync(PortalFactory portal, string credential, string cookie, Tokens tokens, string when)
    {
        using var me = credential == Cookie
            ? await Send(portal, HttpMethod.Get, "/api/v1/me", cookie: cookie)
            : await Send(portal, HttpMethod.Get, "/api/v1/me", bearer: tokens.Access);
        Assert.AreEqual(HttpStatusCode.OK, me.StatusCode, $"{credential}, {when}");
    }

    private static async Task AssertSessionEndedAsync(PortalFactory portal, string credential, string cookie, Tokens tokens, string when)
    {
        if (credential == Cookie)
        {
            using var api = await Send(portal, HttpMethod.Get, "/api/v1/me", cookie: cookie);
            Assert.AreEqual(HttpStatusCode.Unauthorized, api.StatusCode, $"the copied cookie on the API, {when}");
            using var page = await Send(portal, HttpMethod.Get, "/mina-sidor", cookie: cookie);
            Assert.AreEqual(HttpStatusCode.Redirect, page.StatusCode, $"the copied cookie on a page, {when}");
            StringAssert.StartsWith(page.Headers.Location!.OriginalString, "/mina-sidor/logga-in", when);
            return;
        }
        using var me = await Send(portal, HttpMethod.Get, "/api/v1/me", bearer: tokens.Access);
        Assert.AreEqual(HttpStatusCode.Unauthorized, me.StatusCode, $"the old bearer token, {when}");
        using var client = portal.CreateClient();
        using var refreshed = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.Refresh });
        Assert.AreEqual(HttpStatusCode.Unauthorized, refreshed.StatusCode, $"the old refresh token, {when}: {await refreshed.Content.ReadAsStringAsync()}");
    }
}
