using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EHalsostodet.Tests.Browser;

/// <summary>
/// Finding and reading on a phone (390 px) and a desktop (1280 px): the hits come first, suggestions
/// are chosen with the keyboard, and a long story opens step by step with sharing near its top.
/// Every state is scanned with axe.
/// </summary>
// The browser runs once, on the embedded database: the database providers are the rest of the suite's concern.
[TestClass]
[TestCategory(Infrastructure.TestDatabase.SqliteOnly)]
public sealed partial class FindAndReadJourneyTests : BrowserTestClass<FindAndReadJourneyTests>
{
    private const string StoryPath = "/berattelser/digital-nattillsyn-i-storkoping";

    private static readonly ViewportSize Phone = Chromium.Phone;
    private static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };

    public TestContext TestContext { get; set; } = null!;

    private static async Task<IPage> OpenAsync(bool phone)
    {
        var context = await Chromium.NewContextAsync(Portal, phone ? Phone : Desktop);
        await Axe.InstallAsync(context);
        return await context.NewPageAsync();
    }

    private static async Task<double> TopAsync(ILocator locator) => (await locator.BoundingBoxAsync())!.Y;

    [TestMethod]
    [DataRow(true)]
    [DataRow(false)]
    public async Task The_first_hit_is_on_the_first_screen_and_the_filters_open_and_close(bool phone)
    {
        var page = await OpenAsync(phone);
        var width = phone ? "mobil" : "dator";
        await page.GotoAsync("/sok?q=trygghetslarm");

        var firstHit = page.Locator("ol.search-hits > li").First;
        await Expect(firstHit.Locator(".card-title a")).ToBeInViewportAsync();
        var box = (await firstHit.Locator(".card-title").BoundingBoxAsync())!;
        Assert.IsTrue(box.Y + box.Height <= (phone ? Phone : Desktop).Height, $"första träffens rubrik slutar vid {box.Y + box.Height} px ({width})");
        await Expect(firstHit.Locator(".hit-type")).ToHaveTextAsync("Kommunberättelse");
        await Expect(firstHit.Locator(".outcome")).ToHaveTextAsync(OutcomeLabel());
        await Expect(firstHit.Locator("time")).ToBeVisibleAsync();
        await Expect(page.Locator("[role='search']")).ToHaveCountAsync(1);

        // From the search box the keyboard reaches the first hit in a few presses, past the filters.
        await page.Locator("#search-q").FocusAsync();
        await KeyboardFocus.TabToAsync(page, "länken Hoppa till träffarna", f => f.Text == "Hoppa till träffarna", maxTabs: 3);
        await page.Keyboard.PressAsync("Enter");
        var afterSkip = await KeyboardFocus.TabToAsync(page, "första träffen", _ => true, maxTabs: 1);
        Assert.AreEqual(await firstHit.Locator(".card-title a").GetAttributeAsync("href"), afterSkip.Href);

        var summary = page.Locator("details.search-filters > summary");
        var firstFacet = page.Locator("fieldset.facet").First;
        if (phone)
        {
            await Expect(firstFacet).Not.ToBeVisibleAsync();
            await Axe.AssertNoViolationsAsync(page, $"sökträffar med stängda filter ({width})");
            await summary.ClickAsync();
            await Expect(firstFacet).ToBeVisibleAsync();
        }
        else
        {
            // Beside the hits and open, without a control to open them.
            await Expect(summary).Not.ToBeVisibleAsync();
            await Expect(firstFacet).ToBeVisibleAsync();
            var filters = (await page.Locator("details.search-filters").BoundingBoxAsync())!;
            var hits = (await page.Locator("#traffar").BoundingBoxAsync())!;
            Assert.IsTrue(filters.X + filters.Width <= hits.X, "filtren står bredvid träffarna");
        }
        await Screenshots.SaveAsync(TestContext, page, $"sok-filter-oppna-{width}");
        await Axe.AssertNoViolationsAsync(page, $"sökträffar med öppna filter ({width})");

        // Choosing a filter shows it as a chip, counted on the summary; the chip takes it away again.
        var box0 = firstFacet.Locator("input[type='checkbox']").First;
        await box0.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Visa träffar" }).ClickAsync();
        await Expect(page.Locator(".chips a.chip")).ToHaveCountAsync(1);
        if (phone)
        {
            await Expect(summary).ToHaveTextAsync("Filtrera (1 valda)");
        }
        await Axe.AssertNoViolationsAsync(page, $"sökträffar med ett valt filter ({width})");
        await page.Locator(".chips a.chip").ClickAsync();
        await Expect(page.Locator(".chips")).ToHaveCountAsync(0);
        await Expect(page.Locator("fieldset.facet input:checked")).ToHaveCountAsync(0);
    }

    [TestMethod]
    [DataRow(true)]
    [DataRow(false)]
    public async Task Suggestions_appear_while_typing_and_are_chosen_with_the_keyboard_alone(bool phone)
    {
        var page = await OpenAsync(phone);
        var width = phone ? "mobil" : "dator";
        await page.GotoAsync("/");
        var box = page.Locator("#start-q");
        await KeyboardFocus.TabToAsync(page, "sökrutan", f => f.Tag == "input");
        await page.Keyboard.TypeAsync("trygg");

        var list = page.Locator("#start-q-forslag");
        await Expect(list).ToBeVisibleAsync();
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(box).ToHaveAttributeAsync("role", "combobox");
        var options = list.Locator("[role='option']");
        Assert.IsTrue(await options.CountAsync() > 0);
        await Expect(page.Locator("main [role='status']").Filter(new() { HasText = "förslag" })).ToHaveTextAsync(SuggestionCount());
        await Screenshots.SaveAsync(TestContext, page, $"forslag-{width}");
        await Axe.AssertNoViolationsAsync(page, $"förslag medan man skriver ({width})");

        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(options.First).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(box).ToHaveAttributeAsync("aria-activedescendant", (await options.First.GetAttributeAsync("id"))!);
        await page.Keyboard.PressAsync("Escape");
        await Expect(list).Not.ToBeVisibleAsync();
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "false");

        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(list).ToBeVisibleAsync();
        var tag = options.Filter(new() { HasText = "Tagg" }).First;
        var tagText = (await tag.InnerTextAsync()).Replace("Tagg", "", StringComparison.Ordinal).Trim();
        while (await tag.GetAttributeAsync("aria-selected") != "true")
        {
            await page.Keyboard.PressAsync("ArrowDown");
        }
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(TagPage());
        await Expect(page.Locator("h1")).ToHaveTextAsync(tagText);

        // The header's box on every other page suggests too.
        await page.GotoAsync("/berattelser");
        await page.Locator("#header-q").FocusAsync();
        await page.Keyboard.TypeAsync("storkö");
        var place = page.Locator("#header-q-forslag [role='option']").Filter(new() { HasText = "Kommun" }).First;
        await Expect(place).ToBeVisibleAsync();
        while (await place.GetAttributeAsync("aria-selected") != "true")
        {
            await page.Keyboard.PressAsync("ArrowDown");
        }
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(SearchForStorkoping());
        await Expect(page.Locator("#search-q")).ToHaveValueAsync("Storköping");
    }

    [TestMethod]
    [DataRow(true)]
    [DataRow(false)]
    public async Task A_story_offers_sharing_near_its_top_and_opens_each_step_on_demand(bool phone)
    {
        var page = await OpenAsync(phone);
        var width = phone ? "mobil" : "dator";
        var screen = (phone ? Phone : Desktop).Height;
        await page.GotoAsync(StoryPath);

        var share = page.Locator("details.share-and-download");
        Assert.IsTrue(await TopAsync(share) < 2 * screen, $"Dela / Ladda ner står vid {await TopAsync(share)} px ({width})");
        await share.Locator("summary").ClickAsync();
        await Expect(share.GetByRole(AriaRole.Link, new() { Name = "Ladda ner PDF" })).ToBeVisibleAsync();

        var steps = page.Locator(".process-step > details");
        await Expect(steps).ToHaveCountAsync(5);
        var firstContent = steps.First.Locator("dl");
        await Expect(firstContent).Not.ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page, $"berättelse med stängda steg ({width})");

        var firstSummary = steps.First.Locator("summary");
        await firstSummary.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(firstContent).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(firstContent).Not.ToBeVisibleAsync();

        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Öppna alla steg" });
        await toggle.ClickAsync();
        for (var i = 0; i < 5; i++)
        {
            await Expect(steps.Nth(i).Locator("dl")).ToBeVisibleAsync();
        }
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Stäng alla steg" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(TestContext, page, $"berattelse-oppna-steg-{width}");
        await Axe.AssertNoViolationsAsync(page, $"berättelse med öppna steg ({width})");
        await page.GetByRole(AriaRole.Button, new() { Name = "Stäng alla steg" }).ClickAsync();
        await Expect(steps.Nth(4).Locator("dl")).Not.ToBeVisibleAsync();

        // A link to a step opens it.
        await page.Locator("nav.toc a[href^='#steg-']").Nth(3).ClickAsync();
        await Expect(steps.Nth(3).Locator("dl")).ToBeVisibleAsync();

        // The table of contents stays at hand: beside the text on a desktop, one jump away on a phone.
        await page.Locator("#kontakt").ScrollIntoViewIfNeededAsync();
        if (phone)
        {
            var jump = page.Locator("a.toc-jump");
            await Expect(jump).ToBeInViewportAsync();
            await jump.ClickAsync();
            await Expect(page.Locator("nav.toc")).ToBeInViewportAsync();
        }
        else
        {
            await Expect(page.Locator("nav.toc")).ToBeInViewportAsync();
        }

        // A wide table scrolls in a labelled, focusable region, and says so where it is wider than the screen.
        var table = page.Locator(".table-wrap").First;
        await Expect(table).ToHaveAttributeAsync("tabindex", "0");
        await Expect(table).ToHaveAttributeAsync("aria-label", LabelledTable());
        var overflows = await table.EvaluateAsync<bool>("e => e.scrollWidth > e.clientWidth + 1");
        var hint = page.Locator("#" + await table.GetAttributeAsync("aria-describedby"));
        if (overflows)
        {
            await Expect(hint).ToBeVisibleAsync();
        }
        else
        {
            await Expect(hint).Not.ToBeVisibleAsync();
        }

        // On paper every step is open.
        await page.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Print });
        await Expect(steps.Nth(0).Locator("dl")).ToBeVisibleAsync();
        await Expect(steps.Nth(4).Locator("dl")).ToBeVisibleAsync();
    }

    [GeneratedRegex("^(Lyckat|Delvis lyckat|Mindre lyckat)$")]
    private static partial Regex OutcomeLabel();

    [GeneratedRegex(@"^\d+ förslag\.")]
    private static partial Regex SuggestionCount();

    [GeneratedRegex("/taggar/[a-z0-9-]+$")]
    private static partial Regex TagPage();

    [GeneratedRegex("/sok\\?q=Stork")]
    private static partial Regex SearchForStorkoping();

    [GeneratedRegex("^Mätta indikatorer: ")]
    private static partial Regex LabelledTable();
}
