using System.Net;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.BackOffice.Editing;

/// <summary>
/// The editor's unsaved text: kept by autosave, kept when the form arrives after the session ended
/// (signed out in another tab, timed out), offered back after signing in ("Återställ det du skrev"),
/// and never shown to another account.
/// </summary>
[TestClass]
public sealed class EditorDraftTests : PortalTestClass<EditorDraftTests>
{
    private const string WriterEmail = "skribent.utkast@example.se";
    private const string OtherEmail = "annan.utkast@example.se";

    private static readonly TestClock Clock = new(DateTimeOffset.UtcNow);

    private protected override PortalFactory CreatePortal() => new(clock: Clock);

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        await Factory.CreateUserAsync(WriterEmail, PortalRoles.Editor, "Siv Skribent");
        await Factory.CreateUserAsync(OtherEmail, PortalRoles.Editor, "Anna Annan");
    }

    private static Task<Guid> PageIdAsync(int skip) =>
        Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().ContentItems
            .Where(i => i.Type == ContentType.Page).OrderBy(i => i.Slug).Skip(skip).Select(i => i.Id).FirstAsync());

    private static Task<ContentVersion> LatestAsync(Guid id) =>
        Factory.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            var item = await db.ContentItems.AsNoTracking().SingleAsync(i => i.Id == id);
            return await db.ContentVersions.AsNoTracking().SingleAsync(v => v.Id == item.LatestVersionId);
        });

    private static Task<int> DraftCountAsync(string target) =>
        Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().EditorDrafts.CountAsync(d => d.Target.EndsWith(target)));

    private static Task<HttpResponseMessage> AutosaveAsync(HttpClient client, EditingBrowserForm form) =>
        client.PostAsync(new Uri(form.Url.Split('?')[0] + "?handler=Autosave", UriKind.Relative), new FormUrlEncodedContent(form.Fields));

    /// <summary>After a lost session: the save went to the login form, which says the text is kept.</summary>
    private static async Task AssertKeptAndSentToLoginAsync(HttpResponseMessage response, string editUrl)
    {
        Assert.AreEqual(HttpStatusCode.SeeOther, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.AreEqual($"/redaktion/logga-in?ReturnUrl={Uri.EscapeDataString(editUrl)}&sparat=1", location);
        var login = await Factory.CreateBrowserClient().GetPageAsync(location);
        StringAssert.Contains(login.QuerySelector("#form-kept")!.TextContent, "Texten är sparad som en kopia");
    }

    /// <summary>Signing in again and restoring gives the text back, and Spara saves it.</summary>
    private static async Task AssertRestoredAndSavedAsync(string editUrl, Guid id, string field, string text)
    {
        var again = await Factory.SignInAsync(WriterEmail);
        var page = await again.GetPageAsync(editUrl);
        var offer = page.QuerySelector("#draft-offer")!;
        var restore = offer.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Återställ det du skrev");
        var restored = await EditingBrowserForm.LoadAsync(again, restore.GetAttribute("href")!);
        Assert.AreEqual(text, restored.Value(field).Trim());
        Assert.IsNotNull(restored.Page.QuerySelector("#draft-restored"));
        Assert.AreEqual("true", restored.Page.QuerySelector("form#editor-form")!.GetAttribute("data-unsaved"));

        using var saved = await restored.SubmitAsync(again);
        Assert.AreEqual(HttpStatusCode.SeeOther, saved.StatusCode, await saved.Content.ReadAsStringAsync());
        StringAssert.Contains((await LatestAsync(id)).DocumentJson, text);
        Assert.IsNull((await again.GetPageAsync(editUrl)).QuerySelector("#draft-offer"), "a saved draft is gone");
    }

    [TestMethod]
    public async Task A_save_after_signing_out_in_another_tab_lands_on_the_login_form_and_the_text_comes_back()
    {
        var id = await PageIdAsync(0);
        var editUrl = $"/redaktion/innehall/{id}/redigera";
        var client = await Factory.SignInAsync(WriterEmail);
        var form = (await EditingBrowserForm.LoadAsync(client, editUrl)).Set("body", "Text skriven innan utloggningen i en annan flik.");
        var before = await LatestAsync(id);

        // The other tab: the same browser signs out, which ends the session and removes the cookie.
        using (var signOut = await Forms.PostAsync(client, "/redaktion/logga-ut", new Dictionary<string, string>()))
        {
            Assert.AreEqual(HttpStatusCode.Redirect, signOut.StatusCode);
        }
        using var response = await form.SubmitAsync(client);
        await AssertKeptAndSentToLoginAsync(response, editUrl);
        Assert.AreEqual(before.Id, (await LatestAsync(id)).Id, "no version without a session");

        // Another editor signing in on the same computer sees nothing of it.
        var other = await Factory.SignInAsync(OtherEmail);
        var othersPage = await other.GetPageAsync(editUrl);
        Assert.IsNull(othersPage.QuerySelector("#draft-offer"));
        Assert.IsFalse((await other.GetStringAsync(new Uri(editUrl + "?utkast=1", UriKind.Relative))).Contains("innan utloggningen", StringComparison.Ordinal));

        await AssertRestoredAndSavedAsync(editUrl, id, "body", "Text skriven innan utloggningen i en annan flik.");
    }

    [TestMethod]
    public async Task A_save_after_the_session_timed_out_keeps_the_text_of_a_new_story_too()
    {
        var client = await Factory.SignInAsync(WriterEmail);
        const string newUrl = "/redaktion/innehall/ny/page";
        var form = (await EditingBrowserForm.LoadAsync(client, newUrl))
            .Set("title", "Sida skriven medan sessionen löpte ut").Set("body", "Brödtext som inte får försvinna.");

        Clock.Advance(TimeSpan.FromHours(9));
        using (var expired = await client.GetAsync(new Uri("/redaktion", UriKind.Relative)))
        {
            Assert.AreEqual(HttpStatusCode.Redirect, expired.StatusCode, "the session has timed out");
        }
        using var response = await form.SubmitAsync(client);
        await AssertKeptAndSentToLoginAsync(response, newUrl);

        var again = await Factory.SignInAsync(WriterEmail);
        var offer = (await again.GetPageAsync(newUrl)).QuerySelector("#draft-offer")!;
        var restored = await EditingBrowserForm.LoadAsync(again, offer.QuerySelector("a")!.GetAttribute("href")!);
        Assert.AreEqual("Sida skriven medan sessionen löpte ut", restored.Value("title"));
        using var saved = await restored.SubmitAsync(again);
        Assert.AreEqual(HttpStatusCode.SeeOther, saved.StatusCode, await saved.Content.ReadAsStringAsync());
        var id = EditingBrowserForm.SavedItemId(saved);
        StringAssert.Contains((await LatestAsync(id)).DocumentJson, "Brödtext som inte får försvinna.");
        Assert.AreEqual(0, await DraftCountAsync("page:ny-"));
    }

    [TestMethod]
    public async Task Autosave_keeps_the_form_for_its_writer_only_until_it_is_saved_or_thrown_away()
    {
        var id = await PageIdAsync(1);
        var editUrl = $"/redaktion/innehall/{id}/redigera";
        var client = await Factory.SignInAsync(WriterEmail);
        var form = await EditingBrowserForm.LoadAsync(client, editUrl);

        // Unchanged, the form is no draft.
        using (var unchanged = await AutosaveAsync(client, form))
        {
            Assert.AreEqual(HttpStatusCode.NoContent, unchanged.StatusCode);
        }
        Assert.AreEqual(0, await DraftCountAsync(id.ToString()));

        form.Set("body", "Autosparad text.").Set("changeNote", "Halvvägs");
        using (var autosaved = await AutosaveAsync(client, form))
        {
            Assert.AreEqual(HttpStatusCode.NoContent, autosaved.StatusCode);
        }
        Assert.AreEqual(1, await DraftCountAsync(id.ToString()));
        var offerPage = await client.GetPageAsync(editUrl);
        Assert.IsNotNull(offerPage.QuerySelector("#draft-offer"));
        Assert.AreNotEqual("Autosparad text.", offerPage.QuerySelector("#f-body")!.TextContent.Trim(), "the form shows the latest version until restored");
        var restored = await EditingBrowserForm.LoadAsync(client, editUrl + "?utkast=1");
        Assert.AreEqual("Autosparad text.", restored.Value("body").Trim());
        Assert.AreEqual("Halvvägs", restored.Value("changeNote"));

        var other = await Factory.SignInAsync(OtherEmail);
        Assert.IsNull((await other.GetPageAsync(editUrl)).QuerySelector("#draft-offer"));

        // "Släng kopian" removes it.
        var discard = offerPage.QuerySelector("#draft-offer form")!;
        using (var discarded = await client.PostAsync(new Uri(discard.GetAttribute("action")!, UriKind.Relative), new FormUrlEncodedContent(
            [new("__RequestVerificationToken", discard.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!)])))
        {
            Assert.AreEqual(HttpStatusCode.SeeOther, discarded.StatusCode);
        }
        Assert.AreEqual(0, await DraftCountAsync(id.ToString()));
        Assert.IsNull((await client.GetPageAsync(editUrl)).QuerySelector("#draft-offer"));
    }

    [TestMethod]
    public async Task A_form_without_its_writers_token_is_not_kept_and_another_account_cannot_read_it()
    {
        var id = await PageIdAsync(2);
        var editUrl = $"/redaktion/innehall/{id}/redigera";
        var client = await Factory.SignInAsync(WriterEmail);
        var form = (await EditingBrowserForm.LoadAsync(client, editUrl)).Set("body", "Text med ändrad token.");
        var anonymous = Factory.CreateBrowserClient();

        foreach (var token in new[] { "", "inte-en-token", form.Value("draftOwner")[..^4] + "AAAA" })
        {
            form.Set("draftOwner", token);
            using var response = await form.SubmitAsync(anonymous);
            Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode, token);
            Assert.IsFalse(response.Headers.Location!.OriginalString.Contains("sparat=1", StringComparison.Ordinal));
        }
        Assert.AreEqual(0, await DraftCountAsync(id.ToString()));

        // A token for another item is not used for this one.
        var otherForm = await EditingBrowserForm.LoadAsync(client, $"/redaktion/innehall/{await PageIdAsync(0)}/redigera");
        form.Set("draftOwner", otherForm.Value("draftOwner"));
        using (var wrongItem = await form.SubmitAsync(anonymous))
        {
            Assert.AreEqual(HttpStatusCode.Redirect, wrongItem.StatusCode);
        }
        Assert.AreEqual(0, await DraftCountAsync(id.ToString()));

        // Posted while another editor is signed in in the same browser: kept for the writer, not shown to the other.
        var other = await Factory.SignInAsync(OtherEmail);
        var writersForm = await EditingBrowserForm.LoadAsync(client, editUrl);
        writersForm.Set("body", "Skrivet av skribenten.");
        using (var kept = await writersForm.SubmitAsync(other))
        {
            await AssertKeptAndSentToLoginAsync(kept, editUrl);
        }
        Assert.IsNull((await other.GetPageAsync(editUrl)).QuerySelector("#draft-offer"));
        StringAssert.Contains((await client.GetStringAsync(new Uri(editUrl + "?utkast=1", UriKind.Relative))), "Skrivet av skribenten.");
    }
}
