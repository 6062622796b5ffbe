namespace EHalsostodet.Tests.Infrastructure;

/// <summary>One portal seeded from the repository's uSync folder, shared by the read-only tests.</summary>
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
        factory = new PortalFactory();
        using var client = factory.CreateClient();
    }

    [AssemblyCleanup]
    public static void Stop() => factory?.Dispose();
}
