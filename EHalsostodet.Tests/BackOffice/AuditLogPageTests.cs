using System.Net;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Workflow;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.BackOffice;

/// <summary>Granskningsloggen: what administrators see of every change.</summary>
[TestClass]
public sealed class AuditLogPageTests : PortalTestClass<AuditLogPageTests>
{
    private const string AdminEmail = "logg.admin@example.se";
    private const string EditorEmail = "logg.redaktor@example.se";
    private const string ReviewerEmail = "logg.granskare@example.se";
    private const string Url = "/redaktion/granskningslogg";

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        await Factory.CreateUserAsync(AdminEmail, PortalRoles.Administrator, "Ada Admin");
        await Factory.CreateUserAsync(EditorEmail, PortalRoles.Editor);
        await Factory.CreateUserAsync(ReviewerEmail, PortalRoles.Reviewer);
    }

    [TestMethod]
    public async Task An_edit_shows_up_first_with_author_action_and_linked_title()
    {
        var (itemId, title) = await SaveAsync(skip: 0, "Cecilia Granlund", "Uppdaterade kontaktuppgifter");
        var client = await Factory.SignInAsync(AdminEmail);

        var page = await client.GetPageAsync(Url);

        var row = page.QuerySelector("main table.data-table tbody tr")!;
        StringAssert.Contains(row.TextContent, "Cecilia Granlund");
        StringAssert.Contains(row.TextContent, "Sparad");
        StringAssert.Contains(row.TextContent, "Uppdaterade kontaktuppgifter");
        var link = row.QuerySelector($"a[href='/redaktion/innehall/{itemId}']");
        Assert.IsNotNull(link, row.InnerHtml);
        Assert.AreEqual(title, link.TextContent.Trim());
        StringAssert.Matches(row.QuerySelector("time")!.TextContent, new System.Text.RegularExpressions.Regex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$"));
        Assert.IsTrue(page.QuerySelectorAll("main table th[scope='col']").Length >= 6);
        Assert.IsNotNull(page.QuerySelector("main table caption"));
    }

    [TestMethod]
    public async Task Editors_and_reviewers_are_refused()
    {
        foreach (var email in new[] { EditorEmail, ReviewerEmail })
        {
            var client = await Factory.SignInAsync(email);
            using var response = await client.GetAsync(new Uri(Url, UriKind.Relative));
            await AccessAssert.ForbiddenAsync(client, response);
        }
        using var anonymous = await Factory.CreateBrowserClient().GetAsync(new Uri(Url, UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.Redirect, anonymous.StatusCode);
        StringAssert.Contains(anonymous.Headers.Location?.OriginalString, "/redaktion/logga-in");
    }

    [TestMethod]
    public async Task Filters_by_item_user_and_date_narrow_the_rows()
    {
        var (itemId, _) = await SaveAsync(skip: 1, "Filip Filtrerare", "Filtertest");
        await SaveAsync(skip: 2, "Filip Filtrerare", "Filtertest två");
        await Factory.WithDbAsync(async db =>
        {
            db.AuditEntries.Add(new AuditEntry
            {
                ItemId = itemId, ItemTitle = "Gammal händelse", Action = AuditLog.Published,
                FromState = WorkflowState.InReview, ToState = WorkflowState.Published, VersionNumber = 1,
                UserName = "Greta Gammal", At = new DateTime(2020, 3, 15, 10, 0, 0, DateTimeKind.Utc), Comment = "Från förr",
            });
            await db.SaveChangesAsync();
        });
        var client = await Factory.SignInAsync(AdminEmail);

        var all = await client.GetPageAsync(Url);
        Assert.AreEqual(50, all.QuerySelectorAll("main table.data-table tbody tr").Length, "50 per sida");

        var byItem = await client.GetPageAsync($"{Url}?objekt={itemId}");
        var itemRows = byItem.QuerySelectorAll("main table.data-table tbody tr");
        Assert.IsGreaterThanOrEqualTo(3, itemRows.Length);
        Assert.IsTrue(itemRows.All(r => r.QuerySelector($"a[href='/redaktion/innehall/{itemId}']") is not null));

        var byUser = await client.GetPageAsync($"{Url}?anvandare={Uri.EscapeDataString("Filip Filtrerare")}");
        var userRows = byUser.QuerySelectorAll("main table.data-table tbody tr");
        Assert.AreEqual(2, userRows.Length);
        Assert.IsTrue(userRows.All(r => r.TextContent.Contains("Filip Filtrerare", StringComparison.Ordinal)));
        Assert.IsNotNull(byUser.QuerySelector("select#anvandare option[selected][value='Filip Filtrerare']"), "valet finns kvar");

        var byDate = await client.GetPageAsync($"{Url}?fran=2020-03-01&till=2020-03-15");
        var dateRows = byDate.QuerySelectorAll("main table.data-table tbody tr");
        Assert.AreEqual(1, dateRows.Length);
        StringAssert.Contains(dateRows[0].TextContent, "Greta Gammal");
        StringAssert.Contains(dateRows[0].TextContent, "Publicerad");
        StringAssert.Contains(dateRows[0].TextContent, "Under granskning");
        Assert.AreEqual("2020-03-15", byDate.QuerySelector("input#till")!.GetAttribute("value"));

        var before = await client.GetPageAsync($"{Url}?till=2020-03-14");
        StringAssert.Contains(before.MainText(), "Inga händelser matchar filtret");

        var combined = await client.GetPageAsync($"{Url}?objekt={itemId}&anvandare={Uri.EscapeDataString("Greta Gammal")}");
        Assert.AreEqual(1, combined.QuerySelectorAll("main table.data-table tbody tr").Length);

        var invalid = await client.GetPageAsync($"{Url}?objekt=inte-ett-id");
        StringAssert.Contains(invalid.QuerySelector("main .alert-error")!.TextContent, "Innehålls-id");
    }

    [TestMethod]
    public async Task Pages_hold_fifty_entries_and_link_to_the_next()
    {
        var client = await Factory.SignInAsync(AdminEmail);
        var total = 0;
        await Factory.WithDbAsync(async db => total = await db.AuditEntries.CountAsync());
        Assert.IsGreaterThan(50, total, "det seedade innehållet ger fler än 50 händelser");

        var first = await client.GetPageAsync(Url);
        var next = first.QuerySelector("nav.pager a[rel='next']")!;
        Assert.AreEqual("/redaktion/granskningslogg?sida=2", next.GetAttribute("href"));
        var second = await client.GetPageAsync(next.GetAttribute("href")!);
        var expected = Math.Min(50, total - 50);
        Assert.AreEqual(expected, second.QuerySelectorAll("main table.data-table tbody tr").Length);
        Assert.IsNotNull(second.QuerySelector("nav.pager a[rel='prev']"));
        StringAssert.Contains(second.MainText(), $"Visar 51–{50 + expected} av {total}");
    }

    private static Task<(Guid Id, string Title)> SaveAsync(int skip, string author, string note) =>
        Factory.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            var item = await db.ContentItems.AsNoTracking().Where(i => i.Type == ContentType.Page).OrderBy(i => i.Slug).Skip(skip).FirstAsync();
            var latest = await db.ContentVersions.AsNoTracking().SingleAsync(v => v.Id == item.LatestVersionId);
            var page = ContentDocumentSerializer.Deserialize<PageDocument>(latest.DocumentJson);
            var result = await s.GetRequiredService<ContentStore>().SaveAsync(item.Id, page with { Body = page.Body + "\n\nTillägg." }, latest.Id, new ContentAuthor("u-" + author, author), note);
            Assert.IsInstanceOfType<SaveResult.Saved>(result);
            return (item.Id, item.Title);
        });
}
