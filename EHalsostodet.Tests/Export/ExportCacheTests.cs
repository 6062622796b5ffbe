using EHalsostodet.Core.Export;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Tests.Export;

/// <summary>The export cache keeps finished files within its size limit, dropping the least recently served first.</summary>
[TestClass]
[TestCategory(Infrastructure.TestDatabase.NotUsed)]
public sealed class ExportCacheTests
{
    private const int Kilobyte = 1024;

    private static ExportCache CacheOf(int megabytes) => new(Options.Create(new ExportOptions { CacheMegabytes = megabytes }));

    private static (ExportCacheKey Key, ExportFile File) Export(int kilobytes, bool isCollection = false)
    {
        var key = new ExportCacheKey(Guid.NewGuid(), ExportFormat.Pdf, "https://ehalsostodet.example");
        return (key, new ExportFile(new byte[kilobytes * Kilobyte], ExportFormat.Pdf, "berattelse.pdf", "\"v1\"", isCollection));
    }

    [TestMethod]
    public void The_files_stay_within_the_limit_and_the_least_recently_served_go_first()
    {
        var cache = CacheOf(1);
        var exports = Enumerable.Range(0, 3).Select(_ => Export(300)).ToList();
        foreach (var (key, file) in exports)
        {
            cache.Store(key, file);
        }
        Assert.AreEqual(3, cache.Count);
        // The first file is served again, so the second is now the one served longest ago.
        Assert.IsNotNull(cache.Find(exports[0].Key, "\"v1\""));

        var fourth = Export(300);
        cache.Store(fourth.Key, fourth.File);

        Assert.IsLessThanOrEqualTo(1024L * Kilobyte, cache.Bytes);
        Assert.IsNull(cache.Find(exports[1].Key, "\"v1\""), "the least recently served file is dropped");
        Assert.IsNotNull(cache.Find(fourth.Key, "\"v1\""), "the new file is kept");
        Assert.IsNotNull(cache.Find(exports[0].Key, "\"v1\""), "the file served recently is kept");
        Assert.AreEqual(cache.Count * 300L * Kilobyte, cache.Bytes, "the size counts exactly the files kept");
    }

    [TestMethod]
    public void A_file_larger_than_the_limit_or_a_limit_of_zero_keeps_nothing()
    {
        var small = CacheOf(1);
        var large = Export(1100);
        small.Store(large.Key, large.File);
        Assert.AreEqual(0, small.Count);

        var none = CacheOf(0);
        var tiny = Export(1);
        none.Store(tiny.Key, tiny.File);
        Assert.AreEqual(0, none.Count);
        Assert.AreEqual(0L, none.Bytes);
    }

    [TestMethod]
    public void Evicting_an_item_frees_its_room_and_that_of_every_collection()
    {
        var cache = CacheOf(8);
        var story = Export(100);
        var otherStory = Export(100);
        var collection = Export(200, isCollection: true);
        cache.Store(story.Key, story.File);
        cache.Store(otherStory.Key, otherStory.File);
        cache.Store(collection.Key, collection.File);
        // Storing the same key again replaces the file rather than counting it twice.
        cache.Store(story.Key, story.File);
        Assert.AreEqual(400L * Kilobyte, cache.Bytes);

        cache.Evict(story.Key.ItemId);

        Assert.AreEqual(1, cache.Count);
        Assert.IsNotNull(cache.Find(otherStory.Key, "\"v1\""));
        Assert.AreEqual(100L * Kilobyte, cache.Bytes);
        cache.Clear();
        Assert.AreEqual(0L, cache.Bytes);
    }

    [TestMethod]
    public void Files_are_kept_on_disk_in_the_configured_folder_and_deleted_when_evicted()
    {
        var folder = Path.Combine(Infrastructure.TestPaths.NewTempFolder(), "exporter");
        using var cache = new ExportCache(Options.Create(new ExportOptions { CacheMegabytes = 8, CacheFolder = folder }));
        var (key, file) = Export(100);
        Array.Fill(file.Content, (byte)7);

        cache.Store(key, file);

        var kept = Directory.GetFiles(folder).Single();
        Assert.AreEqual(100L * Kilobyte, new FileInfo(kept).Length);
        var found = cache.Find(key, "\"v1\"")!;
        Assert.AreEqual(0, found.Content.Length, "the cache holds no bytes in memory");
        using var stored = found.Stored!;
        cache.Evict(key.ItemId);
        Assert.AreEqual(0, Directory.GetFiles(folder).Length, "eviction deletes the file");
        using var read = new MemoryStream();
        stored.CopyTo(read);
        CollectionAssert.AreEqual(file.Content, read.ToArray(), "a request that has the file open still reads all of it");
    }
}
