using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Insights;
using EHalsostodet.Core.Members;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static EHalsostodet.Tests.Members.Accounts.MemberSteps;

namespace EHalsostodet.Tests.Members.Privacy;

/// <summary>Mina uppgifter: everything as JSON, and deleting the account.</summary>
[TestClass]
public sealed class PrivacyTests : PortalTestClass<PrivacyTests>
{
    /// <summary>A member who has saved a story, made a collection, follows a tag and has a notice; returns the story.</summary>
    internal static async Task<(Guid Id, string Title)> StoreMemberDataAsync(PortalFactory portal, string userId)
    {
        var story = await portal.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().PublishedContent
            .Where(p => p.Type == ContentType.Story).OrderBy(p => p.Slug).Select(p => new { p.ItemId, p.Title }).FirstAsync());
        var now = new DateTime(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc);
        await portal.WithDbAsync(async db =>
        {
            db.MemberProfiles.Add(new MemberProfile { UserId = userId, Role = "enhetschef", MunicipalityCode = "0580", Interests = ["hemtjanst"], UnsubscribeToken = Guid.NewGuid().ToString("N"), CreatedAt = now });
            db.SavedItems.Add(new SavedItem { UserId = userId, ItemId = story.ItemId, SavedAt = now });
            var collectionId = Guid.NewGuid();
            db.MemberCollections.Add(new MemberCollection
            {
                Id = collectionId, UserId = userId, Name = "Inför ledningsgruppen", Description = "Att visa i mars", ShareToken = "delad-" + Guid.NewGuid().ToString("N"),
                CreatedAt = now, UpdatedAt = now,
                Items = [new MemberCollectionItem { CollectionId = collectionId, StoryId = story.ItemId, Position = 0, AddedAt = now }],
            });
            db.Follows.Add(new Follow { UserId = userId, Kind = FollowKind.Tag, Target = "hemtjanst", CreatedAt = now });
            db.MemberNotices.Add(new MemberNotice { Id = Guid.NewGuid(), UserId = userId, Kind = MemberNoticeKind.StoryTagged, ItemId = story.ItemId, Text = "En ny berättelse om hemtjänst", Url = "/berattelser/x", CreatedAt = now });
            await db.SaveChangesAsync();
        });
        return (story.ItemId, story.Title);
    }

    [TestMethod]
    public async Task The_download_holds_everything_the_member_stored()
    {
        const string email = "export@kommun.example.se";
        var userId = await Factory.CreateUserAsync(email, PortalRoles.Member, "Elin Export");
        var story = await StoreMemberDataAsync(Factory, userId);
        var client = await SignedInClientAsync(Factory, email);

        var page = await client.GetPageAsync("/mina-sidor/mina-uppgifter");
        var href = page.QuerySelector("main a[download]")!.GetAttribute("href")!;
        using var response = await client.GetAsync(new Uri(href, UriKind.Relative));

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.AreEqual("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.AreEqual("mina-uppgifter.json", response.Content.Headers.ContentDisposition.FileName?.Trim('"'));
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.AreEqual(email, json["account"]!["email"]!.GetValue<string>());
        Assert.AreEqual("Elin Export", json["account"]!["displayName"]!.GetValue<string>());
        Assert.AreEqual("Medlem", json["account"]!["roles"]![0]!.GetValue<string>());
        Assert.IsNotNull(json["account"]!["lastSignInAt"], "the last sign-in the deletion of unused accounts counts from");
        Assert.AreEqual("enhetschef", json["profile"]!["role"]!.GetValue<string>());
        Assert.AreEqual("Linköping", json["profile"]!["municipalityName"]!.GetValue<string>());
        Assert.AreEqual(story.Title, json["saved"]![0]!["title"]!.GetValue<string>());
        var collection = json["collections"]![0]!;
        Assert.AreEqual("Inför ledningsgruppen", collection["name"]!.GetValue<string>());
        Assert.IsTrue(collection["sharedByLink"]!.GetValue<bool>());
        Assert.AreEqual(story.Title, collection["stories"]![0]!["title"]!.GetValue<string>());
        Assert.AreEqual("hemtjanst", json["follows"]![0]!["target"]!.GetValue<string>());
        Assert.AreEqual("Hemtjänst", json["follows"]![0]!["title"]!.GetValue<string>());
        Assert.AreEqual("En ny berättelse om hemtjänst", json["notifications"]![0]!["text"]!.GetValue<string>());
    }

    [TestMethod]
    public async Task Deleting_the_account_needs_the_password_removes_personal_data_and_keeps_anonymous_counts()
    {
        const string email = "radera@kommun.example.se";
        var userId = await Factory.CreateUserAsync(email, PortalRoles.Member);
        var story = await StoreMemberDataAsync(Factory, userId);
        await Factory.WithScopeAsync(async s =>
        {
            await s.GetRequiredService<UsageCounter>().CountAsync(UsageMetrics.Saved, story.Id, CancellationToken.None);
            return true;
        });
        await Factory.FlushUsageCountsAsync();
        var countBefore = await Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().UsageCounts
            .Where(u => u.Metric == UsageMetrics.Saved && u.Subject == UsageCounter.Subject(story.Id)).SumAsync(u => u.Count));
        var client = await SignedInClientAsync(Factory, email);

        using (var wrong = await Forms.PostAsync(client, "/mina-sidor/mina-uppgifter", new Dictionary<string, string> { ["Password"] = "inte-mitt-losenord", ["Confirm"] = "true" }))
        {
            var page = await new HtmlParser().ParseDocumentAsync(await wrong.Content.ReadAsStringAsync());
            StringAssert.Contains(page.QuerySelector("#delete-password-error")!.TextContent, "Fel lösenord");
        }
        using (var unconfirmed = await Forms.PostAsync(client, "/mina-sidor/mina-uppgifter", new Dictionary<string, string> { ["Password"] = PortalFactory.Password, ["Confirm"] = "false" }))
        {
            var page = await new HtmlParser().ParseDocumentAsync(await unconfirmed.Content.ReadAsStringAsync());
            StringAssert.Contains(page.QuerySelector("#delete-confirm-error")!.TextContent, "Kryssa i");
        }
        Assert.IsTrue(await Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().Users.AnyAsync(u => u.Id == userId)));

        using (var deleted = await Forms.PostAsync(client, "/mina-sidor/mina-uppgifter", new Dictionary<string, string> { ["Password"] = PortalFactory.Password, ["Confirm"] = "true" }))
        {
            Assert.AreEqual(HttpStatusCode.OK, deleted.StatusCode);
            var page = await new HtmlParser().ParseDocumentAsync(await deleted.Content.ReadAsStringAsync());
            Assert.AreEqual("Kontot är borttaget", page.QuerySelector("h1")!.TextContent);
            Assert.IsNotNull(page.QuerySelector("header .member-menu a[href='/mina-sidor/logga-in']"));
        }

        await Factory.WithDbAsync(async db =>
        {
            Assert.IsFalse(await db.Users.AnyAsync(u => u.Id == userId || u.Email == email));
            Assert.IsFalse(await db.MemberProfiles.AnyAsync(p => p.UserId == userId));
            Assert.IsFalse(await db.SavedItems.AnyAsync(p => p.UserId == userId));
            Assert.IsFalse(await db.MemberCollections.AnyAsync(p => p.UserId == userId));
            Assert.IsFalse(await db.MemberCollectionItems.AnyAsync(i => !db.MemberCollections.Any(c => c.Id == i.CollectionId)));
            Assert.IsFalse(await db.Follows.AnyAsync(p => p.UserId == userId));
            Assert.IsFalse(await db.MemberNotices.AnyAsync(p => p.UserId == userId));
            Assert.IsFalse(await db.OutboxEmails.AnyAsync(e => e.To == email));
            var countAfter = await db.UsageCounts.Where(u => u.Metric == UsageMetrics.Saved && u.Subject == UsageCounter.Subject(story.Id)).SumAsync(u => u.Count);
            Assert.AreEqual(countBefore, countAfter);
            Assert.IsTrue(countAfter > 0);
        });
        using var afterwards = await client.GetAsync(new Uri("/mina-sidor", UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.Redirect, afterwards.StatusCode);
    }

    [TestMethod]
    public async Task A_back_office_account_cannot_delete_itself_from_the_member_pages()
    {
        const string email = "redaktor.radera@example.se";
        var userId = await Factory.CreateUserAsync(email, PortalRoles.Editor);
        var client = await SignedInClientAsync(Factory, email);

        var page = await client.GetPageAsync("/mina-sidor/mina-uppgifter");
        Assert.IsNull(page.QuerySelector("main form[method='post']"));
        StringAssert.Contains(page.MainText(), "Be en administratör ta bort det");
        Assert.IsTrue(await Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().Users.AnyAsync(u => u.Id == userId)));
    }
}
