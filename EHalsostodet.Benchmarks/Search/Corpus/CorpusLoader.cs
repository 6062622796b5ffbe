using System.Diagnostics;
using EHalsostodet.Benchmarks.Infrastructure;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Core.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Benchmarks.Search.Corpus;

/// <summary>
/// Generates the synthetic stories and stores each as a published item: the item, its one
/// version and the read model written by the real <see cref="PublishedProjector"/>. The full
/// publishing workflow (rules, audit, notifications) is skipped; the search index is built
/// separately so it can be timed on its own.
/// </summary>
internal sealed class CorpusLoader(BenchmarkDatabase database, int seed, int batchSize)
{
    private static readonly DateTime FirstPublished = new(2019, 1, 1, 8, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan PublishingSpan = TimeSpan.FromDays(7 * 365);

    /// <returns>The time spent generating stories and the time spent storing them.</returns>
    public async Task<(TimeSpan Generation, TimeSpan Storage)> LoadAsync(int storyCount, CancellationToken cancellationToken)
    {
        var municipalities = await database.RunAsync(s => s.GetRequiredService<PortalDbContext>().Municipalities.AsNoTracking()
            .Where(m => !m.IsExample).OrderBy(m => m.Code).ToListAsync(cancellationToken));
        var generator = new StoryGenerator(seed, municipalities);
        var ids = new Random(seed);
        var generation = new Stopwatch();
        var storage = new Stopwatch();
        for (var start = 0; start < storyCount; start += batchSize)
        {
            generation.Start();
            var batch = Enumerable.Range(start, Math.Min(batchSize, storyCount - start)).Select(i => (Index: i, Story: generator.Next())).ToList();
            generation.Stop();
            storage.Start();
            await database.RunAsync(s => StoreAsync(s, batch, ids, storyCount, cancellationToken));
            storage.Stop();
        }
        return (generation.Elapsed, storage.Elapsed);
    }

    private static async Task StoreAsync(IServiceProvider services, List<(int Index, StoryDocument Story)> batch, Random ids, int storyCount, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var projector = services.GetRequiredService<PublishedProjector>();
        // The projector queries before each item; detecting changes over the whole batch each time would make a batch quadratic.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var (index, story) in batch)
        {
            // Spread over seven years so "newest first" has something to sort.
            var publishedAt = FirstPublished + PublishingSpan * ((double)index / storyCount);
            var (item, version) = PublishedItem(NextId(ids), NextId(ids), story, publishedAt);
            db.ContentItems.Add(item);
            db.ContentVersions.Add(version);
            await projector.ProjectAsync(item, version, story, publishedAt, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Ids from the seed too, so two runs store the same rows in the same order.</summary>
    private static Guid NextId(Random ids)
    {
        Span<byte> bytes = stackalloc byte[16];
        ids.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static (ContentItem, ContentVersion) PublishedItem(Guid itemId, Guid versionId, StoryDocument story, DateTime publishedAt)
    {
        var version = new ContentVersion
        {
            Id = versionId,
            ItemId = itemId,
            Number = 1,
            DocumentJson = ContentDocumentSerializer.Serialize(story),
            AuthorName = "Benchmark",
            CreatedAt = publishedAt,
            ChangeNote = "Syntetisk berättelse",
        };
        var item = new ContentItem
        {
            Id = itemId,
            Type = ContentType.Story,
            Slug = story.Slug,
            Title = story.Title,
            State = WorkflowState.Published,
            LatestVersionId = version.Id,
            PublishedVersionId = version.Id,
            ReviewBy = DateOnly.FromDateTime(publishedAt).AddYears(1),
            CreatedAt = publishedAt,
            UpdatedAt = publishedAt,
        };
        return (item, version);
    }
}
