using System.Net;
using EHalsostodet.Core.Content;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static EHalsostodet.Tests.Members.Saving.SavingPortal;

namespace EHalsostodet.Tests.Members.Saving;

/// <summary>Own collections in /mina-sidor/samlingar: create, change, order, share and delete; only the owner sees them.</summary>
[TestClass]
public sealed class OwnCollectionPagesTests : PortalTestClass<OwnCollectionPagesTests>
{
    private static async Task<Guid> CreateAsync(HttpClient client, string name, string description = "")
    {
        using var response = await SubmitAsync(client, "/mina-sidor/samlingar", "main form[method='post']",
            new Dictionary<string, string> { ["Name"] = name, ["Description"] = description });
        Assert.AreEqual(HttpStatusCode.SeeOther, response.StatusCode, await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location!.OriginalString;
        StringAssert.StartsWith(location, "/mina-sidor/samlingar/");
        return Guid.Parse(location["/mina-sidor/samlingar/".Length..]);
    }

    private static async Task AddFromStoryPageAsync(HttpClient client, SeedItem story, Guid? collectionId, string newName = "")
    {
        var values = new Dictionary<string, string> { ["NewName"] = newName };
        if (collectionId is { } id)
        {
            values["CollectionId"] = id.ToString();
        }
        else
        {
            values["CollectionId"] = "";
        }
        using var response = await SubmitAsync(client, story.Url, "form.add-to-collection", values);
        Assert.AreEqual(HttpStatusCode.SeeOther, response.StatusCode, await response.Content.ReadAsStringAsync());
        Assert.AreEqual(story.Url, response.Headers.Location!.OriginalString);
    }

    private static async Task<List<string>> StoryLinksAsync(HttpClient client, Guid id) =>
        (await client.GetPageAsync($"/mina-sidor/samlingar/{id}")).QuerySelectorAll(".own-collection-stories li > a").Select(a => a.GetAttribute("href")!).ToList();

    [TestMethod]
    public async Task Counts_of_stories_agree_in_number_on_the_collection_list_and_the_tag_page()
    {
        var (_, client) = await MemberAsync(Factory, "samling-antal@example.se");
        var first = await PublishedAsync(Factory, ContentType.Story, 0);
        var second = await PublishedAsync(Factory, ContentType.Story, 1);
        var id = await CreateAsync(client, "Att läsa");
        await AddFromStoryPageAsync(client, first, id);

        string CountOnList(AngleSharp.Dom.IDocument page) => page.QuerySelector($"a[href='/mina-sidor/samlingar/{id}']")!.ParentElement!.QuerySelector(".muted")!.TextContent;
        Assert.AreEqual("1 kommunberättelse", CountOnList(await client.GetPageAsync("/mina-sidor/samlingar")));
        await AddFromStoryPageAsync(client, second, id);
        Assert.AreEqual("2 kommunberättelser", CountOnList(await client.GetPageAsync("/mina-sidor/samlingar")));

        // A tag that only one story carries, and one that several carry.
        var storiesPerTag = await QueryAsync(Factory, db => db.PublishedFacets.AsNoTracking().Where(f => f.Facet == Core.Publishing.FacetNames.Tag)
            .Join(db.PublishedContent.Where(p => p.Type == ContentType.Story), f => f.ItemId, p => p.ItemId, (f, p) => f.Value).ToListAsync());
        var counts = storiesPerTag.GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        var single = counts.First(c => c.Value == 1).Key;
        var several = counts.First(c => c.Value > 1);
        StringAssert.StartsWith((await client.GetPageAsync($"/taggar/{single}")).QuerySelector("main .lead")!.TextContent, "1 kommunberättelse har taggen");
        StringAssert.StartsWith((await client.GetPageAsync($"/taggar/{several.Key}")).QuerySelector("main .lead")!.TextContent, $"{several.Value} kommunberättelser har taggen");
    }

    [TestMethod]
    public async Task A_collection_without_a_name_is_refused_in_Swedish_and_the_form_keeps_the_input()
    {
        var (userId, client) = await MemberAsync(Factory, "samling-fel@example.se");

        using var response = await SubmitAsync(client, "/mina-sidor/samlingar", "main form[method='post']",
            new Dictionary<string, string> { ["Name"] = "   ", ["Description"] = "Inför mötet i maj" });

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var page = await ParseAsync(response);
        StringAssert.Contains(page.QuerySelector("#collection-name-error")!.TextContent, "Ange ett namn");
        Assert.AreEqual("true", page.QuerySelector("#collection-name")!.GetAttribute("aria-invalid"));
        Assert.AreEqual("Inför mötet i maj", page.QuerySelector("#collection-description")!.TextContent);
        Assert.AreEqual(0, await QueryAsync(Factory, db => db.MemberCollections.CountAsync(c => c.UserId == userId)));

        using var tooLong = await SubmitAsync(client, "/mina-sidor/samlingar", "main form[method='post']",
            new Dictionary<string, string> { ["Name"] = new string('x', 201) });
        StringAssert.Contains((await ParseAsync(tooLong)).QuerySelector("#collection-name-error")!.TextContent, "högst 200 tecken");
    }

    [TestMethod]
    public async Task A_member_creates_fills_reorders_renames_and_deletes_a_collection()
    {
        var (userId, client) = await MemberAsync(Factory, "samling-flode@example.se");
        var first = await PublishedAsync(Factory, ContentType.Story, 0);
        var second = await PublishedAsync(Factory, ContentType.Story, 1);
        var third = await PublishedAsync(Factory, ContentType.Story, 2);

        var id = await CreateAsync(client, "Inför nämndmötet", "Trygghet i hemmet");
        var list = await client.GetPageAsync("/mina-sidor/samlingar");
        Assert.IsNotNull(list.QuerySelector($"a[href='/mina-sidor/samlingar/{id}']"));

        await AddFromStoryPageAsync(client, first, id);
        await AddFromStoryPageAsync(client, second, id);
        await AddFromStoryPageAsync(client, third, id);
        CollectionAssert.AreEqual(new[] { first.Url, second.Url, third.Url }, await StoryLinksAsync(client, id));

        var details = $"/mina-sidor/samlingar/{id}";
        var page = await client.GetPageAsync(details);
        var moveUp = page.QuerySelectorAll("form").First(f => f.QuerySelector($"input[name='StoryId'][value='{third.Id}']") is not null && f.QuerySelector("input[name='Direction'][value='up']") is not null);
        using (var moved = await SubmitAsync(client, moveUp, details))
        {
            Assert.AreEqual(HttpStatusCode.SeeOther, moved.StatusCode);
        }
        CollectionAssert.AreEqual(new[] { first.Url, third.Url, second.Url }, await StoryLinksAsync(client, id));
        // The first story has no "move up", the last no "move down".
        page = await client.GetPageAsync(details);
        var items = page.QuerySelectorAll(".own-collection-stories > li");
        Assert.IsNull(items[0].QuerySelector("input[name='Direction'][value='up']"));
        Assert.IsNull(items[2].QuerySelector("input[name='Direction'][value='down']"));

        var remove = page.QuerySelectorAll("form").First(f => (f.GetAttribute("action") ?? "").Contains("handler=Remove", StringComparison.OrdinalIgnoreCase) && f.QuerySelector($"input[name='StoryId'][value='{first.Id}']") is not null);
        using (var removed = await SubmitAsync(client, remove, details))
        {
            Assert.AreEqual(HttpStatusCode.SeeOther, removed.StatusCode);
        }
        CollectionAssert.AreEqual(new[] { third.Url, second.Url }, await StoryLinksAsync(client, id));

        using (var renamed = await SubmitAsync(client, details, "main form[method='post']:not([action])", new Dictionary<string, string> { ["Name"] = "Till ledningsgruppen", ["Description"] = "Två exempel" }))
        {
            Assert.AreEqual(HttpStatusCode.SeeOther, renamed.StatusCode);
        }
        page = await client.GetPageAsync(details);
        Assert.AreEqual("Till ledningsgruppen", page.QuerySelector("h1")!.TextContent.Trim());
        var stored = await QueryAsync(Factory, db => db.MemberCollections.SingleAsync(c => c.Id == id));
        Assert.AreEqual("Två exempel", stored.Description);

        using (var unconfirmed = await SubmitAsync(client, details, "form[action*='handler=Delete']"))
        {
            Assert.AreEqual(HttpStatusCode.OK, unconfirmed.StatusCode);
            StringAssert.Contains((await ParseAsync(unconfirmed)).QuerySelector("#confirm-error")!.TextContent, "bekräfta");
        }
        Assert.AreEqual(1, await QueryAsync(Factory, db => db.MemberCollections.CountAsync(c => c.UserId == userId)));
        using (var deleted = await SubmitAsync(client, details, "form[action*='handler=Delete']", new Dictionary<string, string> { ["Confirm"] = "true" }))
        {
            Assert.AreEqual(HttpStatusCode.SeeOther, deleted.StatusCode);
            Assert.AreEqual("/mina-sidor/samlingar", deleted.Headers.Location!.OriginalString);
        }
        Assert.AreEqual(0, await QueryAsync(Factory, db => db.MemberCollections.CountAsync(c => c.UserId == userId)));
        Assert.AreEqual(0, await QueryAsync(Factory, db => db.MemberCollectionItems.CountAsync(i => i.CollectionId == id)));
    }

    [TestMethod]
    public async Task A_story_can_go_into_a_new_collection_from_its_page()
    {
        var (userId, client) = await MemberAsync(Factory, "samling-ny@example.se");
        var story = await PublishedAsync(Factory, ContentType.Story, 3);

        await AddFromStoryPageAsync(client, story, null, "Hemtjänst");

        var collection = await QueryAsync(Factory, db => db.MemberCollections.Include(c => c.Items).SingleAsync(c => c.UserId == userId));
        Assert.AreEqual("Hemtjänst", collection.Name);
        Assert.AreEqual(story.Id, collection.Items.Single().StoryId);
        // The story page says where the story went, once, and now offers the collection in its list.
        var page = await client.GetPageAsync(story.Url);
        StringAssert.Contains(page.QuerySelector("[role='status']")!.TextContent, "Berättelsen ligger nu i din samling Hemtjänst.");
        Assert.IsNull((await client.GetPageAsync(story.Url)).QuerySelector(".status-message"));
        Assert.AreEqual("Hemtjänst", page.QuerySelector("form.add-to-collection select option")!.TextContent.Trim());
    }

    [TestMethod]
    public async Task Only_a_published_story_can_be_added()
    {
        using var local = new PortalFactory();
        var (userId, client) = await MemberAsync(local, "samling-opublicerad@example.se");
        var story = await PublishedAsync(local, ContentType.Story, 5);
        var id = await CreateAsync(client, "Min samling");
        var page = await client.GetPageAsync(story.Url);
        var form = page.QuerySelector("form.add-to-collection")!;
        await UnpublishAsync(local, story.Id);

        using var response = await SubmitAsync(client, form, story.Url, new Dictionary<string, string> { ["CollectionId"] = id.ToString() });

        Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode);
        Assert.AreEqual(0, await QueryAsync(local, db => db.MemberCollectionItems.CountAsync(i => i.CollectionId == id)));
    }

    [TestMethod]
    public async Task A_shared_link_works_without_sign_in_until_the_owner_revokes_it()
    {
        var (_, client) = await MemberAsync(Factory, "samling-dela@example.se", "Anna Andersson");
        var story = await PublishedAsync(Factory, ContentType.Story, 4);
        var id = await CreateAsync(client, "Delad samling om larm", "Läs före mötet");
        await AddFromStoryPageAsync(client, story, id);
        var details = $"/mina-sidor/samlingar/{id}";

        using (var shared = await SubmitAsync(client, details, "form[action*='handler=Share']"))
        {
            Assert.AreEqual(HttpStatusCode.SeeOther, shared.StatusCode);
        }
        var url = (await client.GetPageAsync(details)).QuerySelector("#share-url")!.GetAttribute("value")!;
        var path = new Uri(url).AbsolutePath;
        StringAssert.StartsWith(path, "/delad-samling/");
        Assert.AreEqual(64, path.Length - "/delad-samling/".Length);

        var anonymous = Factory.CreateBrowserClient();
        var page = await anonymous.GetPageAsync(path);
        Assert.AreEqual("Delad samling om larm", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.AreEqual("noindex", page.QuerySelector("meta[name='robots']")!.GetAttribute("content"));
        Assert.IsNotNull(page.QuerySelector($"main a[href='{story.Url}']"));
        StringAssert.Contains(page.MainText(), "Anna Andersson");
        Assert.IsFalse(page.MainText().Contains("samling-dela@example.se", StringComparison.Ordinal));
        Assert.IsNull(page.QuerySelector("form.add-to-collection"));

        using (var revoked = await SubmitAsync(client, details, "form[action*='handler=Revoke']"))
        {
            Assert.AreEqual(HttpStatusCode.SeeOther, revoked.StatusCode);
        }
        await anonymous.GetPageAsync(path, HttpStatusCode.NotFound);
        await anonymous.GetPageAsync("/delad-samling/finns-inte", HttpStatusCode.NotFound);
    }

    [TestMethod]
    public async Task Another_member_gets_404_for_my_collection_when_reading_or_changing_it()
    {
        var (_, owner) = await MemberAsync(Factory, "samling-agare@example.se");
        var (_, other) = await MemberAsync(Factory, "samling-annan@example.se");
        var story = await PublishedAsync(Factory, ContentType.Story, 0);
        var id = await CreateAsync(owner, "Privat");
        var otherCollection = await CreateAsync(other, "Annans");

        await other.GetPageAsync($"/mina-sidor/samlingar/{id}", HttpStatusCode.NotFound);
        Assert.IsNull((await other.GetPageAsync("/mina-sidor/samlingar")).QuerySelector($"a[href='/mina-sidor/samlingar/{id}']"));

        // The other member's own page gives a valid form; its action is pointed at my collection.
        var ownPage = await other.GetPageAsync($"/mina-sidor/samlingar/{otherCollection}");
        foreach (var handler in new[] { "Share", "Delete" })
        {
            var form = ownPage.QuerySelector($"form[action*='handler={handler}']")!;
            form.SetAttribute("action", form.GetAttribute("action")!.Replace(otherCollection.ToString(), id.ToString(), StringComparison.OrdinalIgnoreCase));
            using var response = await SubmitAsync(other, form, $"/mina-sidor/samlingar/{otherCollection}", new Dictionary<string, string> { ["Confirm"] = "true" });
            Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode, handler);
        }
        var storyPage = await other.GetPageAsync(story.Url);
        using (var add = await SubmitAsync(other, storyPage.QuerySelector("form.add-to-collection")!, story.Url, new Dictionary<string, string> { ["CollectionId"] = id.ToString() }))
        {
            Assert.AreEqual(HttpStatusCode.NotFound, add.StatusCode);
        }
        var mine = await QueryAsync(Factory, db => db.MemberCollections.Include(c => c.Items).SingleAsync(c => c.Id == id));
        Assert.IsNull(mine.ShareToken);
        Assert.IsEmpty(mine.Items);
    }
}
