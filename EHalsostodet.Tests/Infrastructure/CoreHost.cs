using EHalsostodet.Core;
using EHalsostodet.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.Infrastructure;

/// <summary>The portal's core services without HTTP, on a new migrated database of the test run's provider.</summary>
internal sealed class CoreHost : IAsyncDisposable
{
    private readonly ServiceProvider provider;
    private readonly string folder = TestPaths.NewTempFolder();
    private readonly TestDatabase database;

    private CoreHost()
    {
        database = new TestDatabase(folder);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(database.Settings)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Sync:SeedFolder"] = Path.Combine(folder, "no-seed"),
            })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPortalCore(configuration, folder);
        provider = services.BuildServiceProvider();
    }

    public static async Task<CoreHost> StartAsync()
    {
        var host = new CoreHost();
        await host.RunAsync<DatabaseInitializer>(i => i.InitialiseAsync(CancellationToken.None));
        return host;
    }

    public async Task<T> RunAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = provider.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task RunAsync<TService>(Func<TService, Task> work) where TService : notnull
    {
        await using var scope = provider.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public Task<T> QueryAsync<T>(Func<PortalDbContext, Task<T>> query) => RunAsync(query);

    public Task<int> CountAsync<TEntity>() where TEntity : class =>
        QueryAsync(db => db.Set<TEntity>().CountAsync());

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        database.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
