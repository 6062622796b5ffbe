using Microsoft.Playwright;

namespace EHalsostodet.Tests.Browser;

/// <summary>Debian's Chromium driven headless by Playwright (never a browser Playwright downloads).</summary>
internal sealed class Chromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    public static readonly ViewportSize Desktop = new() { Width = 1366, Height = 900 };

    private readonly IPlaywright playwright;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<Chromium> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new AssertFailedException($"Webbläsartesterna behöver Chromium i {ExecutablePath} (Debian-paketet chromium; test.sh installerar det).");
        }
        // The machine may be busy building or running other test classes: give assertions longer than Playwright's 5 s.
        Assertions.SetDefaultExpectTimeout(30_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // The machine has no network beyond loopback: keep Chromium from calling home.
            Args = ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return new Chromium(playwright, browser);
    }

    /// <summary>A fresh browser profile (no cookies) at the given size, with Swedish as its language.</summary>
    public async Task<IBrowserContext> NewContextAsync(LivePortal portal, ViewportSize? viewport = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = portal.BaseUrl,
            ViewportSize = viewport ?? Desktop,
            Locale = "sv-SE",
            TimezoneId = "Europe/Stockholm",
            AcceptDownloads = true,
        });
        // Browser classes run beside other test classes (and the other provider's run): a portal's first pages may take long.
        context.SetDefaultTimeout(60_000);
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync();
        playwright.Dispose();
    }
}
