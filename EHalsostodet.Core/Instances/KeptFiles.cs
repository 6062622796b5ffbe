using System.Collections.Concurrent;

namespace EHalsostodet.Core.Instances;

/// <summary>
/// Finished bytes (exports, rendered pages) kept as files on this instance's own disk rather than in
/// the process's memory, each with a little information about it held in memory. The files together
/// stay under the limit: when a new file would pass it, the least recently read go first, until a
/// quarter of the room is free (so trimming is rare). Every file has a name of its own, written in
/// full before it is listed, so a read never sees another file's bytes; a file removed while a
/// request reads it stays readable for that request, and one removed before it is opened is a miss.
/// Reads take no lock. What an earlier run left in the folder is deleted at start.
/// </summary>
public sealed class KeptFiles<TKey, TInfo> : IDisposable where TKey : notnull
{
    private sealed class Entry(TInfo info, string path, long length, long lastUsed)
    {
        public TInfo Info { get; } = info;
        public string Path { get; } = path;
        public long Length { get; } = length;
        public long LastUsed = lastUsed;
    }

    private readonly ConcurrentDictionary<TKey, Entry> files = new();
    private readonly Lock changing = new();
    private readonly Func<long> limit;
    private readonly string folder;
    private readonly string extension;
    private long bytes;
    private long clock;

    /// <param name="folder">The configured folder, or null for one of this instance's own under the system's temporary folder.</param>
    /// <param name="purpose">Names the folder under the temporary folder.</param>
    /// <param name="limitBytes">Read at each store, so a changed setting applies at once.</param>
    public KeptFiles(string? folder, string purpose, Func<long> limitBytes, string extension = "bin")
    {
        this.folder = folder is { Length: > 0 }
            ? folder
            : System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"ehalsostodet-{purpose}", Guid.NewGuid().ToString("N"));
        limit = limitBytes;
        this.extension = extension;
        if (Directory.Exists(this.folder))
        {
            Directory.Delete(this.folder, recursive: true);
        }
        Directory.CreateDirectory(this.folder);
    }

    public int Count => files.Count;

    /// <summary>The size of every kept file together.</summary>
    public long Bytes { get { lock (changing) { return bytes; } } }

    /// <summary>The kept file and its information, opened for reading, when <paramref name="isCurrent"/> accepts it; the caller disposes the stream.</summary>
    public (TInfo Info, FileStream Stream)? Open(TKey key, Func<TInfo, bool> isCurrent)
    {
        if (Find(key, isCurrent) is not { } entry)
        {
            return null;
        }
        try
        {
            return (entry.Info, new FileStream(entry.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024, useAsync: true));
        }
        catch (IOException)
        {
            Remove(key, entry);
            return null;
        }
    }

    /// <summary>The kept file's bytes, when <paramref name="isCurrent"/> accepts its information.</summary>
    public byte[]? Read(TKey key, Func<TInfo, bool> isCurrent)
    {
        if (Find(key, isCurrent) is not { } entry)
        {
            return null;
        }
        try
        {
            return File.ReadAllBytes(entry.Path);
        }
        catch (IOException)
        {
            Remove(key, entry);
            return null;
        }
    }

    /// <summary>Keeps the bytes under the key, replacing what it had; a file larger than the limit, or a full disk, keeps nothing.</summary>
    public void Store(TKey key, TInfo info, ReadOnlySpan<byte> content)
    {
        if (content.Length > limit())
        {
            return;
        }
        var path = System.IO.Path.Combine(folder, $"{Guid.NewGuid():N}.{extension}");
        try
        {
            using var file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write);
            RandomAccess.Write(file, content, 0);
        }
        catch (IOException)
        {
            // A full or broken disk only costs making the bytes again next time.
            TryDelete(path);
            return;
        }
        lock (changing)
        {
            if (files.TryGetValue(key, out var old))
            {
                Remove(key, old);
            }
            files[key] = new Entry(info, path, content.Length, Interlocked.Increment(ref clock));
            bytes += content.Length;
            if (bytes > limit())
            {
                Trim();
            }
        }
    }

    /// <summary>Forgets (and deletes) every file whose key and information match.</summary>
    public void RemoveWhere(Func<TKey, TInfo, bool> matches)
    {
        lock (changing)
        {
            foreach (var (key, entry) in files.Where(f => matches(f.Key, f.Value.Info)).ToList())
            {
                Remove(key, entry);
            }
        }
    }

    public void Clear() => RemoveWhere((_, _) => true);

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

    private Entry? Find(TKey key, Func<TInfo, bool> isCurrent)
    {
        if (!files.TryGetValue(key, out var entry))
        {
            return null;
        }
        if (!isCurrent(entry.Info))
        {
            Remove(key, entry);
            return null;
        }
        Volatile.Write(ref entry.LastUsed, Interlocked.Increment(ref clock));
        return entry;
    }

    private void Trim()
    {
        var target = limit() / 4 * 3;
        foreach (var (key, entry) in files.OrderBy(f => Volatile.Read(ref f.Value.LastUsed)).ToList())
        {
            if (bytes <= target)
            {
                break;
            }
            Remove(key, entry);
        }
    }

    private void Remove(TKey key, Entry entry)
    {
        lock (changing)
        {
            if (files.TryRemove(KeyValuePair.Create(key, entry)))
            {
                bytes -= entry.Length;
                TryDelete(entry.Path);
            }
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
    }
}
