using System.Diagnostics;
using EHalsostodet.Benchmarks.Infrastructure;
using EHalsostodet.Benchmarks.Measurement;
using EHalsostodet.Benchmarks.Search.Corpus;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Search.Lucene;
using Lucene.Net.Index;
using FSDirectory = Lucene.Net.Store.FSDirectory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Benchmarks.Load;

/// <summary>What a seeded portal database holds.</summary>
/// <param name="IndexFolder">The search index beside the database (<c>search/</c>), where the portal looks for it by default.</param>
/// <param name="IndexedItems">Items in the public index as committed to disk, read after the seeder closed it.</param>
public sealed record SeededPortalDatabase(string FilePath, int SyntheticStories, int PublishedItems, string IndexFolder, int IndexedItems, long Bytes, long IndexBytes, TimeSpan Elapsed);

/// <summary>
/// A portal database to run the real portal on: the start-up path (migrations, WAL, the uSync seed
/// import through the publishing code), then the synthetic stories of the search benchmark stored as
/// published items by the real read-model projector, then the search index rebuilt by the portal's
/// own <see cref="SearchIndexSync.RebuildAsync"/> into the index folder beside the database
/// (<c>search/</c>, the portal's default for SQLite), and closed, which commits it: a portal started
/// on the database with that folder finds the index current and does not rebuild it.
/// </summary>
public sealed class PortalDatabaseSeeder(SeedPortalOptions options, TextWriter progress)
{
    private static readonly string[] SqliteCompanions = ["", "-wal", "-shm"];

    public async Task<SeededPortalDatabase> SeedAsync(CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        PrepareFile();
        await progress.WriteLineAsync($"Migrating and importing the seed content from {options.SeedFolder} …");
        var (published, seedItems, indexFolder, indexed) = await SeedDatabaseAsync(cancellationToken);
        // Closing the services closed the index, committing it; what a portal will open is what is on disk now.
        var onDisk = CountCommitted(indexFolder);
        if (onDisk != indexed || onDisk != published)
        {
            throw new InvalidOperationException($"The index in {indexFolder} holds {onDisk} items on disk; the rebuild indexed {indexed} of {published} published.");
        }
        var bytes = new FileInfo(Path.GetFullPath(options.DatabasePath)).Length;
        return new SeededPortalDatabase(Path.GetFullPath(options.DatabasePath), published - seedItems, published, indexFolder, onDisk, bytes,
            Timing.FolderBytes(indexFolder), Stopwatch.GetElapsedTime(start));
    }

    private async Task<(int Published, int SeedItems, string IndexFolder, int Indexed)> SeedDatabaseAsync(CancellationToken cancellationToken)
    {
        await using var database = await BenchmarkDatabase.CreateAtAsync(options.DatabasePath, options.SeedFolder, cancellationToken);
        var seedItems = await database.RunAsync(s => s.GetRequiredService<PortalDbContext>().PublishedContent.CountAsync(cancellationToken));
        if (seedItems == 0)
        {
            throw new InvalidOperationException($"The seed import published nothing; is {options.SeedFolder} a uSync folder?");
        }
        var seedStories = (await StorySlugsAsync(database, cancellationToken)).ToHashSet();

        await progress.WriteLineAsync($"Storing {options.Stories:N0} synthetic stories …");
        await new CorpusLoader(database, options.Seed, options.BatchSize).LoadAsync(options.Stories, cancellationToken);
        await progress.WriteLineAsync("Rebuilding the search index …");
        var indexed = await database.RunAsync(s => s.GetRequiredService<SearchIndexSync>().RebuildAsync(null, cancellationToken));
        var published = await database.RunAsync(s => s.GetRequiredService<PortalDbContext>().PublishedContent.CountAsync(cancellationToken));
        if (options.StoryListPath is { } listPath)
        {
            var synthetic = (await StorySlugsAsync(database, cancellationToken)).Where(slug => !seedStories.Contains(slug));
            await File.WriteAllLinesAsync(listPath, synthetic, cancellationToken);
        }
        await database.SizeInBytesAsync(cancellationToken);
        var indexFolder = await database.RunAsync(s => Task.FromResult(s.GetRequiredService<SearchIndexes>().Folder));
        return (published, seedItems, indexFolder, indexed);
    }

    /// <summary>The published items in the committed public index under the folder, opened read-only as a starting portal opens it.</summary>
    private static int CountCommitted(string indexFolder)
    {
        using var directory = FSDirectory.Open(new DirectoryInfo(Path.Combine(indexFolder, "public")));
        using var reader = DirectoryReader.Open(directory);
        return reader.NumDocs;
    }

    /// <summary>The index folder beside the database, as the portal finds it without Search:IndexFolder.</summary>
    public static string IndexFolderOf(string databasePath) => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databasePath))!, "search");

    private void PrepareFile()
    {
        var indexFolder = IndexFolderOf(options.DatabasePath);
        if (!File.Exists(options.DatabasePath) && !Directory.Exists(indexFolder))
        {
            return;
        }
        if (!options.Replace)
        {
            throw new UsageException(File.Exists(options.DatabasePath)
                ? $"{options.DatabasePath} exists already; give --replace to make it again."
                : $"{indexFolder} exists already (the search index of a database in the same folder); give --replace to make it again.");
        }
        foreach (var suffix in SqliteCompanions)
        {
            File.Delete(options.DatabasePath + suffix);
        }
        if (Directory.Exists(indexFolder))
        {
            Directory.Delete(indexFolder, recursive: true);
        }
    }

    private static Task<List<string>> StorySlugsAsync(BenchmarkDatabase database, CancellationToken cancellationToken) =>
        database.RunAsync(s => s.GetRequiredService<PortalDbContext>().PublishedContent.AsNoTracking()
            .Where(p => p.Type == ContentType.Story).OrderBy(p => p.FirstPublishedAt).Select(p => p.Slug).ToListAsync(cancellationToken));
}
