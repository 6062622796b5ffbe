using System.Text.Json.Nodes;
using EHalsostodet.Core.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.Members.Notices;

/// <summary>Each follow trigger gives a follower exactly one notice, through the real publishing workflow.</summary>
[TestClass]
public sealed class FollowTriggerTests
{
    [TestMethod]
    public async Task A_story_republished_with_a_change_note_notifies_its_followers_once()
    {
        using var portal = await NoticesPortal.StartAsync();
        var (storyId, slug) = await portal.PublishNewStoryAsync("Trygghetslarm i Notisby", "Notistaggen");
        var follower = await portal.CreateMemberAsync("foljare@example.se", MailFrequency.None);
        var bystander = await portal.CreateMemberAsync("annan@example.se", MailFrequency.None);
        // Two follows match the same story version (the story, and a tag it gets now): still one notice.
        await portal.FollowStoryAsync(follower, storyId);
        await portal.FollowTagAsync(follower, "Mätvärden");

        await portal.RepublishAsync(storyId, "Nya mätvärden för 2026", d => d["tags"] = new JsonArray("Notistaggen", "Mätvärden"));

        var notice = (await portal.NoticesAsync(follower)).Single();
        Assert.AreEqual(MemberNoticeKind.StoryUpdated, notice.Kind);
        Assert.AreEqual("Berättelsen ”Trygghetslarm i Notisby” har uppdaterats: Nya mätvärden för 2026", notice.Text, "the public text, not the internal change note");
        Assert.AreEqual($"/berattelser/{slug}", notice.Url);
        Assert.AreEqual(storyId, notice.ItemId);
        Assert.AreEqual(0, (await portal.NoticesAsync(bystander)).Count);
    }

    [TestMethod]
    public async Task Only_the_public_what_changed_text_reaches_followers_and_the_reviewer_may_write_it_at_approval()
    {
        using var portal = await NoticesPortal.StartAsync();
        var (storyId, _) = await portal.PublishNewStoryAsync("Nattkameror i Notisby", "Kameror");
        var follower = await portal.CreateMemberAsync("foljare@example.se", MailFrequency.None);
        await portal.FollowStoryAsync(follower, storyId);

        // An internal change note alone tells members nothing.
        await portal.RepublishAsync(storyId, "", d => d["shortDescription"] = "Ny kort beskrivning.");
        Assert.AreEqual(0, (await portal.NoticesAsync(follower)).Count, "an internal note is not shown to members");

        // The reviewer writes the public text when approving.
        var details = await EHalsostodet.Tests.Api.ManagementClient.DetailsAsync(portal.Editor, storyId);
        var document = details["document"]!.DeepClone().AsObject();
        document["shortDescription"] = "En ännu nyare kort beskrivning.";
        using (var saved = await System.Net.Http.Json.HttpClientJsonExtensions.PutAsJsonAsync(portal.Editor, $"{EHalsostodet.Tests.Api.ManagementClient.Prefix}/content/{storyId}",
            new { document, baseVersion = details["latestVersion"]!.GetValue<int>(), changeNote = NoticesPortal.InternalNote }))
        {
            Assert.AreEqual(System.Net.HttpStatusCode.OK, saved.StatusCode);
        }
        await EHalsostodet.Tests.Api.ManagementClient.ActOkAsync(portal.Editor, storyId, "submit");
        Assert.AreEqual("published", await EHalsostodet.Tests.Api.ManagementClient.ActOkAsync(portal.Reviewer, storyId, "approve", new { publicChangeNote = "Kortet beskriver nu nattillsynen" }));

        var notice = (await portal.NoticesAsync(follower)).Single();
        Assert.AreEqual("Berättelsen ”Nattkameror i Notisby” har uppdaterats: Kortet beskriver nu nattillsynen", notice.Text);
        var stored = await portal.Factory.WithScopeAsync(s => s.GetRequiredService<EHalsostodet.Core.Persistence.PortalDbContext>().ContentVersions
            .Where(v => v.ItemId == storyId).OrderByDescending(v => v.Number).Select(v => new { v.ChangeNote, v.PublicChangeNote }).FirstAsync());
        Assert.AreEqual(NoticesPortal.InternalNote, stored.ChangeNote);
        Assert.AreEqual("Kortet beskriver nu nattillsynen", stored.PublicChangeNote, "stored with the version");

        details = await EHalsostodet.Tests.Api.ManagementClient.DetailsAsync(portal.Editor, storyId);
        using (var again = await System.Net.Http.Json.HttpClientJsonExtensions.PutAsJsonAsync(portal.Editor, $"{EHalsostodet.Tests.Api.ManagementClient.Prefix}/content/{storyId}",
            new { document = details["document"], baseVersion = details["latestVersion"]!.GetValue<int>(), changeNote = "" }))
        {
            Assert.AreEqual(System.Net.HttpStatusCode.OK, again.StatusCode);
        }
        using var tooLong = await EHalsostodet.Tests.Api.ManagementClient.ActAsync(portal.Editor, storyId, "submit", new { publicChangeNote = new string('x', 501) });
        Assert.AreEqual(System.Net.HttpStatusCode.Conflict, tooLong.StatusCode);
        StringAssert.Contains(await tooLong.Content.ReadAsStringAsync(), "högst 500 tecken");
    }

    [TestMethod]
    public async Task A_republish_without_a_change_note_or_a_draft_notifies_nobody()
    {
        using var portal = await NoticesPortal.StartAsync();
        var (storyId, _) = await portal.PublishNewStoryAsync("Tyst ändring i Notisby", "Tystataggen");
        var follower = await portal.CreateMemberAsync("foljare@example.se", MailFrequency.None);
        await portal.FollowStoryAsync(follower, storyId);

        await portal.RepublishWithoutChangeNoteAsync(storyId, d => d["shortDescription"] = "Stavfel rättat.");
        Assert.AreEqual(0, (await portal.NoticesAsync(follower)).Count, "utan ändringsnotering");

        // A new version that is only saved and sent for review is not public yet.
        var details = await EHalsostodet.Tests.Api.ManagementClient.DetailsAsync(portal.Editor, storyId);
        using var response = await System.Net.Http.Json.HttpClientJsonExtensions.PutAsJsonAsync(portal.Editor, $"{EHalsostodet.Tests.Api.ManagementClient.Prefix}/content/{storyId}",
            new { document = details["document"], baseVersion = details["latestVersion"]!.GetValue<int>(), changeNote = "Utkast som inte är granskat" });
        await EHalsostodet.Tests.Api.ManagementClient.ActOkAsync(portal.Editor, storyId, "submit");
        Assert.AreEqual(0, (await portal.NoticesAsync(follower)).Count, "ett utkast under granskning");
    }

    [TestMethod]
    public async Task A_story_joining_a_followed_collection_notifies_its_followers_once_per_new_story()
    {
        using var portal = await NoticesPortal.StartAsync();
        var seed = await portal.SeedStoryIdsAsync();
        var (collectionId, _) = await portal.PublishNewCollectionAsync("Notissamlingen", seed[0], seed[1]);
        var follower = await portal.CreateMemberAsync("foljare@example.se", MailFrequency.None);
        var bystander = await portal.CreateMemberAsync("annan@example.se", MailFrequency.None);
        await portal.FollowCollectionAsync(follower, collectionId);
        var (storyId, slug) = await portal.PublishNewStoryAsync("Läkemedelsrobot i Notisby", "Robotar");
        // A draft story in the list is not public and never notifies.
        var draftId = await portal.CreateDraftStoryAsync("Opublicerad i Notisby", "Robotar");
        Assert.AreEqual(0, (await portal.NoticesAsync(follower)).Count, "innan berättelsen lagts till");

        await portal.RepublishAsync(collectionId, "La till en berättelse",
            d => d["storyIds"] = new JsonArray(JsonValue.Create(seed[0].ToString("D")), JsonValue.Create(storyId.ToString("D")), JsonValue.Create(seed[1].ToString("D")), JsonValue.Create(draftId.ToString("D"))));

        var notice = (await portal.NoticesAsync(follower)).Single();
        Assert.AreEqual(MemberNoticeKind.StoryAddedToCollection, notice.Kind);
        Assert.AreEqual(storyId, notice.ItemId);
        Assert.AreEqual("Berättelsen ”Läkemedelsrobot i Notisby” har lagts till i samlingen ”Notissamlingen”", notice.Text);
        Assert.AreEqual($"/berattelser/{slug}", notice.Url);
        Assert.AreEqual(0, (await portal.NoticesAsync(bystander)).Count);

        // Publishing the collection again with the same stories adds nothing new.
        await portal.RepublishAsync(collectionId, "Ny beskrivning", d => d["description"] = "En annan beskrivning av samlingen.");
        Assert.AreEqual(1, (await portal.NoticesAsync(follower)).Count);
    }

    [TestMethod]
    public async Task A_new_story_with_a_followed_tag_notifies_when_it_is_published_and_only_then()
    {
        using var portal = await NoticesPortal.StartAsync();
        var follower = await portal.CreateMemberAsync("foljare@example.se", MailFrequency.None);
        var bystander = await portal.CreateMemberAsync("annan@example.se", MailFrequency.None);
        await portal.FollowTagAsync(follower, "Digitala lås");
        await portal.FollowTagAsync(follower, "Nattpatrull");
        await portal.FollowTagAsync(bystander, "Något helt annat");

        var draftId = await portal.CreateDraftStoryAsync("Nyckelfritt i Notisby", "Digitala lås", "Nattpatrull");
        await EHalsostodet.Tests.Api.ManagementClient.ActOkAsync(portal.Editor, draftId, "submit");
        Assert.AreEqual(0, (await portal.NoticesAsync(follower)).Count, "under granskning");

        Assert.AreEqual("published", await EHalsostodet.Tests.Api.ManagementClient.ActOkAsync(portal.Reviewer, draftId, "approve"));

        // Two followed tags on one story: one notice.
        var notice = (await portal.NoticesAsync(follower)).Single();
        Assert.AreEqual(MemberNoticeKind.StoryTagged, notice.Kind);
        Assert.AreEqual(draftId, notice.ItemId);
        StringAssert.StartsWith(notice.Text, "Ny berättelse med taggen ”");
        StringAssert.Contains(notice.Text, "”Nyckelfritt i Notisby”");
        Assert.AreEqual(0, (await portal.NoticesAsync(bystander)).Count);

        // A republish keeps its tags: the tag follower hears nothing more; a newly added tag is news to its followers.
        await portal.FollowTagAsync(bystander, "Trygghet");
        await portal.RepublishAsync(draftId, "Lade till en tagg", d => d["tags"] = new JsonArray("Digitala lås", "Nattpatrull", "Trygghet"));
        Assert.AreEqual(1, (await portal.NoticesAsync(follower)).Count);
        var tagged = (await portal.NoticesAsync(bystander)).Single();
        Assert.AreEqual("Berättelsen ”Nyckelfritt i Notisby” har fått taggen ”Trygghet”", tagged.Text);
    }
}
