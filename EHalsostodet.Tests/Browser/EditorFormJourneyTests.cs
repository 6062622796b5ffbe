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
/// A form an editor can work in, in a real browser with JavaScript: rows added, moved and removed
/// without the page reloading or jumping, the initiative filter, the live preview that follows the
/// typing, "Spara" that stays in the editor with a confirmation, and no axe violations.
/// </summary>
// The browser runs once, on the embedded database: the database providers are the rest of the suite's concern.
[TestClass]
[TestCategory(Infrastructure.TestDatabase.SqliteOnly)]
public sealed partial class EditorFormJourneyTests : BrowserTestClass<EditorFormJourneyTests>
{
    private const string EditorEmail = "formular.webblasare@example.se";

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        await Portal.Factory.CreateUserAsync(EditorEmail, PortalRoles.Editor, "Frida Formulär");
    }

    private static Task<StoryDocument> LatestStoryAsync(Guid id) =>
        Portal.Factory.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            var item = await db.ContentItems.AsNoTracking().SingleAsync(i => i.Id == id);
            return ContentDocumentSerializer.Deserialize<StoryDocument>((await db.ContentVersions.AsNoTracking().SingleAsync(v => v.Id == item.LatestVersionId)).DocumentJson);
        });

    private static async Task<IPage> NewStoryAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await BrowserSteps.SignInToBackOfficeAsync(page, EditorEmail, Infrastructure.PortalFactory.Password);
        await page.GotoAsync("/redaktion/innehall/ny/story");
        return page;
    }

    private static ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    [TestMethod]
    public async Task A_row_is_added_moved_and_removed_without_a_reload_or_a_jump_and_Spara_stays_in_the_editor()
    {
        await using var context = await Chromium.NewContextAsync(Portal);
        var page = await NewStoryAsync(context);
        await page.Locator("#f-title").FillAsync("Rader i ordning i Flyttby");
        await page.Locator("#f-contacts-0-name").FillAsync("Anna Andersson");
        await page.Locator("#f-contacts-1-name").FillAsync("Bertil Berg");
        // Marks this very page: a reload or a navigation would lose it.
        await page.EvaluateAsync("() => { window.sammaSida = true; }");
        var rows = page.Locator("#f-contacts > fieldset.row");
        await Expect(rows).ToHaveCountAsync(2);

        await Button(page, "Fler rader för kontaktpersoner").ClickAsync();
        await Expect(rows).ToHaveCountAsync(4);
        await Expect(page.Locator("#f-contacts-2-name")).ToBeFocusedAsync();
        await Expect(page.Locator("#editor-announcer")).ToHaveTextAsync("Två tomma rader är tillagda.");
        await page.Locator("#f-contacts-2-name").FillAsync("Cecilia Ceder");

        await Button(page, "Flytta upp kontaktperson 3").ClickAsync();
        await Expect(page.Locator("#f-contacts-1-name")).ToHaveValueAsync("Cecilia Ceder");
        await Expect(page.Locator("#f-contacts-2-name")).ToHaveValueAsync("Bertil Berg");
        // Focus stays on the moved row's button, so it can be pressed again.
        await Expect(page.Locator("#f-contacts-1 button[value='up:contacts:1']")).ToBeFocusedAsync();
        await Expect(page.Locator("#editor-announcer")).ToHaveTextAsync("Raden är flyttad upp.");

        await Button(page, "Ta bort kontaktperson 1").ClickAsync();
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(page.Locator("#f-contacts-0-name")).ToHaveValueAsync("Cecilia Ceder");
        await Expect(page.Locator("#f-contacts-0-name")).ToBeFocusedAsync();
        await Expect(page.Locator("#f-contacts-1-name")).ToHaveValueAsync("Bertil Berg");

        Assert.IsTrue(await page.EvaluateAsync<bool>("() => window.sammaSida === true"), "the page was not reloaded");
        Assert.IsGreaterThan(1000, await page.EvaluateAsync<double>("() => window.scrollY"), "the page did not jump to the top");
        await Expect(page).ToHaveURLAsync(new Regex("/redaktion/innehall/ny/story$"));
        await Expect(page.Locator("#f-title")).ToHaveValueAsync("Rader i ordning i Flyttby");

        await page.Locator("button[name='editorAction'][value='save']").ClickAsync();
        await Expect(page).ToHaveURLAsync(ItemEditor());
        await Expect(page.Locator("#editor-saved[role='status']")).ToContainTextAsync("Sparat som version 1.");
        await Expect(page.Locator("#f-contacts-0-name")).ToHaveValueAsync("Cecilia Ceder");
        var id = Guid.Parse(ItemEditor().Match(page.Url).Groups[1].Value);
        var story = await LatestStoryAsync(id);
        CollectionAssert.AreEqual(new[] { "Cecilia Ceder", "Bertil Berg" }, story.Contacts.Select(c => c.Name).ToArray());
    }

    [TestMethod]
    public async Task The_initiative_filter_and_the_live_preview_follow_the_typing_and_the_editor_has_no_axe_violations()
    {
        await using var context = await Chromium.NewContextAsync(Portal);
        await Axe.InstallAsync(context);
        var page = await NewStoryAsync(context);

        // The live preview beside the form shows the page as typed.
        var preview = page.FrameLocator("#live-preview-frame");
        await Expect(page.Locator("#live-preview")).ToBeVisibleAsync();
        await page.Locator("#f-title").PressSequentiallyAsync("Förhandsvisad i Skrivby");
        await Expect(preview.Locator("h1")).ToHaveTextAsync("Förhandsvisad i Skrivby");
        await page.Locator("#f-summary-text").FillAsync("Det här är **viktigt** för personalen.");
        await Expect(preview.Locator("strong", new() { HasTextString = "viktigt" })).ToBeVisibleAsync();
        await Button(page, "Mobil").ClickAsync();
        await Expect(Button(page, "Mobil")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(Button(page, "Dator")).ToHaveAttributeAsync("aria-pressed", "false");
        Assert.AreEqual(375, await page.Locator("#live-preview-frame").EvaluateAsync<int>("frame => frame.contentWindow.innerWidth"));
        await Button(page, "Dator").ClickAsync();
        Assert.AreEqual(1280, await page.Locator("#live-preview-frame").EvaluateAsync<int>("frame => frame.contentWindow.innerWidth"));

        // The initiative checkboxes narrow to what is typed; the chosen one stays in view and is saved.
        var picker = page.Locator("#f-summary-initiativeIds");
        var boxes = picker.Locator(".initiative-choices .choice");
        var all = await boxes.CountAsync();
        var firstName = (await boxes.First.Locator("label").InnerTextAsync()).Trim();
        var word = firstName.Split(' ', StringSplitOptions.RemoveEmptyEntries).OrderByDescending(w => w.Length).First();
        var matching = await boxes.Filter(new() { HasTextString = word }).CountAsync();
        Assert.IsLessThan(all, matching, $"'{word}' narrows the list");
        await picker.GetByLabel("Filtrera initiativen").FillAsync(word.ToUpperInvariant());
        await Expect(boxes.Filter(new() { Visible = true })).ToHaveCountAsync(matching);
        await Expect(picker.Locator(".initiative-filter-count")).ToContainTextAsync($"{matching} av {all} initiativ visas");
        await picker.GetByLabel(firstName, new() { Exact = true }).CheckAsync();
        await picker.GetByLabel("Filtrera initiativen").FillAsync("zzzz-inget-initiativ");
        await Expect(boxes.Filter(new() { Visible = true })).ToHaveCountAsync(1);
        await Expect(picker.GetByLabel(firstName, new() { Exact = true })).ToBeCheckedAsync();

        await Axe.AssertNoViolationsAsync(page, "redigeraren med förhandsvisning och filter");
        await Screenshots.SaveAsync(TestContext, page, "redigerare-med-forhandsvisning");

        await page.Locator("button[name='editorAction'][value='save']").ClickAsync();
        await Expect(page).ToHaveURLAsync(ItemEditor());
        await Expect(page.Locator("#editor-saved")).ToContainTextAsync("Du är kvar i formuläret");
        await Axe.AssertNoViolationsAsync(page, "redigeraren efter Spara");
        var story = await LatestStoryAsync(Guid.Parse(ItemEditor().Match(page.Url).Groups[1].Value));
        Assert.HasCount(1, story.Summary.InitiativeIds);
        Assert.AreEqual("Förhandsvisad i Skrivby", story.Title);
    }

    /// <summary>Where "Spara" leads: back to the item's editor.</summary>
    [GeneratedRegex(@"/redaktion/innehall/([0-9a-f-]{36})/redigera$")]
    private static partial Regex ItemEditor();
}
