using System.Collections.Concurrent;
using EHalsostodet.Core;
using EHalsostodet.Core.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.Infrastructure;

/// <summary>
/// A database and index folder that the portal's own first start (<see cref="DatabaseInitializer"/>:
/// migrations, the repository's seed, the search index) filled once per test run, copied for every
/// portal that would start the same way: starting from a copy, the portal finds content and a
/// current index and imports nothing. One template per clock start, as the import stamps its time.
/// </summary>
internal sealed class SeedTemplate
{
    private static readonly ConcurrentDictionary<DateTimeOffset, Lazy<SeedTemplate>> Templates = new();

    private readonly string folder;
    private readonly TestDatabase database;

    private SeedTemplate(string folder, TestDatabase database)
    {
        this.folder = folder;
        this.database = database;
    }

    /// <summary>The seeded template for portals whose clock reads <paramref name="clockStart"/> at start, or the system clock's when null.</summary>
    public static SeedTemplate For(DateTimeOffset? clockStart) =>
        Templates.GetOrAdd(clockStart ?? DateTimeOffset.MinValue, _ => new Lazy<SeedTemplate>(() => BuildAsync(clockStart).GetAwaiter().GetResult())).Value;

    /// <summary>Whether a portal setting leaves the first start as the template had it (database, seed, index and media stay the factory's).</summary>
    public static bool LeavesFirstStartAlone(string key) =>
        !new[] { "Database:", "ConnectionStrings:", "Sync:SeedFolder", "Search:", "Media:" }.Any(prefix => key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>A new database for a portal, a copy of the template's.</summary>
    public TestDatabase CopyDatabase(string portalFolder) => new(portalFolder, database);

    /// <summary>Copies the template's files (index, and the SQLite database) into a portal's data folder.</summary>
    public void CopyFilesTo(string portalFolder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(folder, file);
            if (relative.StartsWith(TestDatabase.SqliteFileName, StringComparison.Ordinal))
            {
                continue;
            }
            var target = Path.Combine(portalFolder, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>Drops every template of the test run.</summary>
    public static void DropAll()
    {
        foreach (var template in Templates.Values.Where(t => t.IsValueCreated).Select(t => t.Value))
        {
            template.database.Dispose();
            try
            {
                Directory.Delete(template.folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
        Templates.Clear();
    }

    private static async Task<SeedTemplate> BuildAsync(DateTimeOffset? clockStart)
    {
        var folder = TestPaths.NewTempFolder();
        var database = new TestDatabase(folder);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(database.Settings)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Sync:SeedFolder"] = TestPaths.SeedFolder,
                ["Search:IndexFolder"] = Path.Combine(folder, PortalFactory.SearchFolderName),
                ["Media:Folder"] = Path.Combine(folder, PortalFactory.MediaFolderName),
            })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPortalCore(configuration, folder);
        if (clockStart is { } start)
        {
            services.AddSingleton<TimeProvider>(new TestClock(start));
        }
        await using (var provider = services.BuildServiceProvider())
        {
            await using var scope = provider.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitialiseAsync(CancellationToken.None);
        }
        // Disposing the services closed the index; the database must have no open connection (PostgreSQL copies
        // only a template nobody is connected to) and, on SQLite, its write-ahead log folded into the file.
        database.Release();
        return new SeedTemplate(folder, database);
    }
}
