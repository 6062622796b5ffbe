using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.Security;

/// <summary>
/// Finding 5 of the outside test: nothing the portal answers tells whether an address has an
/// account. Sign-in (API and both forms) answers an unknown address, a wrong password, an
/// unconfirmed address and a blocked account alike, registration and "glömt lösenord" answer a
/// known and an unknown address alike, and each takes about as long either way (medians of many
/// tries, with a generous margin so a loaded machine does not make the test flaky).
/// </summary>
// It measures: alone on the machine, not beside other classes' load.
[TestClass]
[DoNotParallelize]
public sealed class EnumerationTests : PortalTestClass<EnumerationTests>
{
    private const string Known = "kand-adress@example.se";
    private const string Unconfirmed = "obekraftad-adress@example.se";
    private const string Blocked = "sparrad-adress@example.se";
    private const string Unknown = "okand-adress@example.se";
    private const string WrongPassword = "Fel-losenord-2026";

    /// <summary>Tries per case in the timing tests.</summary>
    private const int Tries = 30;

    /// <summary>The class's portal seeing the client address each request names (disposed with it).</summary>
    private static WebApplicationFactory<Program> addressed = null!;
    private static int nextAddress = 1;

    /// <summary>The timings compare answers with and without a password hash: the hash costs what it costs in production.</summary>
    private protected override PortalFactory CreatePortal() => new(productionPasswordCost: true);

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        addressed = Factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, ClientAddressFromHeader>()));
        var adminId = await Factory.CreateUserAsync("enumerering-admin@example.se", PortalRoles.Administrator);
        await Factory.CreateUserAsync(Known, PortalRoles.Member);
        await Factory.CreateUserAsync(Blocked, PortalRoles.Editor);
        await Factory.WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<PortalUser>>();
            var unconfirmed = new PortalUser { UserName = Unconfirmed, Email = Unconfirmed, EmailConfirmed = false };
            Assert.IsTrue((await users.CreateAsync(unconfirmed, PortalFactory.Password)).Succeeded);
            await users.AddToRoleAsync(unconfirmed, PortalRoles.Member);
            await s.GetRequiredService<AccountBlocker>().BlockAsync((await users.FindByEmailAsync(Blocked))!, adminId, "Ada Admin");
            return true;
        });
    }

    /// <summary>Every way a sign-in can fail, and the password tried.</summary>
    private static readonly (string Case, string Email, string Password)[] Failures =
    [
        ("unknown address", Unknown, PortalFactory.Password),
        ("wrong password", Known, WrongPassword),
        ("unconfirmed address, right password", Unconfirmed, PortalFactory.Password),
        ("unconfirmed address, wrong password", Unconfirmed, WrongPassword),
        ("blocked account, right password", Blocked, PortalFactory.Password),
        ("blocked account, wrong password", Blocked, WrongPassword),
    ];

    [TestMethod]
    public async Task The_login_api_answers_every_failure_alike()
    {
        var answers = new List<(string Case, HttpStatusCode Status, string Body)>();
        foreach (var (name, email, password) in Failures)
        {
            using var client = NewClient();
            using var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
            var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
            // The trace id differs per request and names nobody.
            problem.Remove("traceId");
            answers.Add((name, response.StatusCode, problem.ToJsonString()));
        }

        Assert.AreEqual(HttpStatusCode.Unauthorized, answers[0].Status);
        StringAssert.Contains(answers[0].Body, "Inloggningen misslyckades");
        foreach (var answer in answers.Skip(1))
        {
            Assert.AreEqual(answers[0].Status, answer.Status, answer.Case);
            Assert.AreEqual(answers[0].Body, answer.Body, answer.Case);
        }
    }

    [TestMethod]
    [DataRow("/redaktion/logga-in")]
    [DataRow("/mina-sidor/logga-in")]
    public async Task A_login_form_answers_every_failure_alike(string form)
    {
        var answers = new List<(string Case, HttpStatusCode Status, string Alert)>();
        foreach (var (name, email, password) in Failures)
        {
            using var client = NewClient();
            using var response = await Forms.PostAsync(client, form, new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
            answers.Add((name, response.StatusCode, await AlertAsync(response)));
        }

        Assert.AreEqual(HttpStatusCode.OK, answers[0].Status);
        StringAssert.StartsWith(answers[0].Alert, "Inloggningen misslyckades");
        foreach (var answer in answers.Skip(1))
        {
            Assert.AreEqual(answers[0].Status, answer.Status, answer.Case);
            Assert.AreEqual(answers[0].Alert, answer.Alert, answer.Case);
        }
    }

    [TestMethod]
    public async Task After_repeated_failures_a_real_and_an_unknown_address_are_slowed_alike()
    {
        // The old lockout said "tillfälligt låst" only for real accounts.
        using var client = NewClient();
        var answers = new List<string>();
        foreach (var email in new[] { Known, Unknown })
        {
            for (var i = 0; i < SignInThrottle.FreeFailures; i++)
            {
                using var failed = await client.PostAsJsonAsync("/api/auth/login", new { email, password = WrongPassword });
                Assert.AreEqual(HttpStatusCode.Unauthorized, failed.StatusCode, email);
            }
            using var api = await client.PostAsJsonAsync("/api/auth/login", new { email, password = WrongPassword });
            Assert.AreEqual(HttpStatusCode.TooManyRequests, api.StatusCode, email);
            using var page = await Forms.PostAsync(client, "/mina-sidor/logga-in", new Dictionary<string, string> { ["Email"] = email, ["Password"] = WrongPassword });
            Assert.AreEqual(HttpStatusCode.TooManyRequests, page.StatusCode, email);
            answers.Add($"{api.Headers.RetryAfter} | {await AlertAsync(page)}");
        }
        Assert.AreEqual(answers[0], answers[1]);
    }

    [TestMethod]
    public async Task Registration_and_a_password_reset_request_answer_a_known_and_an_unknown_address_alike()
    {
        using var known = await RegisterAsync(NewClient(), Known);
        using var fresh = await RegisterAsync(NewClient(), $"ny-{Guid.NewGuid():N}@example.se");
        Assert.AreEqual(fresh.StatusCode, known.StatusCode);
        Assert.AreEqual(await AlertAsync(fresh), await AlertAsync(known));

        foreach (var email in new[] { Unconfirmed, Blocked })
        {
            using var reset = await ForgotAsync(NewClient(), email);
            using var unknown = await ForgotAsync(NewClient(), Unknown);
            Assert.AreEqual(unknown.StatusCode, reset.StatusCode, email);
            Assert.AreEqual(await AlertAsync(unknown), await AlertAsync(reset), email);
        }
    }

    [TestMethod]
    public async Task Signing_in_takes_as_long_for_an_unknown_address_as_for_a_wrong_password()
    {
        var (unknown, wrong) = await MeasureAsync(
            _ => LoginAsync(Unknown, WrongPassword),
            _ => LoginAsync(Known, WrongPassword));
        AssertAlike(unknown, wrong, "login: unknown address vs wrong password");

        async Task LoginAsync(string email, string password)
        {
            using var client = NewClient();
            using var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
            Assert.AreEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [TestMethod]
    public async Task Registering_takes_as_long_for_a_known_address_as_for_a_new_one()
    {
        using var client = NewClient();
        var token = await Forms.TokenAsync(client, "/mina-sidor/registrera");
        var (known, fresh) = await MeasureAsync(
            _ => PostAsync(client, "/mina-sidor/registrera", token, RegistrationFields(Known)),
            i => PostAsync(client, "/mina-sidor/registrera", token, RegistrationFields($"tid-{i}-{Guid.NewGuid():N}@example.se")));
        AssertAlike(known, fresh, "registration: known vs new address");
    }

    [TestMethod]
    public async Task A_password_reset_request_takes_as_long_for_an_unknown_address_as_for_a_known_one()
    {
        using var client = NewClient();
        var token = await Forms.TokenAsync(client, "/mina-sidor/glomt-losenord");
        var (unknown, known) = await MeasureAsync(
            _ => PostAsync(client, "/mina-sidor/glomt-losenord", token, new() { ["Email"] = Unknown }),
            _ => PostAsync(client, "/mina-sidor/glomt-losenord", token, new() { ["Email"] = Known }));
        AssertAlike(unknown, known, "glömt lösenord: unknown vs known address");
    }

    // ---- steps ----

    /// <summary>A browser-like client at an address of its own, so the sign-in throttle of one case never meets another's.</summary>
    private static HttpClient NewClient()
    {
        var client = addressed.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var address = Interlocked.Increment(ref nextAddress);
        client.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, $"198.51.{address / 250 % 250}.{address % 250 + 1}");
        return client;
    }

    private static Dictionary<string, string> RegistrationFields(string email) => new()
    {
        ["Email"] = email,
        ["DisplayName"] = "Tore Tidtagare",
        ["Password"] = "Registrering-2026-ab",
        ["ConfirmPassword"] = "Registrering-2026-ab",
        ["Consent"] = "true",
    };

    private static Task<HttpResponseMessage> RegisterAsync(HttpClient client, string email) =>
        Forms.PostAsync(client, "/mina-sidor/registrera", RegistrationFields(email));

    private static Task<HttpResponseMessage> ForgotAsync(HttpClient client, string email) =>
        Forms.PostAsync(client, "/mina-sidor/glomt-losenord", new Dictionary<string, string> { ["Email"] = email });

    private static async Task PostAsync(HttpClient client, string url, string token, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = token;
        using var response = await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(fields));
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, url);
    }

    private static async Task<string> AlertAsync(HttpResponseMessage response)
    {
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        return string.Join(" ", page.QuerySelectorAll("main .alert, main .field-error").Select(a => a.TextContent.Trim()).Where(t => t.Length > 0));
    }

    /// <summary>Times both requests <see cref="Tries"/> times each, taking turns so that load on the machine falls on both alike, after a few rounds to warm up.</summary>
    private static async Task<(List<double> First, List<double> Second)> MeasureAsync(Func<int, Task> first, Func<int, Task> second)
    {
        for (var i = 0; i < 3; i++)
        {
            await first(-1 - i);
            await second(-1 - i);
        }
        var a = new List<double>();
        var b = new List<double>();
        for (var i = 0; i < Tries; i++)
        {
            a.Add(await TimeAsync(() => first(i)));
            b.Add(await TimeAsync(() => second(i)));
        }
        return (a, b);
    }

    private static async Task<double> TimeAsync(Func<Task> work)
    {
        var watch = Stopwatch.StartNew();
        await work();
        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>The medians differ by less than 50 ms plus half the smaller one: the old answers differed 25-fold.</summary>
    private static void AssertAlike(List<double> first, List<double> second, string what)
    {
        var (m1, m2) = (Median(first), Median(second));
        var bound = 50 + 0.5 * Math.Min(m1, m2);
        var report = string.Create(CultureInfo.InvariantCulture, $"{what}: medians {m1:F1} ms and {m2:F1} ms, difference {Math.Abs(m1 - m2):F1} ms, bound {bound:F1} ms");
        Console.WriteLine(report);
        Assert.IsLessThan(bound, Math.Abs(m1 - m2), report);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
