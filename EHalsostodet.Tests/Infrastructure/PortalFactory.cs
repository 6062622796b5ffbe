using EHalsostodet.Core.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.Infrastructure;

/// <summary>
/// The portal in-process, in the Production environment, on its own new SQLite database,
/// seeded from a uSync folder (the repository's by default) exactly as at a first start.
/// </summary>
internal sealed class PortalFactory(string? seedFolder = null) : WebApplicationFactory<Program>
{
    public string DataFolder { get; } = TestPaths.NewTempFolder();

    public string DatabasePath => Path.Combine(DataFolder, "portal.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={DatabasePath}");
        builder.UseSetting("Sync:SeedFolder", seedFolder ?? TestPaths.SeedFolder);
    }

    /// <summary>Runs code against the portal's services in a scope of its own.</summary>
    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task WithDbAsync(Func<PortalDbContext, Task> work) =>
        WithScopeAsync(async services =>
        {
            await work(services.GetRequiredService<PortalDbContext>());
            return true;
        });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
