using System.Net;
using System.Net.Http.Json;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Email;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Tests.Infrastructure;
using EHalsostodet.Tests.Members.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.Security;

/// <summary>
/// Finding 6 of the outside test: five wrong passwords used to lock any account, the
/// administrator's included, so anyone could lock anyone out. Now failures slow down only the
/// client that makes them, per account: after five, that client waits 2, 4, 8 … seconds (at most
/// 15 minutes) before its next attempt is checked, while the owner signs in from elsewhere as usual.
/// </summary>
[TestClass]
public sealed class LockoutTests : PortalTestClass<LockoutTests>
{
    private const string AdminEmail = "las-admin@example.se";
    private const string Attacker = "203.0.113.66";
    private const string WrongPassword = "Gissat-losenord-2026";

    private static readonly TestClock Clock = new();
    /// <summary>The class's portal seeing the client address each request names (disposed with it).</summary>
    private static WebApplicationFactory<Program> addressed = null!;
    private static int nextAddress = 1;

    private protected override PortalFactory CreatePortal() => new(clock: Clock);

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        addressed = Factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter, ClientAddressFromHeader>()));
        await Factory.CreateUserAsync(AdminEmail, PortalRoles.Administrator);
    }

    [TestMethod]
    public async Task A_stranger_hammering_the_administrators_account_does_not_lock_out_the_administrator()
    {
        using var attacker = ClientAt(Attacker);
        for (var round = 0; round < 20; round++)
        {
            using var guess = await LoginAsync(attacker, AdminEmail, WrongPassword + round);
            if (guess.StatusCode == HttpStatusCode.TooManyRequests)
            {
                // The attacker waits exactly as long as told, and goes on guessing.
                Clock.Advance(guess.Headers.RetryAfter!.Delta!.Value);
                continue;
            }
            Assert.AreEqual(HttpStatusCode.Unauthorized, guess.StatusCode);

            // Meanwhile the administrator signs in from the office, on the API and the form.
            using var owner = ClientAt(NextAddress());
            using (var api = await LoginAsync(owner, AdminEmail, PortalFactory.Password))
            {
                Assert.AreEqual(HttpStatusCode.OK, api.StatusCode, $"round {round}");
            }
            using var page = await Forms.PostAsync(owner, "/redaktion/logga-in", new Dictionary<string, string> { ["Email"] = AdminEmail, ["Password"] = PortalFactory.Password });
            Assert.AreEqual(HttpStatusCode.Redirect, page.StatusCode, $"round {round}");
        }

        // Nothing about the account itself is locked.
        var admin = await Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().Users.AsNoTracking().SingleAsync(u => u.Email == AdminEmail));
        Assert.IsNull(admin.LockoutEnd);
        Assert.IsNull(admin.BlockedAt);
    }

    [TestMethod]
    public async Task After_five_failures_a_client_waits_ever_longer_and_even_the_right_password_is_not_checked_meanwhile()
    {
        var email = await NewMemberAsync();
        using var client = ClientAt(NextAddress());
        for (var i = 0; i < SignInThrottle.FreeFailures; i++)
        {
            using var failed = await LoginAsync(client, email, WrongPassword);
            Assert.AreEqual(HttpStatusCode.Unauthorized, failed.StatusCode, $"failure {i + 1} is answered at once");
        }

        foreach (var seconds in new[] { 2, 4, 8, 16 })
        {
            using var waiting = await LoginAsync(client, email, PortalFactory.Password);
            Assert.AreEqual(HttpStatusCode.TooManyRequests, waiting.StatusCode, "the right password waits too");
            Assert.AreEqual(TimeSpan.FromSeconds(seconds), waiting.Headers.RetryAfter!.Delta);
            var problem = await waiting.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>();
            StringAssert.Contains(problem!["detail"]!.GetValue<string>(), $"Vänta {seconds} sekunder");

            Clock.Advance(TimeSpan.FromSeconds(seconds - 1));
            using (var early = await LoginAsync(client, email, WrongPassword))
            {
                Assert.AreEqual(HttpStatusCode.TooManyRequests, early.StatusCode, "a second too early");
            }
            Clock.Advance(TimeSpan.FromSeconds(1));
            using var guess = await LoginAsync(client, email, WrongPassword);
            Assert.AreEqual(HttpStatusCode.Unauthorized, guess.StatusCode, "checked once the wait is over");
        }

        using (var page = await Forms.PostAsync(client, "/mina-sidor/logga-in", new Dictionary<string, string> { ["Email"] = email, ["Password"] = WrongPassword }))
        {
            Assert.AreEqual(HttpStatusCode.TooManyRequests, page.StatusCode);
            Assert.AreEqual(TimeSpan.FromSeconds(32), page.Headers.RetryAfter!.Delta);
            StringAssert.Contains(await page.Content.ReadAsStringAsync(), "För många misslyckade inloggningar från din anslutning. Vänta 32 sekunder");
        }
        Assert.AreEqual(SignInThrottle.MaxDelay, SignInThrottle.Delay(30), "the wait has a ceiling");

        // Once the wait is over, the right password signs in and the count starts over.
        Clock.Advance(TimeSpan.FromSeconds(32));
        using (var signedIn = await LoginAsync(client, email, PortalFactory.Password))
        {
            Assert.AreEqual(HttpStatusCode.OK, signedIn.StatusCode);
        }
        using var fresh = await LoginAsync(client, email, WrongPassword);
        Assert.AreEqual(HttpStatusCode.Unauthorized, fresh.StatusCode);
    }

    [TestMethod]
    public async Task A_password_reset_by_mail_clears_the_failures()
    {
        var email = await NewMemberAsync();
        using var owner = ClientAt(NextAddress());
        using var stranger = ClientAt(NextAddress());
        for (var i = 0; i <= SignInThrottle.FreeFailures; i++)
        {
            using var _ = await LoginAsync(owner, email, WrongPassword);
            using var __ = await LoginAsync(stranger, email, WrongPassword);
        }
        using (var waiting = await LoginAsync(owner, email, WrongPassword))
        {
            Assert.AreEqual(HttpStatusCode.TooManyRequests, waiting.StatusCode);
        }

        using (var asked = await Forms.PostAsync(owner, "/mina-sidor/glomt-losenord", new Dictionary<string, string> { ["Email"] = email }))
        {
            Assert.AreEqual(HttpStatusCode.OK, asked.StatusCode);
        }
        // The request was taken by the host with client addresses; its mail is written there.
        await using (var scope = addressed.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<EmailDispatcher>().DispatchPendingAsync(CancellationToken.None);
        }
        var link = MemberSteps.LinkTo((await MemberSteps.MailsToAsync(Factory, email, "Välj ett nytt lösenord")).Single(), "/mina-sidor/aterstall-losenord");
        const string newPassword = "Nytt-losenord-efter-fel-2027";
        using (var reset = await Forms.PostAsync(owner, link, new Dictionary<string, string> { ["Password"] = newPassword, ["ConfirmPassword"] = newPassword }))
        {
            StringAssert.Contains(await MemberSteps.AlertTextAsync(reset), "Ditt lösenord är bytt");
        }

        using var signedIn = await LoginAsync(owner, email, newPassword);
        Assert.AreEqual(HttpStatusCode.OK, signedIn.StatusCode, "the owner signs in at once");
        using var strangerAgain = await LoginAsync(stranger, email, WrongPassword);
        Assert.AreEqual(HttpStatusCode.Unauthorized, strangerAgain.StatusCode, "every client's count started over");
    }

    [TestMethod]
    public async Task Wrong_passwords_when_deleting_an_account_are_slowed_down_too()
    {
        var email = await NewMemberAsync();
        using var client = ClientAt(NextAddress());
        using (var login = await LoginAsync(client, email, PortalFactory.Password))
        {
            var token = (await login.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["accessToken"]!.GetValue<string>();
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }
        for (var i = 0; i < SignInThrottle.FreeFailures; i++)
        {
            using var wrong = await DeleteAsync(client, WrongPassword);
            Assert.AreEqual(HttpStatusCode.BadRequest, wrong.StatusCode);
        }
        using (var waiting = await DeleteAsync(client, PortalFactory.Password))
        {
            Assert.AreEqual(HttpStatusCode.TooManyRequests, waiting.StatusCode);
            Assert.AreEqual(SignInThrottle.Delay(SignInThrottle.FreeFailures), waiting.Headers.RetryAfter?.Delta, "the 429 says how long to wait");
        }
        Assert.IsTrue(await Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().Users.AnyAsync(u => u.Email == email)));

        Clock.Advance(SignInThrottle.Delay(SignInThrottle.FreeFailures));
        using var deleted = await DeleteAsync(client, PortalFactory.Password);
        Assert.AreEqual(HttpStatusCode.NoContent, deleted.StatusCode, "after the wait the password is checked again");

        static Task<HttpResponseMessage> DeleteAsync(HttpClient client, string password) =>
            client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, new Uri("/api/v1/me", UriKind.Relative)) { Content = JsonContent.Create(new { password }) });
    }

    // ---- steps ----

    private static string NextAddress()
    {
        var n = Interlocked.Increment(ref nextAddress);
        return $"192.0.2.{n % 250 + 1}";
    }

    private static HttpClient ClientAt(string address)
    {
        var client = addressed.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, address);
        return client;
    }

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password) =>
        client.PostAsJsonAsync("/api/auth/login", new { email, password });

    private static async Task<string> NewMemberAsync()
    {
        var email = $"m-{Guid.NewGuid():N}@example.se";
        await Factory.CreateUserAsync(email, PortalRoles.Member);
        return email;
    }
}
