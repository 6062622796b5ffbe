using EHalsostodet.Tests.Infrastructure;

namespace EHalsostodet.Tests.Security;

/// <summary>
/// A security test class: a portal of its own (<see cref="PortalTestClass{TSelf}"/>) with what
/// <see cref="SecurityPortal"/> seeds in it, before the class's own [ClassInitialize].
/// </summary>
/// <typeparam name="TSelf">The test class itself: each class gets its own portal while classes run side by side.</typeparam>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000", Justification = "MSTest runs a base class's class set-up as public static methods; the type argument gives each test class its own.")]
public abstract class SecurityTestClass<TSelf> : PortalTestClass<TSelf> where TSelf : SecurityTestClass<TSelf>, new()
{
    private protected static SecurityPortal Portal { get; private set; } = null!;

    [ClassInitialize(InheritanceBehavior.BeforeEachDerivedClass)]
    public static async Task SeedPortalAsync(TestContext context)
    {
        Portal = await SecurityPortal.SeedAsync(Factory);
        foreach (var client in Portal.Clients.Values)
        {
            Kept(client);
        }
    }
}
