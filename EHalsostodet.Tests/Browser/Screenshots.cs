using Microsoft.Playwright;

namespace EHalsostodet.Tests.Browser;

/// <summary>Full-page screenshots kept with the test results, for a person to look at.</summary>
internal static class Screenshots
{
    public static async Task SaveAsync(TestContext context, IPage page, string name)
    {
        var folder = Path.Combine(context.TestRunResultsDirectory ?? context.TestResultsDirectory ?? Path.GetTempPath(), "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        context.AddResultFile(path);
    }
}
