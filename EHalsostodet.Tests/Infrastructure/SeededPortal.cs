namespace EHalsostodet.Tests.Infrastructure;

/// <summary>
/// One portal seeded from the repository's uSync folder, shared by the read-only tests. It starts
/// the real way (migrations, seed import and index build in the portal's own start), so the read-only
/// tests check what a new installation gets, not only the copies of <see cref="SeedTemplate"/>.
/// </summary>
[TestClass]
public static class SeededPortal
{
    private static PortalFactory? factory;

    internal static PortalFactory Factory => factory ?? throw new InvalidOperationException("Portalen har inte startats.");

    internal static HttpClient CreateClient() =>
        Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [AssemblyInitialize]
    public static void Start(TestContext context)
    {
        factory = new PortalFactory(realFirstStart: true);
        using var client = factory.CreateClient();
    }

    [AssemblyCleanup]
    public static void Stop()
    {
        factory?.Dispose();
        SeedTemplate.DropAll();
    }
}
