using System.Net;
using AngleSharp.Html.Parser;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.Security;

/// <summary>The security headers are on every kind of response, not only on pages.</summary>
[TestClass]
public sealed class SecurityHeadersTests : SecurityTestClass<SecurityHeadersTests>
{

    /// <summary>Representative responses of each kind: (role, method, URL, expected status).</summary>
    private static readonly (string Role, string Method, string Url, int Status)[] Responses =
    [
        (SecurityPortal.Anonymous, "GET", "/", 200),
        (SecurityPortal.Anonymous, "GET", "/berattelser/{story}", 200),
        (SecurityPortal.Anonymous, "GET", "/berattelser/finns-inte", 404),
        (SecurityPortal.Anonymous, "GET", "/finns/inte/alls", 404),
        (SecurityPortal.Anonymous, "GET", "/fel/500", 500),
        (SecurityPortal.Anonymous, "POST", "/mina-sidor/logga-in", 400),
        (SecurityPortal.Anonymous, "GET", "/sok?q=larm", 200),
        (SecurityPortal.Anonymous, "GET", "/api/v1/search?q=larm", 200),
        (SecurityPortal.Anonymous, "GET", "/api/management/v1/content", 401),
        (SecurityPortal.Anonymous, "GET", "/api/openapi/v1.json", 200),
        ("Medlem", "GET", "/api/management/v1/content", 403),
        ("Medlem", "GET", "/api/v1/me", 200),
        (SecurityPortal.Anonymous, "GET", "/media/{media}/original", 200),
        (SecurityPortal.Anonymous, "GET", "/media/{unknown}/original", 404),
        (SecurityPortal.Anonymous, "GET", "/taggar/{tag}/feed", 200),
        (SecurityPortal.Anonymous, "GET", "/samlingar/{collection}/feed", 200),
        (SecurityPortal.Anonymous, "GET", "/berattelser/{story}/pdf", 200),
        (SecurityPortal.Anonymous, "GET", "/berattelser/{story}/docx", 200),
        (SecurityPortal.Anonymous, "GET", "/berattelser/{story}/pptx", 200),
        (SecurityPortal.Anonymous, "GET", "/berattelser/{story}/qr.svg", 200),
        ("Medlem", "GET", "/mina-sidor/handlingsplaner/{plan}/docx", 200),
        ("Medlem", "GET", "/api/v1/me/export", 200),
        (SecurityPortal.Anonymous, "GET", "/mina-sidor", 302),
        (SecurityPortal.Anonymous, "GET", "/redaktion", 302),
        ("Medlem", "GET", "/redaktion", 302),
        (SecurityPortal.Anonymous, "GET", "/fel/403", 403),
        ("Administratör", "GET", "/redaktion/anvandare", 200),
    ];

    [TestMethod]
    public async Task Pages_errors_apis_files_feeds_exports_and_redirects_all_carry_the_headers()
    {
        var stylesheet = (await Portal.Clients[SecurityPortal.Anonymous].GetPageAsync("/")).QuerySelector("link[rel='stylesheet']")!.GetAttribute("href")!;
        var script = (await Portal.Clients[SecurityPortal.Anonymous].GetPageAsync("/")).QuerySelector("script[src]")?.GetAttribute("src");
        var all = Responses.ToList();
        all.Add((SecurityPortal.Anonymous, "GET", stylesheet, 200));
        if (script is not null)
        {
            all.Add((SecurityPortal.Anonymous, "GET", script, 200));
        }

        var problems = new List<string>();
        foreach (var (role, method, template, status) in all)
        {
            var url = Portal.Url(template);
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative));
            if (method == "POST")
            {
                request.Content = new FormUrlEncodedContent([new("Email", "a@example.se")]);
            }
            using var response = await Portal.Clients[role].SendAsync(request);
            if ((int)response.StatusCode != status)
            {
                problems.Add($"{method} {url}: status {(int)response.StatusCode}, väntade {status}");
            }
            problems.AddRange(MissingHeaders(response).Select(p => $"{method} {url} ({(int)response.StatusCode}): {p}"));
        }
        Assert.IsEmpty(problems, "\n" + string.Join("\n", problems));
    }

    [TestMethod]
    public async Task An_unhandled_exception_is_answered_with_the_error_page_and_the_headers()
    {
        using var throwing = Factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter, ThrowingEndpoint>()));
        using var client = throwing.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri(ThrowingEndpoint.Path, UriKind.Relative));

        Assert.AreEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        StringAssert.Contains(await response.Content.ReadAsStringAsync(), "Något gick fel");
        Assert.IsEmpty(MissingHeaders(response), string.Join("\n", MissingHeaders(response)));
    }

    [TestMethod]
    public async Task Https_responses_outside_development_carry_hsts_for_a_year_with_subdomains()
    {
        using var client = Factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://ehalsostodet.example.se"),
            AllowAutoRedirect = false,
        });
        foreach (var url in new[] { "/", "/berattelser/finns-inte", "/api/v1/search?q=larm", "/mina-sidor" })
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            var hsts = string.Join(",", response.Headers.GetValues("Strict-Transport-Security"));
            var maxAge = long.Parse(System.Text.RegularExpressions.Regex.Match(hsts, @"max-age=(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.IsGreaterThanOrEqualTo(365L * 24 * 3600, maxAge, $"{url}: {hsts}");
            StringAssert.Contains(hsts, "includeSubDomains", url);
        }
    }

    [TestMethod]
    public async Task Development_sends_no_hsts_so_a_developer_machine_is_not_pinned_to_https()
    {
        using var development = Factory.WithWebHostBuilder(b => b.UseEnvironment("Development"));
        using var client = development.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://ehalsostodet.example.se") });

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.IsFalse(response.Headers.Contains("Strict-Transport-Security"));
        Assert.IsEmpty(MissingHeaders(response));
    }

    internal static IReadOnlyList<string> MissingHeaders(HttpResponseMessage response)
    {
        var problems = new List<string>();
        string? Header(string name) =>
            response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
                ? string.Join(", ", values)
                : null;

        var csp = Header("Content-Security-Policy");
        if (csp is null)
        {
            problems.Add("saknar Content-Security-Policy");
        }
        else
        {
            var scriptSrc = csp.Split(';').Select(d => d.Trim()).FirstOrDefault(d => d.StartsWith("script-src", StringComparison.Ordinal))
                ?? csp.Split(';').Select(d => d.Trim()).First(d => d.StartsWith("default-src", StringComparison.Ordinal));
            if (scriptSrc.Contains("unsafe-inline", StringComparison.Ordinal) || scriptSrc.Contains("unsafe-eval", StringComparison.Ordinal))
            {
                problems.Add($"CSP tillåter inline-skript: {csp}");
            }
            if (!csp.Contains("frame-ancestors 'none'", StringComparison.Ordinal))
            {
                problems.Add($"CSP saknar frame-ancestors 'none': {csp}");
            }
        }
        if (Header("X-Content-Type-Options") != "nosniff")
        {
            problems.Add("saknar X-Content-Type-Options: nosniff");
        }
        if (string.IsNullOrEmpty(Header("Referrer-Policy")))
        {
            problems.Add("saknar Referrer-Policy");
        }
        if (string.IsNullOrEmpty(Header("Permissions-Policy")))
        {
            problems.Add("saknar Permissions-Policy");
        }
        return problems;
    }

    /// <summary>Adds an address behind the portal's pipeline that throws, as a bug in a handler would.</summary>
    private sealed class ThrowingEndpoint : IStartupFilter
    {
        public const string Path = "/test/kastar-undantag";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(context => context.Request.Path == Path
                ? throw new InvalidOperationException("Ett fel i en hanterare.")
                : Task.CompletedTask);
        };
    }
}
