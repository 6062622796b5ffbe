using System.Diagnostics;
using EHalsostodet.Benchmarks.Infrastructure;
using EHalsostodet.Benchmarks.Search.Corpus;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Search.Lucene;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Benchmarks.Load;

/// <summary>What a seeded portal database holds.</summary>
public sealed record SeededPortalDatabase(string FilePath, int SyntheticStories, int PublishedItems, int IndexedItems, long Bytes, TimeSpan Elapsed);

/// <summary>
/// A portal database to run the real portal on: the start-up path (migrations, WAL, the uSync seed
/// import through the publishing code), then the synthetic stories of the search benchmark stored as
/// published items by the real read-model projector, then the search index rebuilt by the portal's
/// own <see cref="SearchIndexSync.RebuildAsync"/>.
/// </summary>
public sealed class PortalDatabaseSeeder(SeedPortalOptions options, TextWriter progress)
{
    private static readonly string[] SqliteCompanions = ["", "-wal", "-shm"];

    public async Task<SeededPortalDatabase> SeedAsync(CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        PrepareFile();
        await progress.WriteLineAsync($"Migrating and importing the seed content from {options.SeedFolder} …");
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
        var bytes = await database.SizeInBytesAsync(cancellationToken);
        return new SeededPortalDatabase(database.FilePath, published - seedItems, published, indexed, bytes, Stopwatch.GetElapsedTime(start));
    }

    private void PrepareFile()
    {
        if (!File.Exists(options.DatabasePath))
        {
            return;
        }
        if (!options.Replace)
        {
            throw new UsageException($"{options.DatabasePath} exists already; give --replace to make it again.");
        }
        foreach (var suffix in SqliteCompanions)
        {
            File.Delete(options.DatabasePath + suffix);
        }
    }

    private static Task<List<string>> StorySlugsAsync(BenchmarkDatabase database, CancellationToken cancellationToken) =>
        database.RunAsync(s => s.GetRequiredService<PortalDbContext>().PublishedContent.AsNoTracking()
            .Where(p => p.Type == ContentType.Story).OrderBy(p => p.FirstPublishedAt).Select(p => p.Slug).ToListAsync(cancellationToken));
}
