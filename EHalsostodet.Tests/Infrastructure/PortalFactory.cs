using System.Net.Http.Headers;
using System.Net.Http.Json;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.Infrastructure;

/// <summary>
/// The portal in-process, in the Production environment, on its own new database (SQLite, or
/// PostgreSQL in the PostgreSQL test run), seeded from a uSync folder (the repository's by
/// default) exactly as at a first start. With the repository's seed and nothing that changes the
/// first start, the database and index are copies of the run's <see cref="SeedTemplate"/>, which that
/// first start filled once; <paramref name="realFirstStart"/> makes the portal do it all itself.
/// Passwords are hashed with <see cref="PasswordIterations"/> rounds unless <paramref name="productionPasswordCost"/>.
/// </summary>
internal sealed class PortalFactory(
    string? seedFolder = null, TestClock? clock = null, IReadOnlyDictionary<string, string?>? settings = null, bool realFirstStart = false,
    bool productionPasswordCost = false)
    : WebApplicationFactory<Program>
{
    public const string Password = "Testlosenord-2026";

    /// <summary>
    /// PBKDF2 rounds of a password hash in a test portal. Identity's 100 000 cost about 70 ms of processor time at
    /// every new account and sign-in, a third of the suite's sign-in-heavy classes; the tests check what the portal
    /// answers, not what a hash costs (but <see cref="Security.EnumerationTests"/>, which times sign-ins, keeps the real cost).
    /// </summary>
    public const int PasswordIterations = 1000;

    public const string SearchFolderName = "search";

    public const string MediaFolderName = "media";

    public string DataFolder { get; } = TestPaths.NewTempFolder();

    /// <summary>The database file, in the SQLite test run.</summary>
    public string DatabasePath => Path.Combine(DataFolder, "portal.db");

    public TestDatabase Database => database ??= CreateDatabase();

    private TestDatabase? database;

    private int hosts;

    /// <summary>Where mail lands (.eml files): no SMTP server is configured in tests.</summary>
    public string MailFolder => Path.Combine(DataFolder, "mail");

    public TestClock? Clock => clock;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in Database.Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.UseSetting("Sync:SeedFolder", seedFolder ?? TestPaths.SeedFolder);
        builder.UseSetting("Email:PickupDirectory", MailFolder);
        builder.UseSetting("Media:Folder", Path.Combine(DataFolder, MediaFolderName));
        // Each host keeps its own index files, as each instance does: the factory's own host in search/ beside the
        // database (where the portal looks by default), a host made by WithWebHostBuilder in a folder of its own.
        var host = Interlocked.Increment(ref hosts);
        builder.UseSetting("Search:IndexFolder", Path.Combine(DataFolder, host == 1 ? SearchFolderName : $"{SearchFolderName}-{host}"));
        // Background jobs run once at start; tests run them on demand through their services.
        builder.UseSetting("Workflow:SchedulerInterval", "01:00:00");
        builder.UseSetting("Email:DispatchInterval", "01:00:00");
        // The seed links to real sites; tests check links against a local server, on demand.
        builder.UseSetting("LinkCheck:Enabled", "false");
        // The suite signs in and searches many times from one client: generous limits unless a test sets its own.
        foreach (var kind in new[] { "Login", "Registration", "Search", "Export", "Contact" })
        {
            builder.UseSetting($"RateLimits:{kind}:PermitLimit", "1000000");
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
        if (clock is not null)
        {
            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(clock));
        }
        if (!productionPasswordCost)
        {
            builder.ConfigureServices(services => services.Configure<PasswordHasherOptions>(options => options.IterationCount = PasswordIterations));
        }
    }

    private TestDatabase CreateDatabase()
    {
        var startsLikeTemplate = seedFolder is null && !realFirstStart && (settings?.Keys.All(SeedTemplate.LeavesFirstStartAlone) ?? true);
        if (!startsLikeTemplate)
        {
            return new TestDatabase(DataFolder);
        }
        var template = SeedTemplate.For(clock?.GetUtcNow());
        template.CopyFilesTo(DataFolder);
        return template.CopyDatabase(DataFolder);
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see them.</summary>
    public HttpClient CreateBrowserClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Runs code against the portal's services in a scope of its own.</summary>
    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>Writes the usage counts gathered in memory, as the portal's periodic flush does every few seconds.</summary>
    public Task FlushUsageCountsAsync() =>
        WithScopeAsync(async services =>
        {
            await services.GetRequiredService<EHalsostodet.Core.Insights.UsageCounter>().FlushAsync(CancellationToken.None);
            return true;
        });

    public Task WithDbAsync(Func<PortalDbContext, Task> work) =>
        WithScopeAsync(async services =>
        {
            await work(services.GetRequiredService<PortalDbContext>());
            return true;
        });

    /// <summary>Creates an account with a role (or none) and returns its id.</summary>
    public Task<string> CreateUserAsync(string email, string? role, string displayName = "") =>
        WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<PortalUser>>();
            var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName.Length > 0 ? displayName : email };
            var result = await users.CreateAsync(user, Password);
            Assert.IsTrue(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
            if (role is not null)
            {
                await users.AddToRoleAsync(user, role);
            }
            return user.Id;
        });

    /// <summary>A cookie client signed in through the back office's login form.</summary>
    public async Task<HttpClient> SignInAsync(string email, string password = Password)
    {
        var client = CreateBrowserClient();
        using var response = await Forms.PostAsync(client, "/redaktion/logga-in", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
        Assert.AreEqual(System.Net.HttpStatusCode.Redirect, response.StatusCode, $"inloggning för {email}: {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    /// <summary>A client carrying a bearer token from POST /api/auth/login.</summary>
    public async Task<HttpClient> BearerClientAsync(string email, string password = Password)
    {
        var client = CreateBrowserClient();
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        Assert.AreEqual(System.Net.HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        var token = (await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The mails written to the pickup folder so far, as raw .eml text.</summary>
    public async Task<IReadOnlyList<string>> DispatchAndReadMailAsync()
    {
        await WithScopeAsync(s => s.GetRequiredService<EHalsostodet.Core.Email.EmailDispatcher>().DispatchPendingAsync(CancellationToken.None));
        return Directory.Exists(MailFolder)
            ? Directory.EnumerateFiles(MailFolder, "*.eml").Select(File.ReadAllText).ToList()
            : [];
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        database?.Dispose();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
