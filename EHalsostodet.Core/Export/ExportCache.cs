using System.Collections.Concurrent;
using EHalsostodet.Core.Instances;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Core.Export;

/// <summary>One cached export: an item in a format (in full or the short version), for links to one base address.</summary>
public sealed record ExportCacheKey(Guid ItemId, ExportFormat Format, string BaseUrl, bool IsShortVersion = false);

/// <summary>
/// Finished exports of published stories and collections, kept in memory until the item is
/// published again (<see cref="ContentCacheEviction"/> evicts it, on every instance). A file is
/// only served while its ETag (built from the published version ids) still matches, so a stale
/// file can never be sent even before the eviction runs. The files together stay under
/// <see cref="ExportOptions.CacheMegabytes"/>: when a new file would pass it, the least recently
/// served files go first, so a crawler fetching every story's PDF cannot fill the memory.
/// </summary>
public sealed class ExportCache(IOptions<ExportOptions> options) : IContentCache
{
    private sealed class Entry(ExportFile file, long lastUsed)
    {
        public ExportFile File { get; } = file;
        public long LastUsed = lastUsed;
    }

    private readonly ConcurrentDictionary<ExportCacheKey, Entry> files = new();
    private readonly Lock changing = new();
    private long bytes;
    private long clock;

    private long Limit => Math.Max(0, options.Value.CacheMegabytes) * 1024L * 1024L;

    public ExportFile? Find(ExportCacheKey key, string etag)
    {
        if (!files.TryGetValue(key, out var entry) || entry.File.ETag != etag)
        {
            return null;
        }
        Volatile.Write(ref entry.LastUsed, Interlocked.Increment(ref clock));
        return entry.File;
    }

    public void Store(ExportCacheKey key, ExportFile file)
    {
        if (file.Content.LongLength > Limit)
        {
            return;
        }
        lock (changing)
        {
            if (files.TryGetValue(key, out var old))
            {
                bytes -= old.File.Content.LongLength;
            }
            files[key] = new Entry(file, Interlocked.Increment(ref clock));
            bytes += file.Content.LongLength;
            if (bytes > Limit)
            {
                Trim();
            }
        }
    }

    public int Count => files.Count;

    /// <summary>The size of every kept file together.</summary>
    public long Bytes { get { lock (changing) { return bytes; } } }

    /// <summary>Forgets every export of the item, and of every collection, which may contain it.</summary>
    public void Evict(Guid itemId)
    {
        lock (changing)
        {
            foreach (var (key, entry) in files.Where(f => f.Key.ItemId == itemId || f.Value.File.IsCollection))
            {
                Remove(key, entry);
            }
        }
    }

    public void Clear()
    {
        lock (changing)
        {
            files.Clear();
            bytes = 0;
        }
    }

    /// <summary>Drops the least recently served files until a quarter of the room is free, so that trimming is rare.</summary>
    private void Trim()
    {
        var target = Limit / 4 * 3;
        foreach (var (key, entry) in files.OrderBy(f => Volatile.Read(ref f.Value.LastUsed)).ToList())
        {
            if (bytes <= target)
            {
                break;
            }
            Remove(key, entry);
        }
    }

    private void Remove(ExportCacheKey key, Entry entry)
    {
        if (files.TryRemove(KeyValuePair.Create(key, entry)))
        {
            bytes -= entry.File.Content.LongLength;
        }
    }
}
