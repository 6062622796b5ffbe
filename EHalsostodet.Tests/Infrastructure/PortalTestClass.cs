namespace EHalsostodet.Tests.Infrastructure;

/// <summary>
/// A test class on a portal of its own, made before the class's first test (and before the class's
/// own [ClassInitialize], which adds users and clients to it) and disposed after its last.
/// </summary>
/// <typeparam name="TSelf">The test class itself: each class gets its own portal while classes run side by side.</typeparam>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000", Justification = "MSTest runs a base class's class set-up as public static methods; the type argument gives each test class its own.")]
public abstract class PortalTestClass<TSelf> where TSelf : PortalTestClass<TSelf>, new()
{
    private protected static PortalFactory Factory { get; private set; } = null!;

    [ClassInitialize(InheritanceBehavior.BeforeEachDerivedClass)]
    public static void StartPortal(TestContext context) => Factory = new TSelf().CreatePortal();

    [ClassCleanup(InheritanceBehavior.BeforeEachDerivedClass)]
    public static void StopPortal() => Factory.Dispose();

    /// <summary>The class's portal: the repository's seed and the suite's settings unless the class says otherwise.</summary>
    private protected virtual PortalFactory CreatePortal() => new();
}
