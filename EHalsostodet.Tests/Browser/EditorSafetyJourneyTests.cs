using System.Text.RegularExpressions;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EHalsostodet.Tests.Browser;

/// <summary>
/// Editors never lose work, in a real browser: two editors save the same page and the second
/// merges without losing either text; leaving a changed form warns; a session that ends while
/// typing gives the text back after signing in again.
/// </summary>
// The browser runs once, on the embedded database: the database providers are the rest of the suite's concern.
[TestClass]
[TestCategory(Infrastructure.TestDatabase.SqliteOnly)]
public sealed partial class EditorSafetyJourneyTests : BrowserTestClass<EditorSafetyJourneyTests>
{
    private const string FirstEmail = "forsta.webblasare@example.se";
    private const string SecondEmail = "andra.webblasare@example.se";

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        await Portal.Factory.CreateUserAsync(FirstEmail, PortalRoles.Editor, "Fia Först");
        await Portal.Factory.CreateUserAsync(SecondEmail, PortalRoles.Editor, "Sam Sist");
    }

    private static Task<Guid> PageIdAsync(int skip) =>
        Portal.Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().ContentItems
            .Where(i => i.Type == ContentType.Page).OrderBy(i => i.Slug).Skip(skip).Select(i => i.Id).FirstAsync());

    private static Task<PageDocument> LatestAsync(Guid id) =>
        Portal.Factory.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            var item = await db.ContentItems.AsNoTracking().SingleAsync(i => i.Id == id);
            return ContentDocumentSerializer.Deserialize<PageDocument>((await db.ContentVersions.AsNoTracking().SingleAsync(v => v.Id == item.LatestVersionId)).DocumentJson);
        });

    private static async Task<IPage> SignedInAsync(IBrowserContext context, string email)
    {
        var page = await context.NewPageAsync();
        await BrowserSteps.SignInToBackOfficeAsync(page, email, Infrastructure.PortalFactory.Password);
        return page;
    }

    /// <summary>Types as a person does (key by key), so the browser counts it as the user's own input.</summary>
    private static async Task TypeAsync(IPage page, string selector, string text)
    {
        var field = page.Locator(selector);
        await field.ClickAsync();
        await field.PressAsync("Control+End");
        await field.PressSequentiallyAsync(text);
    }

    [TestMethod]
    public async Task Two_editors_save_the_same_page_and_the_second_merges_without_losing_either_text()
    {
        var id = await PageIdAsync(0);
        var editUrl = $"/redaktion/innehall/{id}/redigera";
        await using var firstContext = await Chromium.NewContextAsync(Portal);
        await using var secondContext = await Chromium.NewContextAsync(Portal);
        await Axe.InstallAsync(secondContext);
        var first = await SignedInAsync(firstContext, FirstEmail);
        var second = await SignedInAsync(secondContext, SecondEmail);
        await first.GotoAsync(editUrl);
        await second.GotoAsync(editUrl);

        await first.Locator("#f-title").FillAsync("Titel från Fia");
        await TypeAsync(first, "#f-body", " Fias mening.");
        await first.Locator("button[name='editorAction'][value='save']").ClickAsync();
        await Expect(first).ToHaveURLAsync(new Regex($"/redaktion/innehall/{id}/redigera$"));

        await TypeAsync(second, "#f-body", " Sams mening.");
        await second.Locator("button[name='editorAction'][value='save']").ClickAsync();
        await Expect(second).ToHaveURLAsync(new Regex($"/redaktion/innehall/{id}/konflikt$"));
        await Expect(second.Locator("h1")).ToContainTextAsync("Sammanfoga dina ändringar");
        var body = second.Locator("fieldset.merge-field[data-field='body']");
        await Expect(body.Locator("legend")).ToHaveTextAsync("Brödtext");
        await Expect(body.Locator(".merge-theirs ins")).ToContainTextAsync("Fias");
        await Expect(body.Locator(".merge-yours ins")).ToContainTextAsync("Sams");
        await Expect(second.Locator("#andra-andrade + .table-wrap th[data-field='title']")).ToHaveTextAsync("Titel");
        await Axe.AssertNoViolationsAsync(second, "konfliktsidan");

        // The comparison of versions and Back: the conflict page is an ordinary page that comes back.
        await second.GetByRole(AriaRole.Link, new() { Name = "Jämför version" }).ClickAsync();
        await Expect(second).ToHaveURLAsync(new Regex("/jamfor"));
        await second.GoBackAsync();
        await Expect(second.Locator("h1")).ToContainTextAsync("Sammanfoga dina ändringar");

        await body.GetByLabel("Skriv en ny text nedan").CheckAsync();
        var own = body.Locator("textarea, input[type='text']");
        await own.FillAsync((await own.InputValueAsync()).Trim() + " Fias mening.");
        await second.GetByRole(AriaRole.Button, new() { Name = "Spara sammanfogad version" }).ClickAsync();
        await Expect(second).ToHaveURLAsync(new Regex($"/redaktion/innehall/{id}$"));
        await Expect(second.Locator("main [role='status']")).ToContainTextAsync("sammanfogade");

        var saved = await LatestAsync(id);
        Assert.AreEqual("Titel från Fia", saved.Title);
        StringAssert.Contains(saved.Body, "Sams mening.");
        StringAssert.Contains(saved.Body, "Fias mening.");
    }

    [TestMethod]
    public async Task Leaving_a_changed_form_warns_and_leaving_an_unchanged_or_saved_one_does_not()
    {
        var id = await PageIdAsync(1);
        var editUrl = $"/redaktion/innehall/{id}/redigera";
        await using var context = await Chromium.NewContextAsync(Portal);
        var page = await SignedInAsync(context, FirstEmail);
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Type);
            await dialog.DismissAsync();
        };

        await page.GotoAsync(editUrl);
        await page.GetByRole(AriaRole.Link, new() { Name = "Avbryt" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/redaktion/innehall/{id}$"));
        Assert.IsEmpty(dialogs, "an unchanged form is left without a question");

        await page.GotoAsync(editUrl);
        await TypeAsync(page, "#f-body", " Osparad mening.");
        var warned = new TaskCompletionSource<string>();
        page.Dialog += (_, dialog) => warned.TrySetResult(dialog.Type);
        await page.GetByRole(AriaRole.Link, new() { Name = "Avbryt" }).ClickAsync();
        Assert.AreEqual("beforeunload", await warned.Task.WaitAsync(TimeSpan.FromSeconds(20)));
        // Staying (the question dismissed) keeps the page and the text.
        await Expect(page).ToHaveURLAsync(new Regex("/redigera$"));
        await Expect(page.Locator("#f-body")).ToHaveValueAsync(new Regex("Osparad mening\\.$"));

        await page.Locator("button[name='editorAction'][value='save']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/redaktion/innehall/{id}/redigera$"));
        Assert.HasCount(1, dialogs, "saving leaves without a question");
        StringAssert.Contains((await LatestAsync(id)).Body, "Osparad mening.");
    }

    [TestMethod]
    public async Task A_session_that_ends_while_typing_gives_the_text_back_after_signing_in_again()
    {
        var id = await PageIdAsync(2);
        var editUrl = $"/redaktion/innehall/{id}/redigera";
        await using var context = await Chromium.NewContextAsync(Portal);
        var page = await SignedInAsync(context, SecondEmail);
        await page.GotoAsync(editUrl);
        await TypeAsync(page, "#f-body", " Text som inte får gå förlorad.");

        // Another tab of the same browser signs out, which ends the session.
        var otherTab = await context.NewPageAsync();
        await otherTab.GotoAsync("/redaktion");
        await otherTab.Locator("form.signout button").ClickAsync();
        await Expect(otherTab).Not.ToHaveURLAsync(new Regex("/redaktion$"));
        await otherTab.CloseAsync();

        await page.Locator("button[name='editorAction'][value='save']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/redaktion/logga-in"));
        await Expect(page.Locator("#form-kept")).ToContainTextAsync("Texten är sparad som en kopia");

        await page.Locator("#Email").FillAsync(SecondEmail);
        await page.Locator("#Password").FillAsync(Infrastructure.PortalFactory.Password);
        await page.Locator("main form button[type='submit']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"{Regex.Escape(editUrl)}$"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Återställ det du skrev" }).ClickAsync();
        await Expect(page.Locator("#f-body")).ToHaveValueAsync(new Regex("Text som inte får gå förlorad\\.$"));
        await page.Locator("button[name='editorAction'][value='save']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/redaktion/innehall/{id}/redigera$"));
        await Expect(page.Locator("#editor-saved[role='status']")).ToContainTextAsync("Sparat som version");
        StringAssert.Contains((await LatestAsync(id)).Body, "Text som inte får gå förlorad.");
    }
}
