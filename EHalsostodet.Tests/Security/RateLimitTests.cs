using System.Net;
using System.Net.Http.Json;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using static EHalsostodet.Tests.Api.ManagementClient;

namespace EHalsostodet.Tests.Security;

/// <summary>Login, registration, search and export are limited per client address and answer 429 in Swedish.</summary>
[TestClass]
public sealed class RateLimitTests : SecurityTestClass<RateLimitTests>
{
    private const int Limit = 3;
    private const string ClientHeader = ClientAddressFromHeader.Header;

    /// <summary>The class's portal with small limits (disposed with it).</summary>
    private static WebApplicationFactory<Program> limited = null!;
    private static int nextAddress = 10;

    [ClassInitialize]
    public static void StartLimited(TestContext context)
    {
        // Seeded with the suite's generous limits (the seed signs in several accounts), then run with small ones.
        limited = Factory.WithWebHostBuilder(b =>
        {
            foreach (var kind in new[] { "Login", "Registration", "Search", "Export" })
            {
                b.UseSetting($"RateLimits:{kind}:PermitLimit", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
                b.UseSetting($"RateLimits:{kind}:Window", "00:10:00");
            }
            b.ConfigureServices(s => s.AddSingleton<IStartupFilter, ClientAddressFromHeader>());
        });
    }

    /// <summary>A browser-like client that the portal sees as coming from its own address.</summary>
    private static HttpClient NewClient()
    {
        var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add(ClientHeader, $"203.0.113.{Interlocked.Increment(ref nextAddress)}");
        return client;
    }

    private static async Task AssertTooManyPageAsync(HttpResponseMessage response, string what)
    {
        Assert.AreEqual(HttpStatusCode.TooManyRequests, response.StatusCode, what);
        Assert.IsTrue(int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0, what);
        StringAssert.StartsWith(response.Content.Headers.ContentType?.MediaType, "text/html", what);
        StringAssert.Contains(await response.Content.ReadAsStringAsync(), "För många förfrågningar", what);
        Assert.IsEmpty(SecurityHeadersTests.MissingHeaders(response), what);
    }

    private static async Task AssertTooManyProblemAsync(HttpResponseMessage response, string what)
    {
        Assert.IsTrue(response.Headers.Contains("Retry-After"), what);
        var problem = await ProblemAsync(response, HttpStatusCode.TooManyRequests);
        StringAssert.Contains(problem.Detail(), "För många förfrågningar", what);
    }

    private static Task<HttpResponseMessage> WrongLoginAsync(HttpClient client, string form) =>
        Forms.PostAsync(client, form, new Dictionary<string, string> { ["Email"] = "ingen@example.se", ["Password"] = "fel-losenord-123" });

    [TestMethod]
    public async Task Login_attempts_on_every_login_endpoint_share_one_limit_per_client()
    {
        using var attacker = NewClient();
        for (var i = 0; i < Limit; i++)
        {
            using var attempt = await WrongLoginAsync(attacker, i % 2 == 0 ? "/redaktion/logga-in" : "/mina-sidor/logga-in");
            Assert.AreEqual(HttpStatusCode.OK, attempt.StatusCode, "a wrong password re-shows the form");
        }

        using (var blocked = await WrongLoginAsync(attacker, "/mina-sidor/logga-in"))
        {
            await AssertTooManyPageAsync(blocked, "member login");
        }
        using (var blocked = await WrongLoginAsync(attacker, "/redaktion/logga-in"))
        {
            await AssertTooManyPageAsync(blocked, "back-office login");
        }
        using (var api = await attacker.PostAsJsonAsync("/api/auth/login", new { email = "ingen@example.se", password = "fel-losenord-123" }))
        {
            await AssertTooManyProblemAsync(api, "api login");
        }
        using (var page = await attacker.GetAsync(new Uri("/mina-sidor/logga-in", UriKind.Relative)))
        {
            Assert.AreEqual(HttpStatusCode.OK, page.StatusCode, "showing the form is not limited");
        }

        using var someoneElse = NewClient();
        using var ok = await Forms.PostAsync(someoneElse, "/mina-sidor/logga-in",
            new Dictionary<string, string> { ["Email"] = SecurityPortal.EmailOf("Medlem"), ["Password"] = PortalFactory.Password });
        Assert.AreEqual(HttpStatusCode.Redirect, ok.StatusCode, "another client address signs in as usual");
    }

    [TestMethod]
    public async Task Registrations_and_password_reset_requests_are_limited()
    {
        using var client = NewClient();
        for (var i = 0; i < Limit; i++)
        {
            using var response = i % 2 == 0
                ? await Forms.PostAsync(client, "/mina-sidor/registrera", new Dictionary<string, string> { ["Email"] = $"ny{i}@example.se" })
                : await Forms.PostAsync(client, "/mina-sidor/glomt-losenord", new Dictionary<string, string> { ["Email"] = $"ny{i}@example.se" });
            Assert.AreNotEqual(HttpStatusCode.TooManyRequests, response.StatusCode);
        }
        using var blocked = await Forms.PostAsync(client, "/mina-sidor/glomt-losenord", new Dictionary<string, string> { ["Email"] = "ny@example.se" });
        await AssertTooManyPageAsync(blocked, "password reset");
        using var register = await Forms.PostAsync(client, "/mina-sidor/registrera", new Dictionary<string, string> { ["Email"] = "ny@example.se" });
        await AssertTooManyPageAsync(register, "registration");
    }

    [TestMethod]
    public async Task Searches_on_the_page_and_the_api_are_limited_and_other_clients_still_search()
    {
        using var client = NewClient();
        for (var i = 0; i < Limit; i++)
        {
            var url = (i % 3) switch { 0 => "/sok?q=larm", 1 => "/api/v1/search?q=larm", _ => "/api/v1/search/suggest?q=la" };
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, url);
        }
        using (var page = await client.GetAsync(new Uri("/sok?q=larm", UriKind.Relative)))
        {
            await AssertTooManyPageAsync(page, "/sok");
        }
        using (var api = await client.GetAsync(new Uri("/api/v1/search?q=larm", UriKind.Relative)))
        {
            await AssertTooManyProblemAsync(api, "/api/v1/search");
        }
        using (var suggest = await client.GetAsync(new Uri("/api/v1/search/suggest?q=la", UriKind.Relative)))
        {
            await AssertTooManyProblemAsync(suggest, "/api/v1/search/suggest");
        }
        using (var other = await client.GetAsync(new Uri("/berattelser", UriKind.Relative)))
        {
            Assert.AreEqual(HttpStatusCode.OK, other.StatusCode, "other pages are not limited");
        }
        using var someoneElse = NewClient();
        using var ok = await someoneElse.GetAsync(new Uri("/sok?q=larm", UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.OK, ok.StatusCode);
    }

    [TestMethod]
    public async Task Addresses_in_one_ipv6_network_share_a_limit_and_another_network_does_not()
    {
        var network = $"2001:db8:{Interlocked.Increment(ref nextAddress):x}:1::";
        for (var i = 0; i < Limit; i++)
        {
            using var response = await SearchFromAsync(network + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        }
        using (var sameNetwork = await SearchFromAsync(network + "ffff"))
        {
            await AssertTooManyProblemAsync(sameNetwork, "another address in the same /64");
        }
        using var otherNetwork = await SearchFromAsync($"2001:db8:{Interlocked.Increment(ref nextAddress):x}:2::1");
        Assert.AreEqual(HttpStatusCode.OK, otherNetwork.StatusCode);
    }

    private static async Task<HttpResponseMessage> SearchFromAsync(string address)
    {
        using var client = limited.CreateClient();
        client.DefaultRequestHeaders.Add(ClientHeader, address);
        return await client.GetAsync(new Uri("/api/v1/search?q=larm", UriKind.Relative));
    }

    [TestMethod]
    public async Task Exports_in_every_format_share_one_limit()
    {
        using var client = NewClient();
        var urls = new[] { "/berattelser/{story}/pdf", "/berattelser/{story}/docx", "/samlingar/{collection}/pdf" }.Select(Portal.Url).ToList();
        for (var i = 0; i < Limit; i++)
        {
            using var response = await client.GetAsync(new Uri(urls[i % urls.Count], UriKind.Relative));
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, urls[i % urls.Count]);
        }
        foreach (var url in urls.Append(Portal.Url("/delad-handlingsplan/{planToken}/pdf")).Append(Portal.Url("/berattelser/{story}/pptx")))
        {
            using var blocked = await client.GetAsync(new Uri(url, UriKind.Relative));
            await AssertTooManyPageAsync(blocked, url);
        }
        using var story = await client.GetAsync(new Uri(Portal.Url("/berattelser/{story}"), UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.OK, story.StatusCode, "the story page itself is not limited");
    }

    [TestMethod]
    public async Task Switching_the_limits_off_lets_a_load_test_through()
    {
        using var unlimited = limited.WithWebHostBuilder(b => b.UseSetting("RateLimits:Enabled", "false"));
        using var client = unlimited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(ClientHeader, "198.51.100.7");
        for (var i = 0; i < Limit * 3; i++)
        {
            using var response = await client.GetAsync(new Uri("/api/v1/search?q=larm", UriKind.Relative));
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, $"request {i + 1}");
        }
    }
}
