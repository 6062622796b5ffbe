namespace EHalsostodet.Tests.Browser;

/// <summary>
/// A browser test class: its own portal on a loopback port and its own Chromium, started before the
/// class's first test (before the class's own [ClassInitialize]) and stopped after its last.
/// </summary>
/// <typeparam name="TSelf">The test class itself: each class gets its own portal while classes run side by side.</typeparam>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000", Justification = "MSTest runs a base class's class set-up as public static methods; the type argument gives each test class its own.")]
public abstract class BrowserTestClass<TSelf> where TSelf : BrowserTestClass<TSelf>
{
    private protected static LivePortal Portal { get; private set; } = null!;

    private protected static Chromium Chromium { get; private set; } = null!;

    [ClassInitialize(InheritanceBehavior.BeforeEachDerivedClass)]
    public static async Task StartBrowserAsync(TestContext context)
    {
        Portal = LivePortal.Start();
        Chromium = await Chromium.LaunchAsync();
    }

    [ClassCleanup(InheritanceBehavior.BeforeEachDerivedClass)]
    public static async Task StopBrowserAsync()
    {
        await Chromium.DisposeAsync();
        Portal.Dispose();
    }
}
