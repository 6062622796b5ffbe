using System.Collections.Concurrent;
using EHalsostodet.Core.Instances;

namespace EHalsostodet.Core.Export;

/// <summary>One cached export: an item in a format, for links to one base address.</summary>
public sealed record ExportCacheKey(Guid ItemId, ExportFormat Format, string BaseUrl);

/// <summary>
/// Finished exports of published stories and collections, kept in memory until the item is
/// published again (<see cref="ContentCacheEviction"/> evicts it, on every instance). A file is
/// only served while its ETag (built from the published version ids) still matches, so a stale
/// file can never be sent even before the eviction runs.
/// </summary>
public sealed class ExportCache : IContentCache
{
    private readonly ConcurrentDictionary<ExportCacheKey, ExportFile> files = new();

    public ExportFile? Find(ExportCacheKey key, string etag) =>
        files.TryGetValue(key, out var file) && file.ETag == etag ? file : null;

    public void Store(ExportCacheKey key, ExportFile file) => files[key] = file;

    public int Count => files.Count;

    /// <summary>Forgets every export of the item, and of every collection, which may contain it.</summary>
    public void Evict(Guid itemId)
    {
        foreach (var key in files.Keys.Where(k => k.ItemId == itemId || files.TryGetValue(k, out var f) && f.IsCollection))
        {
            files.TryRemove(key, out _);
        }
    }

    public void Clear() => files.Clear();
}
