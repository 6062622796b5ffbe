using System.Net;
using AngleSharp.Dom;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Members;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.Members.Notices;

/// <summary>/mina-sidor/notiser and /mina-sidor/installningar.</summary>
[TestClass]
public sealed class NotificationPagesTests : PortalTestClass<NotificationPagesTests>
{
    internal static async Task<List<Guid>> AddNotificationsAsync(PortalFactory portal, string userId, int count, string prefix)
    {
        var ids = new List<Guid>();
        await portal.WithDbAsync(db =>
        {
            for (var i = 0; i < count; i++)
            {
                var id = Guid.NewGuid();
                ids.Add(id);
                db.MemberNotifications.Add(new MemberNotification
                {
                    Id = id, UserId = userId, Kind = MemberNotificationKind.StoryUpdated, ItemId = Guid.NewGuid(),
                    Text = $"{prefix} {i + 1}", Url = $"/berattelser/{prefix.ToLowerInvariant()}-{i + 1}",
                    CreatedAt = new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc).AddMinutes(i),
                });
            }
            return db.SaveChangesAsync();
        });
        return ids;
    }

    private static IElement ItemWithText(IDocument page, string text) =>
        page.QuerySelectorAll(".notices-item").Single(li => li.QuerySelector("a")!.TextContent.Trim() == text);

    [TestMethod]
    public async Task The_pages_ask_anonymous_visitors_to_sign_in()
    {
        var client = Factory.CreateBrowserClient();
        foreach (var url in new[] { "/mina-sidor/notiser", "/mina-sidor/installningar" })
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode, url);
            StringAssert.Contains(response.Headers.Location!.OriginalString, "logga-in");
        }
    }

    [TestMethod]
    public async Task The_notifications_page_lists_newest_first_marks_unread_in_words_and_marks_them_read()
    {
        var userId = await Factory.CreateUserAsync("notiser@example.se", PortalRoles.Member);
        var otherId = await Factory.CreateUserAsync("nagon-annan@example.se", PortalRoles.Member);
        await AddNotificationsAsync(Factory, userId, 3, "Notis");
        var others = await AddNotificationsAsync(Factory, otherId, 1, "Annans");
        var client = await Factory.SignInAsync("notiser@example.se");

        var page = await client.GetPageAsync("/mina-sidor/notiser");
        CollectionAssert.AreEqual(new[] { "Notis 3", "Notis 2", "Notis 1" }, page.Texts(".notices-item a").ToArray());
        Assert.AreEqual(3, page.Texts(".notices-badge").Count(t => t == "Oläst"));
        Assert.AreEqual("/berattelser/notis-3", page.QuerySelector(".notices-item a")!.GetAttribute("href"));
        Assert.IsFalse(page.MainText().Contains("Annans", StringComparison.Ordinal));

        var form = ItemWithText(page, "Notis 2").QuerySelector("form")!;
        var id = form.QuerySelector("input[name='id']")!.GetAttribute("value")!;
        using (var marked = await Forms.PostAsync(client, "/mina-sidor/notiser", new Dictionary<string, string> { ["id"] = id }, "form[action*='MarkRead']"))
        {
            Assert.AreEqual(HttpStatusCode.Redirect, marked.StatusCode);
        }
        page = await client.GetPageAsync("/mina-sidor/notiser");
        StringAssert.Contains(page.QuerySelector("[role='status']")!.TextContent, "markerad som läst");
        Assert.IsNull(ItemWithText(page, "Notis 2").QuerySelector(".notices-badge"));
        Assert.IsNotNull(ItemWithText(page, "Notis 3").QuerySelector(".notices-badge"));

        // Someone else's notification cannot be marked, whatever id is posted.
        using (var foreign = await Forms.PostAsync(client, "/mina-sidor/notiser", new Dictionary<string, string> { ["id"] = others[0].ToString() }, "form[action*='MarkRead']"))
        {
            Assert.AreEqual(HttpStatusCode.NotFound, foreign.StatusCode);
        }

        using (var all = await Forms.PostAsync(client, "/mina-sidor/notiser", new Dictionary<string, string>(), "form[action*='MarkAllRead']"))
        {
            Assert.AreEqual(HttpStatusCode.Redirect, all.StatusCode);
        }
        page = await client.GetPageAsync("/mina-sidor/notiser");
        Assert.AreEqual(0, page.QuerySelectorAll(".notices-badge").Length);
        StringAssert.Contains(page.MainText(), "Du har 0 olästa notiser.");
        var otherUnread = await Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().MemberNotifications.CountAsync(n => n.UserId == otherId && n.ReadAt == null));
        Assert.AreEqual(1, otherUnread);
    }

    [TestMethod]
    public async Task Many_notifications_are_split_into_pages()
    {
        var userId = await Factory.CreateUserAsync("manga@example.se", PortalRoles.Member);
        await AddNotificationsAsync(Factory, userId, 25, "Mängd");
        var client = await Factory.SignInAsync("manga@example.se");

        var first = await client.GetPageAsync("/mina-sidor/notiser");
        Assert.AreEqual(20, first.QuerySelectorAll(".notices-item").Length);
        Assert.IsNotNull(first.QuerySelector("nav a[href='/mina-sidor/notiser?sida=2']"));
        var second = await client.GetPageAsync("/mina-sidor/notiser?sida=2");
        CollectionAssert.AreEqual(new[] { "Mängd 5", "Mängd 4", "Mängd 3", "Mängd 2", "Mängd 1" }, second.Texts(".notices-item a").ToArray());
    }

    [TestMethod]
    public async Task The_settings_page_saves_the_mail_choice_and_explains_a_missing_one()
    {
        var userId = await Factory.CreateUserAsync("installningar@example.se", PortalRoles.Member);
        var client = await Factory.SignInAsync("installningar@example.se");

        var page = await client.GetPageAsync("/mina-sidor/installningar");
        Assert.AreEqual("immediately", page.QuerySelector("input[name='MailFrequency'][checked]")!.GetAttribute("value"));
        Assert.AreEqual("En gång om dagen", page.QuerySelector("label[for='mail-daily']")!.TextContent.Trim());
        Assert.IsNotNull(page.QuerySelector("fieldset legend"));

        using (var saved = await Forms.PostAsync(client, "/mina-sidor/installningar", new Dictionary<string, string> { ["MailFrequency"] = "weekly" }))
        {
            Assert.AreEqual(HttpStatusCode.Redirect, saved.StatusCode);
        }
        page = await client.GetPageAsync("/mina-sidor/installningar");
        StringAssert.Contains(page.QuerySelector("[role='status']")!.TextContent, "Inställningen är sparad");
        Assert.AreEqual("weekly", page.QuerySelector("input[name='MailFrequency'][checked]")!.GetAttribute("value"));
        var stored = await Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().MemberProfiles.Where(p => p.UserId == userId).Select(p => p.MailFrequency).SingleAsync());
        Assert.AreEqual(MailFrequency.Weekly, stored);

        using var refused = await Forms.PostAsync(client, "/mina-sidor/installningar", new Dictionary<string, string> { ["MailFrequency"] = "ibland" });
        Assert.AreEqual(HttpStatusCode.OK, refused.StatusCode);
        var again = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        StringAssert.Contains(again.QuerySelector("[role='alert']")!.TextContent, "Välj hur ofta du vill få e-post");
    }
}
