namespace EHalsostodet.Tests.Infrastructure;

/// <summary>
/// A test class on a portal of its own, made before the class's first test (and before the class's
/// own [ClassInitialize], which adds users and clients to it) and disposed after its last.
/// </summary>
/// <typeparam name="TSelf">The test class itself: each class gets its own portal while classes run side by side.</typeparam>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000", Justification = "MSTest runs a base class's class set-up as public static methods; the type argument gives each test class its own.")]
public abstract class PortalTestClass<TSelf> where TSelf : PortalTestClass<TSelf>, new()
{
    private static readonly List<HttpClient> Clients = [];

    private protected static PortalFactory Factory { get; private set; } = null!;

    [ClassInitialize(InheritanceBehavior.BeforeEachDerivedClass)]
    public static void StartPortal(TestContext context) => Factory = new TSelf().CreatePortal();

    [ClassCleanup(InheritanceBehavior.BeforeEachDerivedClass)]
    public static void StopPortal()
    {
        foreach (var client in Clients)
        {
            client.Dispose();
        }
        Clients.Clear();
        Factory.Dispose();
    }

    /// <summary>A new account with the role and a client carrying its bearer token for the API, disposed with the portal.</summary>
    private protected static async Task<HttpClient> ApiClientOfNewAccountAsync(string email, string? role, string displayName = "")
    {
        await Factory.CreateUserAsync(email, role, displayName);
        return Kept(await Factory.BearerClientAsync(email));
    }

    /// <summary>A new account with the role and a cookie client signed in through the login form, disposed with the portal.</summary>
    private protected static async Task<HttpClient> SignedInClientOfNewAccountAsync(string email, string? role, string displayName = "")
    {
        await Factory.CreateUserAsync(email, role, displayName);
        return Kept(await Factory.SignInAsync(email));
    }

    /// <summary>The client, disposed with the portal.</summary>
    private protected static HttpClient Kept(HttpClient client)
    {
        lock (Clients)
        {
            Clients.Add(client);
        }
        return client;
    }

    /// <summary>The class's portal: the repository's seed and the suite's settings unless the class says otherwise.</summary>
    private protected virtual PortalFactory CreatePortal() => new();
}
