using System.Net;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.ExternalLinks;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.ExternalLinks;

/// <summary>
/// The external link check, run against a local test server: working addresses pass (also where
/// the server takes only GET), missing pages, servers that do not answer in time and hosts that
/// cannot be reached are listed in /redaktion/lankar with where they are used.
/// </summary>
[TestClass]
public sealed class ExternalLinkCheckTests
{
    private static WebApplication server = null!;
    private static string site = "";
    private static int concurrent;
    private static int maxConcurrent;
    private static readonly List<string> Requests = [];

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        server = builder.Build();
        server.Use(async (http, next) =>
        {
            lock (Requests)
            {
                Requests.Add($"{http.Request.Method} {http.Request.Path}");
                maxConcurrent = Math.Max(maxConcurrent, ++concurrent);
            }
            try
            {
                await next(http);
            }
            finally
            {
                lock (Requests)
                {
                    concurrent--;
                }
            }
        });
        server.MapMethods("/fungerar", ["GET", "HEAD"], () => Results.Ok());
        server.MapGet("/bara-get", () => Results.Ok());
        server.MapMethods("/borta", ["GET", "HEAD"], () => Results.NotFound());
        server.MapMethods("/flyttad", ["GET", "HEAD"], () => Results.Redirect("/fungerar"));
        server.MapMethods("/tyst", ["GET", "HEAD"], async (HttpContext http) =>
        {
            await Task.Delay(Timeout.Infinite, http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return Results.Ok();
        });
        await server.StartAsync();
        site = server.Urls.Single();
    }

    [ClassCleanup]
    public static async Task StopAsync() => await server.DisposeAsync();

    private static string SeedWithLinks()
    {
        var folder = TestPaths.NewTempFolder();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(TestPaths.SeedFolder, "taxonomies")))
        {
            Directory.CreateDirectory(Path.Combine(folder, "taxonomies"));
            File.Copy(file, Path.Combine(folder, "taxonomies", Path.GetFileName(file)));
        }
        Directory.CreateDirectory(Path.Combine(folder, "content/initiatives"));
        Directory.CreateDirectory(Path.Combine(folder, "content/pages"));
        File.WriteAllText(Path.Combine(folder, "content/initiatives/lankat-initiativ.yml"), $"""
            id: 4b48ffff-0000-4000-8000-000000000001
            type: initiative
            state: published
            reviewBy: 2027-06-30
            document:
              title: Länkat initiativ
              slug: lankat-initiativ
              purpose: Ett initiativ med länkar till en webbplats som testerna styr över, för att se vad kontrollen hittar.
              links:
                - url: "{site}/fungerar"
                - url: "{site}/bara-get"
                - url: "{site}/flyttad"
                - url: "{site}/borta"
                - url: "{site}/tyst"
              organisations: [Testmyndigheten]
              areas: [law]
            """);
        File.WriteAllText(Path.Combine(folder, "content/pages/om.yml"), $"""
            id: 9a9effff-0000-4000-8000-000000000001
            type: page
            state: published
            reviewBy: 2027-06-30
            document:
              title: Om länkarna
              slug: om
              body: |
                Läs [den borttagna sidan]({site}/borta). Eller besök http://127.0.0.1:9/stangd, där ingen svarar.
            """);
        return folder;
    }

    [TestMethod]
    public async Task Broken_links_are_listed_for_editors_with_where_they_are_used_and_working_ones_are_not()
    {
        using var factory = new PortalFactory(SeedWithLinks(), settings: new Dictionary<string, string?>
        {
            // Long enough that a working link answers in time while other test classes load the machine; /tyst never answers.
            ["LinkCheck:Timeout"] = "00:00:05",
            ["LinkCheck:DelayPerHost"] = "00:00:00",
        });
        await factory.CreateUserAsync("lankar.redaktor@example.se", PortalRoles.Editor, "Lars Länk");
        var editor = await factory.SignInAsync("lankar.redaktor@example.se");
        StringAssert.Contains((await editor.GetPageAsync("/redaktion/lankar")).MainText(), "Länkarna har inte kontrollerats ännu.");

        var run = await factory.WithScopeAsync(s => s.GetRequiredService<ExternalLinkChecker>().CheckAllAsync(CancellationToken.None));

        Assert.AreEqual(new LinkCheckRun(6, 3), run);
        Assert.AreEqual(1, maxConcurrent, "one request at a time");
        lock (Requests)
        {
            CollectionAssert.IsSubsetOf(new[] { "HEAD /bara-get", "GET /bara-get" }, Requests, "GET when HEAD is not allowed");
        }
        var page = await editor.GetPageAsync("/redaktion/lankar");
        var rows = page.QuerySelectorAll("table.broken-links tbody tr").ToDictionary(r => r.QuerySelector("th")!.TextContent.Replace(" (extern webbplats)", "", StringComparison.Ordinal).Trim());
        CollectionAssert.AreEquivalent(new[] { $"{site}/borta", $"{site}/tyst", "http://127.0.0.1:9/stangd" }, rows.Keys.ToArray());
        StringAssert.Contains(rows[$"{site}/borta"].TextContent, "Sidan finns inte (404).");
        CollectionAssert.AreEquivalent(new[] { "Länkat initiativ", "Om länkarna" }, rows[$"{site}/borta"].QuerySelectorAll("td li a").Select(a => a.TextContent).ToArray());
        StringAssert.Contains(rows[$"{site}/tyst"].TextContent, "Svarade inte inom 5 sekunder.");
        StringAssert.Contains(rows["http://127.0.0.1:9/stangd"].TextContent, "Webbplatsen gick inte att nå.");
        StringAssert.Contains(page.MainText(), "6 adresser kontrollerades senast");

        var stored = await factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().ExternalLinks.AsNoTracking().ToListAsync());
        Assert.AreEqual(200, stored.Single(l => l.Url.EndsWith("/flyttad", StringComparison.Ordinal)).StatusCode, "redirects are followed");
        Assert.IsTrue(stored.Single(l => l.Url.EndsWith("/borta", StringComparison.Ordinal)).IsBroken);

        using var visitor = factory.CreateBrowserClient();
        using var refused = await visitor.GetAsync(new Uri("/redaktion/lankar", UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.Redirect, refused.StatusCode);
    }
}
