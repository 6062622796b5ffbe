using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EHalsostodet.Core.Search;

/// <summary>
/// Brings an editorial index in step with the content table, whatever the engine: items whose
/// concurrency stamp differs from the indexed one (every save and workflow step changes it) are
/// written again from their latest version, and items that no longer exist are dropped.
/// </summary>
internal static class EditorialIndexRefresh
{
    /// <param name="indexedStamps">Item id → the stamp the engine's index holds for it.</param>
    /// <param name="write">Writes an item's latest version with its current stamp, replacing any old row.</param>
    /// <returns>How many items were written or dropped.</returns>
    public static async Task<int> RunAsync(PortalDbContext db, IReadOnlyDictionary<Guid, Guid> indexedStamps,
        Func<SearchDocument, Guid, Task> write, Func<Guid, Task> delete, ILogger logger, CancellationToken cancellationToken)
    {
        var current = await db.ContentItems.AsNoTracking().Select(i => new { i.Id, i.Type, i.ConcurrencyStamp, i.LatestVersionId }).ToListAsync(cancellationToken);
        var changed = current.Where(i => !indexedStamps.TryGetValue(i.Id, out var stamp) || stamp != i.ConcurrencyStamp).ToList();
        var gone = indexedStamps.Keys.Except(current.Select(i => i.Id)).ToList();
        if (changed.Count == 0 && gone.Count == 0)
        {
            return 0;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var batch in changed.Chunk(200))
        {
            var versionIds = batch.Select(i => i.LatestVersionId).OfType<Guid>().ToList();
            var versions = await db.ContentVersions.AsNoTracking().Where(v => versionIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, cancellationToken);
            foreach (var item in batch)
            {
                if (item.LatestVersionId is { } versionId && versions.TryGetValue(versionId, out var version) && Read(item.Id, item.Type, version.DocumentJson, logger) is { } document)
                {
                    await write(SearchDocument.From(item.Id, document, null), item.ConcurrencyStamp);
                }
            }
        }
        foreach (var id in gone)
        {
            await delete(id);
        }
        await transaction.CommitAsync(cancellationToken);
        return changed.Count + gone.Count;
    }

    /// <summary>A version whose document cannot be read is left out of the index and logged; the other items are still found.</summary>
    private static IContentDocument? Read(Guid itemId, ContentType type, string json, ILogger logger)
    {
        try
        {
            var document = ContentDocumentSerializer.Deserialize(type, json);
            _ = SearchDocument.From(itemId, document, null);
            return document;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or ArgumentException or NullReferenceException or NotSupportedException)
        {
            logger.LogError(e, "Innehållet {ItemId} kunde inte indexeras för redaktionens sökning.", itemId);
            return null;
        }
    }
}
