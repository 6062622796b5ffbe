using System.Net;
using System.Text.Json.Nodes;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Insights;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static EHalsostodet.Tests.Members.Saving.SavingPortal;

namespace EHalsostodet.Tests.Members.Saving;

/// <summary>Save buttons on pages and cards: a form post without JavaScript, JSON for the toggle script.</summary>
[TestClass]
public sealed class SaveButtonTests : PortalTestClass<SaveButtonTests>
{
    [TestMethod]
    public async Task Saving_a_story_from_its_page_stores_it_counts_it_and_the_page_then_shows_it_saved()
    {
        var (userId, client) = await MemberAsync(Factory, "spara-sida@example.se");
        var story = await PublishedAsync(Factory, ContentType.Story);
        var before = await client.GetPageAsync(story.Url);
        var form = SaveForm(before, story.Id);
        Assert.AreEqual("Spara", Label(form));
        Assert.AreEqual("false", Pressed(form));

        using var response = await ToggleSaveAsync(client, story.Url, story.Id);

        Assert.AreEqual(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.AreEqual(story.Url, response.Headers.Location!.OriginalString);
        Assert.IsTrue(await QueryAsync(Factory, db => db.SavedItems.AnyAsync(s => s.UserId == userId && s.ItemId == story.Id)));
        await Factory.FlushUsageCountsAsync();
        var counted = await QueryAsync(Factory, db => db.UsageCounts.Where(u => u.Metric == UsageMetrics.Saved && u.Subject == story.Id.ToString("D")).SumAsync(u => u.Count));
        Assert.AreEqual(1, counted);
        var after = await client.GetPageAsync(story.Url);
        Assert.AreEqual("Sparad – ta bort", Label(SaveForm(after, story.Id)));
        Assert.AreEqual("true", Pressed(SaveForm(after, story.Id)));
        // Cards elsewhere know it too.
        Assert.AreEqual("true", Pressed(SaveForm(await client.GetPageAsync("/berattelser"), story.Id)));

        using var unsave = await ToggleSaveAsync(client, story.Url, story.Id);
        Assert.AreEqual(HttpStatusCode.SeeOther, unsave.StatusCode);
        Assert.IsFalse(await QueryAsync(Factory, db => db.SavedItems.AnyAsync(s => s.UserId == userId && s.ItemId == story.Id)));
        Assert.AreEqual("Spara", Label(SaveForm(await client.GetPageAsync(story.Url), story.Id)));
    }

    [TestMethod]
    public async Task Collections_and_initiatives_are_saved_from_their_pages_and_collection_cards()
    {
        var (userId, client) = await MemberAsync(Factory, "spara-typer@example.se");
        var collection = await PublishedAsync(Factory, ContentType.Collection);
        var initiative = await PublishedAsync(Factory, ContentType.Initiative);

        using (var saved = await ToggleSaveAsync(client, "/samlingar", collection.Id))
        {
            Assert.AreEqual(HttpStatusCode.SeeOther, saved.StatusCode);
            Assert.AreEqual("/samlingar", saved.Headers.Location!.OriginalString);
        }
        using (var saved = await ToggleSaveAsync(client, initiative.Url, initiative.Id))
        {
            Assert.AreEqual(HttpStatusCode.SeeOther, saved.StatusCode);
        }

        Assert.AreEqual("true", Pressed(SaveForm(await client.GetPageAsync(collection.Url), collection.Id)));
        Assert.AreEqual("true", Pressed(SaveForm(await client.GetPageAsync(initiative.Url), initiative.Id)));
        var ids = await QueryAsync(Factory, db => db.SavedItems.Where(s => s.UserId == userId).Select(s => s.ItemId).ToListAsync());
        CollectionAssert.AreEquivalent(new[] { collection.Id, initiative.Id }, ids);

        var page = await client.GetPageAsync("/mina-sidor/sparat");
        Assert.IsNotNull(page.QuerySelector($"#saved-collections-heading ~ ul a[href='{collection.Url}']"));
        Assert.IsNotNull(page.QuerySelector($"#saved-initiatives-heading ~ ul a[href='{initiative.Url}']"));
    }

    [TestMethod]
    public async Task The_toggle_script_gets_JSON_and_no_redirect()
    {
        var (userId, client) = await MemberAsync(Factory, "spara-json@example.se");
        var story = await PublishedAsync(Factory, ContentType.Story, skip: 1);

        using var response = await ToggleSaveAsync(client, story.Url, story.Id, accept: "application/json");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.IsTrue(body["saved"]!.GetValue<bool>());
        Assert.IsTrue(await QueryAsync(Factory, db => db.SavedItems.AnyAsync(s => s.UserId == userId && s.ItemId == story.Id)));

        using var again = await ToggleSaveAsync(client, story.Url, story.Id, accept: "application/json");
        Assert.IsFalse(JsonNode.Parse(await again.Content.ReadAsStringAsync())!["saved"]!.GetValue<bool>());
        Assert.IsFalse(await QueryAsync(Factory, db => db.SavedItems.AnyAsync(s => s.UserId == userId && s.ItemId == story.Id)));
    }

    [TestMethod]
    public async Task An_anonymous_visitor_sees_the_button_as_a_link_to_log_in_and_gets_no_cookie()
    {
        var client = Factory.CreateBrowserClient();
        var story = await PublishedAsync(Factory, ContentType.Story);
        using (var response = await client.GetAsync(new Uri(story.Url, UriKind.Relative)))
        {
            Assert.IsFalse(response.Headers.Contains("Set-Cookie"), "no antiforgery or other cookie for anonymous visitors");
        }
        var page = await client.GetPageAsync(story.Url);

        Assert.IsNull(SaveForm(page, story.Id));
        var link = page.QuerySelector(".member-actions a.login-to-act")!;
        StringAssert.StartsWith(link.TextContent, "Spara");
        Assert.AreEqual($"/mina-sidor/logga-in?ReturnUrl={Uri.EscapeDataString($"/mina-sidor/spara/{story.Id}?tillbaka={Uri.EscapeDataString(story.Url)}")}", link.GetAttribute("href"));
        Assert.IsNotNull((await client.GetPageAsync(link.GetAttribute("href")!)).QuerySelector("input[type='password']"), "the login form");
    }

    [TestMethod]
    public async Task Spara_while_signed_out_finishes_the_save_after_sign_in_with_one_confirmed_post()
    {
        var userId = await Factory.CreateUserAsync("spara-efter-inloggning@example.se", EHalsostodet.Core.Accounts.PortalRoles.Member);
        var client = Factory.CreateBrowserClient();
        var story = await PublishedAsync(Factory, ContentType.Story, skip: 5);
        var loginLink = (await client.GetPageAsync(story.Url)).QuerySelector(".member-actions a.login-to-act")!.GetAttribute("href")!;
        var returnUrl = Uri.UnescapeDataString(loginLink[(loginLink.IndexOf("ReturnUrl=", StringComparison.Ordinal) + "ReturnUrl=".Length)..]);

        using var signIn = await Accounts.MemberSteps.SignInAsync(client, "spara-efter-inloggning@example.se", PortalFactory.Password, returnUrl);
        Assert.AreEqual(HttpStatusCode.Redirect, signIn.StatusCode);
        var confirmUrl = signIn.Headers.Location!.OriginalString;
        Assert.AreEqual($"/mina-sidor/spara/{story.Id}?tillbaka={Uri.EscapeDataString(story.Url)}", confirmUrl);

        var confirm = await client.GetPageAsync(confirmUrl);
        Assert.IsFalse(await QueryAsync(Factory, db => db.SavedItems.AnyAsync(s => s.UserId == userId && s.ItemId == story.Id)), "a GET saves nothing");
        StringAssert.Contains(confirm.QuerySelector("main h1")!.TextContent, "Spara kommunberättelse?");
        StringAssert.Contains(confirm.QuerySelector("main")!.TextContent, story.Title);
        var form = confirm.QuerySelector("form.confirm-save")!;
        using var saved = await SubmitAsync(client, form, confirmUrl);

        Assert.AreEqual(HttpStatusCode.SeeOther, saved.StatusCode);
        Assert.AreEqual(story.Url, saved.Headers.Location!.OriginalString, "back to the story");
        Assert.IsTrue(await QueryAsync(Factory, db => db.SavedItems.AnyAsync(s => s.UserId == userId && s.ItemId == story.Id)));
        Assert.AreEqual("true", Pressed(SaveForm(await client.GetPageAsync(story.Url), story.Id)));
        StringAssert.Contains((await client.GetPageAsync(confirmUrl)).QuerySelector("main h1")!.TextContent, "Redan sparad");
    }

    [TestMethod]
    public async Task A_foreign_link_to_the_save_page_saves_nothing_and_cannot_send_the_member_elsewhere()
    {
        var (userId, client) = await MemberAsync(Factory, "spara-frammande@example.se");
        var story = await PublishedAsync(Factory, ContentType.Story, skip: 6);
        var url = $"/mina-sidor/spara/{story.Id}?tillbaka={Uri.EscapeDataString("//elak.example/falsk")}";

        var page = await client.GetPageAsync(url);

        Assert.IsFalse(await QueryAsync(Factory, db => db.SavedItems.AnyAsync(s => s.UserId == userId && s.ItemId == story.Id)));
        var form = page.QuerySelector("form.confirm-save")!;
        Assert.AreEqual(story.Url, form.QuerySelector("input[name='ReturnUrl']")!.GetAttribute("value"), "a foreign return address is replaced by the item's page");
        Assert.IsFalse(page.QuerySelectorAll("main a").Any(a => (a.GetAttribute("href") ?? "").Contains("elak.example", StringComparison.Ordinal)));
        using (var withoutToken = await client.PostAsync(new Uri("/mina-sidor/sparat?handler=Save", UriKind.Relative),
                   new FormUrlEncodedContent(new Dictionary<string, string> { ["ItemId"] = story.Id.ToString(), ["Saved"] = "true" })))
        {
            Assert.AreEqual(HttpStatusCode.BadRequest, withoutToken.StatusCode, "the save itself needs the antiforgery token");
        }
        Assert.IsFalse(await QueryAsync(Factory, db => db.SavedItems.AnyAsync(s => s.UserId == userId && s.ItemId == story.Id)));
        Assert.AreEqual(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/mina-sidor/spara/{Guid.NewGuid()}", UriKind.Relative))).StatusCode);
        using var anonymous = await Factory.CreateBrowserClient().GetAsync(new Uri(url, UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.Redirect, anonymous.StatusCode);
        StringAssert.Contains(anonymous.Headers.Location!.OriginalString, "/mina-sidor/logga-in");
    }

    [TestMethod]
    public async Task A_foreign_return_address_is_not_followed()
    {
        var (_, client) = await MemberAsync(Factory, "spara-retur@example.se");
        var story = await PublishedAsync(Factory, ContentType.Story, skip: 2);
        var page = await client.GetPageAsync(story.Url);

        using var response = await SubmitAsync(client, SaveForm(page, story.Id)!, story.Url, new Dictionary<string, string> { ["ReturnUrl"] = "//elak.example/falsk" });

        Assert.AreEqual(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.AreEqual("/mina-sidor/sparat", response.Headers.Location!.OriginalString);
    }

    [TestMethod]
    public async Task An_unpublished_item_cannot_be_saved_and_one_saved_before_shows_as_no_longer_published()
    {
        using var local = new PortalFactory();
        var (userId, client) = await MemberAsync(local, "avpublicerad@example.se");
        var story = await PublishedAsync(local, ContentType.Story, skip: 3);
        var other = await PublishedAsync(local, ContentType.Story, skip: 4);
        var page = await client.GetPageAsync(story.Url);
        var storyForm = SaveForm(page, story.Id)!;
        using (var saved = await ToggleSaveAsync(client, other.Url, other.Id))
        {
            Assert.AreEqual(HttpStatusCode.SeeOther, saved.StatusCode);
        }

        await UnpublishAsync(local, story.Id);
        await UnpublishAsync(local, other.Id);
        using var response = await SubmitAsync(client, storyForm, story.Url);

        Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode);
        Assert.IsFalse(await QueryAsync(local, db => db.SavedItems.AnyAsync(s => s.UserId == userId && s.ItemId == story.Id)));

        var list = await client.GetPageAsync("/mina-sidor/sparat");
        Assert.IsNull(list.QuerySelector($"a[href='{other.Url}']"));
        var gone = list.QuerySelector(".gone-item") ?? throw new AssertFailedException("Det avpublicerade syns inte.");
        StringAssert.Contains(gone.TextContent, "inte längre publicerad");
        Assert.IsFalse(gone.TextContent.Contains(other.Title, StringComparison.Ordinal));

        using var removed = await SubmitAsync(client, gone.QuerySelector("form")!, "/mina-sidor/sparat");
        Assert.AreEqual(HttpStatusCode.SeeOther, removed.StatusCode);
        Assert.IsFalse(await QueryAsync(local, db => db.SavedItems.AnyAsync(s => s.UserId == userId)));
        Assert.IsNull((await client.GetPageAsync("/mina-sidor/sparat")).QuerySelector(".gone-item"));
    }

    [TestMethod]
    public async Task The_saved_page_requires_sign_in()
    {
        using var response = await Factory.CreateBrowserClient().GetAsync(new Uri("/mina-sidor/sparat", UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode);
        StringAssert.Contains(response.Headers.Location!.OriginalString, "logga-in");
    }
}
