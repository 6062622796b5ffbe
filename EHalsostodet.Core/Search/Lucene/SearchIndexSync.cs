using System.Diagnostics;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Instances;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Publishing;
using Lucene.Net.Index;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EHalsostodet.Core.Search.Lucene;

/// <summary>
/// Brings the public index in step with the published read model, which is always the truth:
/// items are written from what the database holds when they are synced, so syncing an item
/// twice, late or after a rolled-back change still leaves it right. Syncs run one at a time,
/// each reading the database after the previous one wrote.
/// </summary>
public sealed class SearchIndexSync(IServiceScopeFactory scopes, SearchIndexes indexes, SearchResultCache results, ILogger<SearchIndexSync> logger)
    : IDisposable
{
    private const int Batch = 500;
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>
    /// Writes the items as the database holds them now: published ones replaced, others removed.
    /// An item the index already holds in its published version is left as it is: one publish
    /// reaches here more than once (after the commit, and again through the change notice).
    /// </summary>
    public async Task SyncAsync(IReadOnlyCollection<Guid> itemIds, CancellationToken cancellationToken)
    {
        if (itemIds.Count == 0)
        {
            return;
        }
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var changed = 0;
            foreach (var chunk in itemIds.Distinct().Chunk(Batch))
            {
                var published = await db.PublishedContent.AsNoTracking().Where(p => chunk.Contains(p.ItemId))
                    .Select(p => new { p.ItemId, p.VersionId }).ToDictionaryAsync(p => p.ItemId, p => p.VersionId, cancellationToken);
                var indexed = indexes.Public.Search(s => SearchIndexDocuments.ReadStamps(s, chunk));
                var stale = chunk.Where(id => published.TryGetValue(id, out var version)
                    ? !indexed.TryGetValue(id, out var held) || held != version
                    : indexed.ContainsKey(id)).ToArray();
                if (stale.Length == 0)
                {
                    continue;
                }
                var items = (await ReadAsync(db, stale, cancellationToken)).ToDictionary(i => i.ItemId);
                foreach (var id in stale)
                {
                    if (items.TryGetValue(id, out var item))
                    {
                        if (Document(item) is { } document)
                        {
                            indexes.Public.Update(SearchIndexDocuments.Key(id), document);
                        }
                    }
                    else
                    {
                        indexes.Public.Delete(SearchIndexDocuments.Key(id));
                    }
                }
                changed += stale.Length;
            }
            if (changed > 0)
            {
                indexes.Public.Refresh();
                // A search that ran between an eviction and this write may have kept a result from the old index.
                results.Clear();
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// At start: a new index (missing, corrupt or of an older schema) is built from the database;
    /// an existing one gets what changed while this instance was not running.
    /// </summary>
    public async Task EnsureCurrentAsync(CancellationToken cancellationToken)
    {
        if (indexes.Public.IsNew && await HasPublishedContentAsync(cancellationToken) && await CountAsync() == 0)
        {
            var count = await RebuildAsync(null, cancellationToken);
            logger.LogInformation("Sökindexet byggdes: {Count} publicerade innehåll.", count);
            return;
        }
        var changed = await CatchUpAsync(cancellationToken);
        if (changed > 0)
        {
            logger.LogInformation("Sökindexet hämtade ikapp {Count} ändringar från databasen.", changed);
        }
    }

    /// <summary>Compares every item's version in the index with the database and syncs those that differ.</summary>
    /// <returns>How many items were written or removed.</returns>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        Dictionary<Guid, Guid> inDatabase;
        await using (var scope = scopes.CreateAsyncScope())
        {
            inDatabase = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().PublishedContent.AsNoTracking()
                .Select(p => new { p.ItemId, p.VersionId }).ToDictionaryAsync(p => p.ItemId, p => p.VersionId, cancellationToken);
        }
        var inIndex = indexes.Public.Search(s => SearchIndexDocuments.ReadStamps(s.IndexReader));
        var differing = inDatabase.Where(p => !inIndex.TryGetValue(p.Key, out var version) || version != p.Value).Select(p => p.Key)
            .Concat(inIndex.Keys.Where(id => !inDatabase.ContainsKey(id)))
            .ToList();
        await SyncAsync(differing, cancellationToken);
        return differing.Count;
    }

    /// <summary>Empties the public index and fills it from the read model, reporting (done, total) as it goes.</summary>
    public async Task<int> RebuildAsync(IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var ids = await db.PublishedContent.AsNoTracking().OrderBy(p => p.ItemId).Select(p => p.ItemId).ToListAsync(cancellationToken);
            var index = indexes.Public;
            index.DeleteAll();
            var done = 0;
            progress?.Report((0, ids.Count));
            var watch = Stopwatch.StartNew();
            var chunks = ids.Chunk(Batch).ToList();
            var reading = chunks.Count > 0 ? ReadAsync(db, chunks[0], cancellationToken) : null;
            foreach (var (chunk, following) in chunks.Zip(chunks.Skip(1).Append(null)))
            {
                var items = await reading!;
                // The next batch is read from the database while this one is analysed, which keeps every core busy.
                reading = following is null ? null : Task.Run(() => ReadAsync(db, following, cancellationToken), cancellationToken);
                // Reading the documents' text and analysing it are the costly parts; the writer takes documents from several threads.
                Parallel.ForEach(items, new ParallelOptions { CancellationToken = cancellationToken }, item =>
                {
                    if (Document(item) is { } document)
                    {
                        index.Add(document);
                    }
                });
                done += chunk.Length;
                progress?.Report((done, ids.Count));
            }
            index.Commit();
            index.Refresh();
            results.Clear();
            // A rebuild allocates gigabytes in a minute and leaves the collector holding memory it grew for it: hand it back to the system now.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            logger.LogInformation("Sökindexet byggdes om på {Seconds:0.0} s: {Count} publicerade innehåll.", watch.Elapsed.TotalSeconds, ids.Count);
            return ids.Count;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    /// <summary>The item's index document; an item whose stored document cannot be read is left out and logged, never breaking the index for the others.</summary>
    private List<IIndexableField>? Document(PublishedItem item)
    {
        try
        {
            return item.Document();
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or ArgumentException or NullReferenceException or NotSupportedException)
        {
            logger.LogError(e, "Innehållet {ItemId} kunde inte indexeras och saknas i sökningen tills det publiceras igen.", item.ItemId);
            return null;
        }
    }

    public Task<int> CountAsync() => Task.FromResult(indexes.Public.Search(s => s.IndexReader.NumDocs));

    private async Task<bool> HasPublishedContentAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().PublishedContent.AnyAsync(cancellationToken);
    }

    /// <summary>Those of the items that are published, with their facets and place, read in three queries.</summary>
    private static async Task<List<PublishedItem>> ReadAsync(PortalDbContext db, Guid[] itemIds, CancellationToken cancellationToken)
    {
        var rows = await db.PublishedContent.AsNoTracking().Where(p => itemIds.Contains(p.ItemId)).ToListAsync(cancellationToken);
        var facets = (await db.PublishedFacets.AsNoTracking().Where(f => itemIds.Contains(f.ItemId)).Select(f => new { f.ItemId, f.Facet, f.Value }).ToListAsync(cancellationToken))
            .ToLookup(f => f.ItemId, f => (f.Facet, f.Value));
        var codes = rows.Select(r => r.MunicipalityCode).OfType<string>().Distinct().ToList();
        var places = await db.Municipalities.AsNoTracking().Where(m => codes.Contains(m.Code))
            .ToDictionaryAsync(m => m.Code, m => m.Name + " " + m.County, cancellationToken);
        return rows.Select(row => new PublishedItem(row, facets[row.ItemId].ToList(), row.MunicipalityCode is { } code ? places.GetValueOrDefault(code) : null)).ToList();
    }

    private sealed record PublishedItem(PublishedContent Row, List<(string Facet, string Value)> Facets, string? Place)
    {
        public Guid ItemId => Row.ItemId;

        public List<IIndexableField> Document() => SearchIndexDocuments.Published(Row,
            SearchDocument.From(Row.ItemId, ContentDocumentSerializer.Deserialize(Row.Type, Row.DocumentJson), Place), Facets);
    }
}
