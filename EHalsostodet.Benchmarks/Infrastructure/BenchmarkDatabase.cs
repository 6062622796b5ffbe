using EHalsostodet.Core;
using EHalsostodet.Core.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Benchmarks.Infrastructure;

/// <summary>
/// The portal's core services on a new SQLite file in a temporary folder, created by the real
/// start-up path: migrations, WAL and the seed import. The seed folder holds only the municipality
/// taxonomy, so the database starts with the real municipalities and no content.
/// <see cref="CreateAtAsync"/> instead makes a database that is kept, at a path of the caller's.
/// </summary>
public sealed class BenchmarkDatabase : IAsyncDisposable
{
    /// <summary>The taxonomy-only seed folder copied next to the benchmark binaries.</summary>
    public static string DefaultSeedFolder => Path.Combine(AppContext.BaseDirectory, "benchmark-seed");

    private readonly ServiceProvider _provider;
    private readonly string _folder;
    private readonly bool _deleteFolder;

    private BenchmarkDatabase(string filePath, string seedFolder, bool deleteFolder)
    {
        _folder = Path.GetDirectoryName(filePath)!;
        _deleteFolder = deleteFolder;
        FilePath = filePath;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Sqlite"] = $"Data Source={FilePath}",
                ["Sync:SeedFolder"] = seedFolder,
                // The search benchmark repeats its queries: it measures the engine, not the portal's cache of recent results.
                ["Search:ResultCacheEntries"] = "0",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPortalCore(configuration, _folder);
        _provider = services.BuildServiceProvider();
    }

    public string FilePath { get; }

    public static async Task<BenchmarkDatabase> CreateAsync(string seedFolder, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ehs-benchmarks", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return await InitialiseAsync(new BenchmarkDatabase(Path.Combine(folder, "benchmark.db"), seedFolder, deleteFolder: true), cancellationToken);
    }

    /// <summary>A new database at <paramref name="filePath"/> (its folder is created), kept when disposed.</summary>
    public static Task<BenchmarkDatabase> CreateAtAsync(string filePath, string seedFolder, CancellationToken cancellationToken)
    {
        var fullPath = Path.GetFullPath(filePath);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        return InitialiseAsync(new BenchmarkDatabase(fullPath, seedFolder, deleteFolder: false), cancellationToken);
    }

    private static async Task<BenchmarkDatabase> InitialiseAsync(BenchmarkDatabase database, CancellationToken cancellationToken)
    {
        await database.RunAsync(s => s.GetRequiredService<DatabaseInitializer>().InitialiseAsync(cancellationToken));
        return database;
    }

    /// <summary>Runs work in its own scope, as one web request would.</summary>
    public async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = _provider.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async Task RunAsync(Func<IServiceProvider, Task> work)
    {
        await using var scope = _provider.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }

    /// <summary>The size of the database file once the write-ahead log is folded into it.</summary>
    public async Task<long> SizeInBytesAsync(CancellationToken cancellationToken)
    {
        await RunAsync(s => s.GetRequiredService<PortalDbContext>().Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken));
        return new FileInfo(FilePath).Length;
    }

    /// <summary>The pages of the tables whose names start with a prefix, or null when SQLite was built without dbstat.</summary>
    public Task<long?> TableBytesAsync(string namePrefix, CancellationToken cancellationToken) => RunAsync(async s =>
    {
        var db = s.GetRequiredService<PortalDbContext>();
        try
        {
            return await db.Database.SqlQuery<long?>($"SELECT sum(pgsize) AS \"Value\" FROM dbstat WHERE name LIKE {namePrefix + "%"}").SingleAsync(cancellationToken);
        }
        catch (SqliteException)
        {
            return null;
        }
    });

    public Task<string> SqliteVersionAsync(CancellationToken cancellationToken) =>
        RunAsync(s => s.GetRequiredService<PortalDbContext>().Database.SqlQuery<string>($"SELECT sqlite_version() AS \"Value\"").SingleAsync(cancellationToken));

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (!_deleteFolder)
        {
            return;
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the system's temp cleanup.
        }
    }
}
