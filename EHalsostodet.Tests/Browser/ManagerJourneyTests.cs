using System.Text.RegularExpressions;
using EHalsostodet.Core.Accounts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EHalsostodet.Tests.Browser;

/// <summary>A manager in social services finds, reads, keeps and exports a municipal story in a real browser.</summary>
// The browser runs once, on the embedded database: the database providers are the rest of the suite's concern.
[TestClass]
[TestCategory(Infrastructure.TestDatabase.SqliteOnly)]
public sealed partial class ManagerJourneyTests : BrowserTestClass<ManagerJourneyTests>
{
    private const string ManagerEmail = "chef@example.se";
    private const string KeyboardManagerEmail = "chef.tangentbord@example.se"; // an account of its own: nothing saved before the run

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        await Portal.Factory.CreateUserAsync(ManagerEmail, PortalRoles.Member, "Maria Chef");
        await Portal.Factory.CreateUserAsync(KeyboardManagerEmail, PortalRoles.Member, "Karl Chef");
    }

    [TestMethod]
    public async Task From_the_start_page_a_manager_reaches_a_process_step_saves_follows_and_downloads_the_pdf()
    {
        await using var context = await Chromium.NewContextAsync(Portal);
        var page = await context.NewPageAsync();
        await BrowserSteps.SignInAsMemberAsync(page, ManagerEmail, Infrastructure.PortalFactory.Password);

        await page.GotoAsync("/");
        var tag = page.Locator("section[aria-labelledby='popular-tags'] a.tag").First;
        var tagName = (await tag.InnerTextAsync()).Split('(')[0].Trim();
        await tag.ClickAsync();
        await Expect(page).ToHaveURLAsync(TagPage());
        await Expect(page.Locator("h1")).ToHaveTextAsync(tagName);

        var story = page.Locator(".story-card .card-title a[href^='/berattelser/']").First;
        var storyTitle = (await story.InnerTextAsync()).Trim();
        await story.ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(storyTitle);
        var storyUrl = page.Url;

        var step = page.Locator("nav.toc a[href^='#steg-']").Nth(2);
        var stepTarget = (await step.GetAttributeAsync("href"))!;
        await step.ClickAsync();
        Assert.IsTrue(page.Url.EndsWith(stepTarget, StringComparison.Ordinal), page.Url);
        await Expect(page.Locator(stepTarget)).ToBeInViewportAsync();

        var save = page.Locator("form[data-toggle-field='Saved'] button");
        await save.ClickAsync();
        await Expect(save).ToHaveAttributeAsync("aria-pressed", "true");
        var follow = page.Locator("form[data-toggle-field='Following'] button");
        await follow.ClickAsync();
        await Expect(follow).ToHaveAttributeAsync("aria-pressed", "true");

        await page.ReloadAsync();
        await Expect(save).ToContainTextAsync("Sparad – ta bort");
        await Expect(follow).ToContainTextAsync("Följer – sluta följa");
        await page.GotoAsync("/mina-sidor/sparat");
        await Expect(page.Locator("main")).ToContainTextAsync(storyTitle);

        await page.GotoAsync(storyUrl);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Ladda ner som PDF" }).ClickAsync());
        StringAssert.EndsWith(download.SuggestedFilename, ".pdf");
        var file = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(file);
        Assert.IsTrue(bytes.Length > 5_000, $"PDF:en är bara {bytes.Length} byte.");
        Assert.AreEqual("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));
        StringAssert.Contains(Regex.Replace(Export.ExportFiles.PdfText(bytes), @"\s+", " "), storyTitle, "the PDF holds the story");
    }

    [TestMethod]
    public async Task Search_narrows_with_a_facet_and_offers_the_right_spelling()
    {
        await using var context = await Chromium.NewContextAsync(Portal, Chromium.Phone);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.Locator("#start-q").FillAsync("larm");
        await page.Locator("#start-q").PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(SearchForLarm());
        var all = await BrowserSteps.HitCountAsync(page);
        Assert.IsTrue(all > 1, $"{all} träffar för larm");

        // On a phone the filters wait behind "Filtrera", after the hits.
        await page.Locator("details.search-filters > summary").ClickAsync();
        // The facet with the fewest hits narrows the most; the count beside it is the promise.
        var facets = page.Locator("fieldset.facet input[type='checkbox']");
        var chosen = facets.First;
        var label = page.Locator($"label[for='{await chosen.GetAttributeAsync("id")}']");
        var promised = int.Parse(FacetCount().Match(await label.InnerTextAsync()).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await chosen.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Visa träffar" }).ClickAsync();
        await Expect(page.Locator("fieldset.facet input[type='checkbox']:checked")).ToHaveCountAsync(1);
        var narrowed = await BrowserSteps.HitCountAsync(page);
        Assert.AreEqual(promised, narrowed, "träffarna efter filtret ska vara så många som filtret lovade");
        Assert.IsTrue(narrowed <= all);

        await page.Locator("#search-q").FillAsync("trygghetslram");
        await page.Locator("#search-q").PressAsync("Enter");
        // A misspelling is searched as the closest word the index holds, and the page says so.
        Assert.IsTrue(await BrowserSteps.HitCountAsync(page) > 0);
        await Expect(page.Locator(".search-message")).ToContainTextAsync("Visar träffar för ”trygghetslarm”");
        await Expect(page.Locator(".did-you-mean")).ToContainTextAsync("Menade du trygghetslarm?");
        await page.Locator(".did-you-mean a").ClickAsync();
        await Expect(page.Locator("#search-q")).ToHaveValueAsync("trygghetslarm");
        Assert.IsTrue(await BrowserSteps.HitCountAsync(page) > 0);
        await Expect(page.Locator("ol.search-hits mark").First).ToBeVisibleAsync();
    }

    [TestMethod]
    public async Task The_main_flow_works_with_the_keyboard_alone_and_focus_is_always_visible()
    {
        await using var context = await Chromium.NewContextAsync(Portal);
        var page = await context.NewPageAsync();
        await BrowserSteps.SignInAsMemberAsync(page, KeyboardManagerEmail, Infrastructure.PortalFactory.Password);
        await page.GotoAsync("/");

        var skip = await KeyboardFocus.TabToAsync(page, "länken Hoppa till innehållet", f => f.Text == "Hoppa till innehållet", maxTabs: 1);
        Assert.AreEqual("#innehall", skip.Href);

        var tag = await KeyboardFocus.TabToAsync(page, "en populär tagg", f => f.Href.StartsWith("/taggar/", StringComparison.Ordinal));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(tag.Href) + "$"));

        var story = await KeyboardFocus.TabToAsync(page, "en berättelse med taggen", f => f.Href.StartsWith("/berattelser/", StringComparison.Ordinal));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(story.Href) + "$"));

        var step = await KeyboardFocus.TabToAsync(page, "ett processteg i innehållsförteckningen", f => f.Href.StartsWith("#steg-", StringComparison.Ordinal));
        await page.Keyboard.PressAsync("Enter");
        Assert.IsTrue(page.Url.EndsWith(step.Href, StringComparison.Ordinal), page.Url);
        await Expect(page.Locator(step.Href)).ToBeInViewportAsync();

        // Focus continues from the step, so Spara is the next control after it, not back at the top.
        await KeyboardFocus.TabToAsync(page, "knappen Spara", f => f.Tag == "button" && f.Text.StartsWith("Spara", StringComparison.Ordinal) && !f.Text.StartsWith("Sparad", StringComparison.Ordinal));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("form[data-toggle-field='Saved'] button")).ToHaveAttributeAsync("aria-pressed", "true");

        var stops = await KeyboardFocus.TabThroughAsync(page);
        Assert.IsTrue(stops > 5, $"bara {stops} fokusstopp efter Spara");
    }

    [TestMethod]
    public async Task The_keyboard_check_notices_focus_that_cannot_be_seen()
    {
        await using var context = await Chromium.NewContextAsync(Portal);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.EvaluateAsync("""
            () => document.querySelectorAll('a').forEach(a => { a.style.setProperty('outline', 'none', 'important'); a.style.setProperty('box-shadow', 'none', 'important'); })
            """);

        var failure = await Assert.ThrowsExactlyAsync<AssertFailedException>(() => KeyboardFocus.TabToAsync(page, "huvudmenyn", f => f.Text == "Samlingar"));
        StringAssert.Contains(failure.Message, "Fokus syns inte");
    }

    [GeneratedRegex(@"/taggar/[a-z0-9-]+$")]
    private static partial Regex TagPage();

    [GeneratedRegex(@"/sok\?q=larm")]
    private static partial Regex SearchForLarm();

    [GeneratedRegex(@"\((\d+)\)")]
    private static partial Regex FacetCount();
}
