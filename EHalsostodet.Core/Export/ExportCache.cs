using System.Collections.Concurrent;
using EHalsostodet.Core.Instances;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Core.Export;

/// <summary>One cached export: an item in a format (in full or the short version), for links to one base address.</summary>
public sealed record ExportCacheKey(Guid ItemId, ExportFormat Format, string BaseUrl, bool IsShortVersion = false);

/// <summary>
/// Finished exports of published stories and collections, kept as files on this instance's disk
/// (not in the process's memory) until the item is published again (<see cref="ContentCacheEviction"/>
/// evicts it, on every instance). A file is only served while its ETag (built from the published
/// version ids) still matches, so a stale file can never be sent even before the eviction runs. The
/// files together stay under <see cref="ExportOptions.CacheMegabytes"/>: when a new file would pass
/// it, the least recently served files go first, so a crawler fetching every story's PDF cannot fill
/// the disk. A file is opened for a request under the same lock that deletes files, and a deleted
/// file stays readable for a request that has it open.
/// </summary>
public sealed class ExportCache : IContentCache, IDisposable
{
    private sealed class Entry(ExportFile file, string path, long length, long lastUsed)
    {
        public ExportFile File { get; } = file;
        public string Path { get; } = path;
        public long Length { get; } = length;
        public long LastUsed = lastUsed;
    }

    private readonly ConcurrentDictionary<ExportCacheKey, Entry> files = new();
    private readonly Lock changing = new();
    private readonly IOptions<ExportOptions> options;
    private readonly string folder;
    private long bytes;
    private long clock;

    public ExportCache(IOptions<ExportOptions> options)
    {
        this.options = options;
        folder = options.Value.CacheFolder is { Length: > 0 } configured
            ? configured
            : System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ehalsostodet-exports", Guid.NewGuid().ToString("N"));
        // What an earlier run left is not known to this one.
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
        Directory.CreateDirectory(folder);
    }

    private long Limit => Math.Max(0, options.Value.CacheMegabytes) * 1024L * 1024L;

    /// <summary>The kept file, opened for reading, while its ETag still matches; the caller disposes <see cref="ExportFile.Stored"/>.</summary>
    public ExportFile? Find(ExportCacheKey key, string etag)
    {
        lock (changing)
        {
            if (!files.TryGetValue(key, out var entry) || entry.File.ETag != etag)
            {
                return null;
            }
            Volatile.Write(ref entry.LastUsed, Interlocked.Increment(ref clock));
            try
            {
                return entry.File with { Stored = new FileStream(entry.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024, useAsync: true) };
            }
            catch (IOException)
            {
                Remove(key, entry);
                return null;
            }
        }
    }

    public void Store(ExportCacheKey key, ExportFile file)
    {
        if (file.Content.LongLength > Limit)
        {
            return;
        }
        var path = System.IO.Path.Combine(folder, $"{Guid.NewGuid():N}.{file.Format.Extension()}");
        try
        {
            System.IO.File.WriteAllBytes(path, file.Content);
        }
        catch (IOException)
        {
            // A full or broken disk only costs rendering the file again next time.
            return;
        }
        lock (changing)
        {
            if (files.TryGetValue(key, out var old))
            {
                Remove(key, old);
            }
            files[key] = new Entry(file with { Content = [] }, path, file.Content.LongLength, Interlocked.Increment(ref clock));
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
            foreach (var (key, entry) in files.Where(f => f.Key.ItemId == itemId || f.Value.File.IsCollection).ToList())
            {
                Remove(key, entry);
            }
        }
    }

    public void Clear()
    {
        lock (changing)
        {
            foreach (var (key, entry) in files.ToList())
            {
                Remove(key, entry);
            }
        }
    }

    public void Dispose()
    {
        Clear();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
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
            bytes -= entry.Length;
            try
            {
                System.IO.File.Delete(entry.Path);
            }
            catch (IOException)
            {
            }
        }
    }
}
