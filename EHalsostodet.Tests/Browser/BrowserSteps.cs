using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EHalsostodet.Tests.Browser;

/// <summary>Steps a visitor takes in the browser that several journeys share.</summary>
internal static partial class BrowserSteps
{
    public static async Task SignInAsMemberAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/mina-sidor/logga-in");
        await page.Locator("#Email").FillAsync(email);
        await page.Locator("#Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in", Exact = true }).ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(LoginPage());
    }

    public static async Task SignInToBackOfficeAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/redaktion/logga-in");
        await page.Locator("#Email").FillAsync(email);
        await page.Locator("#Password").FillAsync(password);
        await page.Locator("main form button[type='submit']").ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(LoginPage());
    }

    /// <summary>The number at the start of the search page's "N träffar" line.</summary>
    public static async Task<int> HitCountAsync(IPage page)
    {
        var text = await page.Locator(".result-count").InnerTextAsync();
        return int.Parse(LeadingNumber().Match(text).Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("logga-in")]
    private static partial Regex LoginPage();

    [GeneratedRegex(@"^\d+")]
    private static partial Regex LeadingNumber();
}
