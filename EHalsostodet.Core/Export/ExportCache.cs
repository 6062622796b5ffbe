using EHalsostodet.Core.Instances;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Core.Export;

/// <summary>One cached export: an item in a format (in full or the short version), for links to one base address.</summary>
public sealed record ExportCacheKey(Guid ItemId, ExportFormat Format, string BaseUrl, bool IsShortVersion = false);

/// <summary>
/// Finished exports of published stories and collections, kept as files on this instance's disk
/// (not in the process's memory, see <see cref="KeptFiles{TKey, TInfo}"/>) until the item is
/// published again (<see cref="ContentCacheEviction"/> evicts it, on every instance). A file is only
/// served while its ETag (built from the published version ids) still matches, so a stale file can
/// never be sent even before the eviction runs. The files together stay under
/// <see cref="ExportOptions.CacheMegabytes"/>, the least recently served going first, so a crawler
/// fetching every story's PDF cannot fill the disk.
/// </summary>
public sealed class ExportCache(IOptions<ExportOptions> options) : IContentCache, IDisposable
{
    private readonly KeptFiles<ExportCacheKey, ExportFile> files = new(
        options.Value.CacheFolder, "exports", () => Math.Max(0, options.Value.CacheMegabytes) * 1024L * 1024L);

    /// <summary>The kept file, opened for reading, while its ETag still matches; the caller disposes <see cref="ExportFile.Stored"/>.</summary>
    public ExportFile? Find(ExportCacheKey key, string etag) =>
        files.Open(key, file => file.ETag == etag) is { } found ? found.Info with { Stored = found.Stream } : null;

    public void Store(ExportCacheKey key, ExportFile file) => files.Store(key, file with { Content = [] }, file.Content);

    public int Count => files.Count;

    /// <summary>The size of every kept file together.</summary>
    public long Bytes => files.Bytes;

    /// <summary>Forgets every export of the item, and of every collection, which may contain it.</summary>
    public void Evict(Guid itemId) => files.RemoveWhere((key, file) => key.ItemId == itemId || file.IsCollection);

    public void Clear() => files.Clear();

    public void Dispose() => files.Dispose();
}
