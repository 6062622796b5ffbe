using System.Net;
using System.Text;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Insights;
using EHalsostodet.Tests.Infrastructure;
using EHalsostodet.Web.Insights;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Tests.Insights;

/// <summary>Views are counted without cookies or personal data, and editors follow use over a period.</summary>
[TestClass]
public sealed class InsightsTests
{
    private const string EditorEmail = "redaktor@example.se";

    private static async Task<(Guid Id, string Slug, string Title)> FirstAsync(PortalFactory factory, ContentType type)
    {
        (Guid, string, string) found = default;
        await factory.WithDbAsync(async db =>
        {
            var row = await db.PublishedContent.Where(p => p.Type == type).OrderBy(p => p.Slug).FirstAsync();
            found = (row.ItemId, row.Slug, row.Title);
        });
        return found;
    }

    [TestMethod]
    public async Task Views_are_counted_per_day_without_cookies_and_crawlers_are_not_counted()
    {
        using var factory = new PortalFactory();
        var (id, slug, _) = await FirstAsync(factory, ContentType.Story);
        var client = factory.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            using var response = await client.GetAsync(new Uri($"/berattelser/{slug}", UriKind.Relative));
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
            Assert.IsFalse(response.Headers.Contains("Set-Cookie"), "no cookie is set on a public page");
        }
        using (var crawler = new HttpRequestMessage(HttpMethod.Get, $"/berattelser/{slug}"))
        {
            crawler.Headers.UserAgent.ParseAdd("Googlebot/2.1 (+http://www.google.com/bot.html)");
            (await client.SendAsync(crawler)).Dispose();
        }
        (await client.GetAsync(new Uri("/berattelser/finns-inte", UriKind.Relative))).Dispose();

        await factory.FlushUsageCountsAsync();
        await factory.WithDbAsync(async db =>
        {
            var rows = await db.UsageCounts.Where(u => u.Metric == UsageMetrics.Viewed).ToListAsync();
            Assert.AreEqual(1, rows.Count, "one row per day and item");
            Assert.AreEqual(id.ToString("D"), rows[0].Subject);
            Assert.AreEqual(3, rows[0].Count);
        });
    }

    [TestMethod]
    public async Task Editors_see_the_most_viewed_content_and_its_trend_and_download_the_period_as_csv()
    {
        using var factory = new PortalFactory();
        await factory.CreateUserAsync(EditorEmail, PortalRoles.Editor, "Rita Redaktör");
        var (storyId, storySlug, storyTitle) = await FirstAsync(factory, ContentType.Story);
        var (collectionId, collectionSlug, _) = await FirstAsync(factory, ContentType.Collection);
        var visitor = factory.CreateClient();
        for (var i = 0; i < 4; i++)
        {
            await visitor.GetPageAsync($"/berattelser/{storySlug}");
        }
        await visitor.GetPageAsync($"/samlingar/{collectionSlug}");
        var editor = await factory.SignInAsync(EditorEmail);

        var page = await editor.GetPageAsync("/redaktion/insikter");

        var viewed = page.QuerySelector("section[aria-labelledby='top-viewed'] ol")!;
        var first = viewed.QuerySelector("li")!;
        StringAssert.Contains(first.TextContent, storyTitle);
        StringAssert.Contains(first.TextContent, "4 visningar");
        var today = page.QuerySelectorAll("table.data-table tbody tr").First();
        Assert.AreEqual("5", today.QuerySelectorAll("td")[0].TextContent.Trim(), "today's views of all content");

        var trend = await editor.GetPageAsync(first.QuerySelector("a")!.GetAttribute("href")!);
        StringAssert.Contains(trend.QuerySelector(".lead")!.TextContent, "4 visningar");

        var collectionTrend = await editor.GetPageAsync($"/redaktion/insikter/innehall/{collectionId}");
        Assert.AreEqual(2, collectionTrend.QuerySelectorAll("table.data-table").Length, "a collection also shows its stories' use");

        using var csv = await editor.GetAsync(new Uri("/redaktion/insikter?handler=Csv", UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.OK, csv.StatusCode);
        Assert.AreEqual("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.AreEqual("datum;mått;id eller tagg;titel;antal", lines[0]);
        Assert.IsTrue(lines.Any(l => l.Contains(storyId.ToString("D"), StringComparison.Ordinal) && l.Contains(storyTitle, StringComparison.Ordinal) && l.EndsWith(";4", StringComparison.Ordinal)));
    }

    [TestMethod]
    public async Task A_wrong_period_gets_a_swedish_message_and_the_last_30_days()
    {
        using var factory = new PortalFactory();
        await factory.CreateUserAsync(EditorEmail, PortalRoles.Editor, "Rita Redaktör");
        var editor = await factory.SignInAsync(EditorEmail);

        var page = await editor.GetPageAsync("/redaktion/insikter?fran=2026-12-01&till=2026-01-01");

        StringAssert.Contains(page.QuerySelector("[role='alert']")!.TextContent, "Startdatumet är senare än slutdatumet");
        Assert.AreEqual(30, page.QuerySelectorAll("table.data-table tbody tr").Length);
        var member = factory.CreateClient();
        await factory.CreateUserAsync("medlem@example.se", PortalRoles.Member);
        var memberClient = await factory.SignInAsync("medlem@example.se");
        using var forbidden = await memberClient.GetAsync(new Uri("/redaktion/insikter", UriKind.Relative));
        Assert.AreNotEqual(HttpStatusCode.OK, forbidden.StatusCode, "members do not see the insights");
    }

    [TestMethod]
    public void Csv_fields_that_a_spreadsheet_would_run_as_formulas_are_neutralised()
    {
        var bytes = InsightsCsv.Write([new UsageRow(new DateOnly(2026, 11, 30), UsageMetrics.Viewed, "x", "=HYPERLINK(\"http://evil\")", 1)]);
        var text = Encoding.UTF8.GetString(bytes);

        StringAssert.Contains(text, "\"'=HYPERLINK(\"\"http://evil\"\")\"");
    }
}
