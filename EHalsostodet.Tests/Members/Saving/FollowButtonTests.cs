using System.Net;
using System.Text.Json.Nodes;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Members;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static EHalsostodet.Tests.Members.Saving.SavingPortal;

namespace EHalsostodet.Tests.Members.Saving;

/// <summary>Follow buttons on story, collection and tag pages store Follow rows; /mina-sidor/sparat lists them.</summary>
[TestClass]
public sealed class FollowButtonTests : PortalTestClass<FollowButtonTests>
{
    [TestMethod]
    public async Task A_member_follows_a_story_a_collection_and_a_tag_and_unfollows_from_the_list()
    {
        var (userId, client) = await MemberAsync(Factory, "folj@example.se");
        var story = await PublishedAsync(Factory, ContentType.Story);
        var collection = await PublishedAsync(Factory, ContentType.Collection);
        var tag = await TagSlugAsync(Factory);
        var storyTarget = story.Id.ToString("D");
        var collectionTarget = collection.Id.ToString("D");
        var tagUrl = $"/taggar/{tag}";

        var before = FollowForm(await client.GetPageAsync(story.Url), storyTarget);
        Assert.AreEqual("Följ", Label(before));
        Assert.AreEqual("false", Pressed(before));

        foreach (var (url, target) in new[] { (story.Url, storyTarget), (collection.Url, collectionTarget), (tagUrl, tag) })
        {
            using var response = await ToggleFollowAsync(client, url, target);
            Assert.AreEqual(HttpStatusCode.SeeOther, response.StatusCode, url);
            Assert.AreEqual(url, response.Headers.Location!.OriginalString);
            var after = FollowForm(await client.GetPageAsync(url), target);
            Assert.AreEqual("Följer – sluta följa", Label(after), url);
            Assert.AreEqual("true", Pressed(after), url);
        }

        var rows = await QueryAsync(Factory, db => db.Follows.Where(f => f.UserId == userId).Select(f => new { f.Kind, f.Target }).ToListAsync());
        CollectionAssert.AreEquivalent(
            new[] { (FollowKind.Story, storyTarget), (FollowKind.Collection, collectionTarget), (FollowKind.Tag, tag) },
            rows.Select(r => (r.Kind, r.Target)).ToArray());

        var list = await client.GetPageAsync("/mina-sidor/sparat");
        Assert.IsNotNull(list.QuerySelector($"#follows-heading ~ ul a[href='{story.Url}']"));
        Assert.IsNotNull(list.QuerySelector($"#follows-heading ~ ul a[href='{tagUrl}']"));

        using (var unfollow = await ToggleFollowAsync(client, "/mina-sidor/sparat", tag))
        {
            Assert.AreEqual(HttpStatusCode.SeeOther, unfollow.StatusCode);
            Assert.AreEqual("/mina-sidor/sparat", unfollow.Headers.Location!.OriginalString);
        }
        Assert.IsFalse(await QueryAsync(Factory, db => db.Follows.AnyAsync(f => f.UserId == userId && f.Kind == FollowKind.Tag)));
        Assert.IsNull((await client.GetPageAsync("/mina-sidor/sparat")).QuerySelector($"a[href='{tagUrl}']"));
        Assert.AreEqual("Följ", Label(FollowForm(await client.GetPageAsync(tagUrl), tag)));
    }

    [TestMethod]
    public async Task The_toggle_script_gets_JSON()
    {
        var (userId, client) = await MemberAsync(Factory, "folj-json@example.se");
        var collection = await PublishedAsync(Factory, ContentType.Collection, 1);

        using var response = await ToggleFollowAsync(client, collection.Url, collection.Id.ToString("D"), accept: "application/json");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.IsTrue(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["following"]!.GetValue<bool>());
        Assert.AreEqual(1, await QueryAsync(Factory, db => db.Follows.CountAsync(f => f.UserId == userId && f.Kind == FollowKind.Collection)));
    }

    [TestMethod]
    public async Task Following_something_that_does_not_exist_is_refused()
    {
        var (userId, client) = await MemberAsync(Factory, "folj-okand@example.se");
        var story = await PublishedAsync(Factory, ContentType.Story);
        var page = await client.GetPageAsync(story.Url);
        var form = FollowForm(page, story.Id.ToString("D"))!;

        using var unknownTag = await SubmitAsync(client, form, story.Url, new Dictionary<string, string> { ["Kind"] = "tag", ["Target"] = "finns-inte-alls" });
        Assert.AreEqual(HttpStatusCode.NotFound, unknownTag.StatusCode);
        // A story's id is not a collection.
        using var wrongKind = await SubmitAsync(client, form, story.Url, new Dictionary<string, string> { ["Kind"] = "collection" });
        Assert.AreEqual(HttpStatusCode.NotFound, wrongKind.StatusCode);
        Assert.AreEqual(0, await QueryAsync(Factory, db => db.Follows.CountAsync(f => f.UserId == userId)));
    }

    [TestMethod]
    public async Task An_anonymous_visitor_is_sent_to_log_in()
    {
        var client = Factory.CreateBrowserClient();
        var tag = await TagSlugAsync(Factory);

        var page = await client.GetPageAsync($"/taggar/{tag}");

        Assert.IsNull(FollowForm(page, tag));
        var link = page.QuerySelector("a.login-to-act")!;
        StringAssert.StartsWith(link.TextContent, "Följ");
        Assert.AreEqual($"/mina-sidor/logga-in?ReturnUrl={Uri.EscapeDataString($"/taggar/{tag}")}", link.GetAttribute("href"));
    }
}
