using System.Text;
using EHalsostodet.Tests.Infrastructure;
using EHalsostodet.Web.OutputCaching;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Tests.OutputCaching;

/// <summary>
/// Without Redis, rendered pages are kept as files on the instance's disk, not in its memory: read
/// back byte for byte, evicted by tag with their files, never served after they expire, and kept
/// within the configured size with the least recently read going first.
/// </summary>
[TestClass]
[TestCategory(TestDatabase.NotUsed)]
public sealed class DiskOutputCacheStoreTests
{
    private const int Kilobyte = 1024;
    private readonly TestClock clock = new();
    private string folder = null!;

    [TestInitialize]
    public void NewFolder() => folder = Path.Combine(TestPaths.NewTempFolder(), "sidor");

    private DiskOutputCacheStore Store(int megabytes = 8) =>
        new(Options.Create(new PublicPageCacheOptions { DiskMegabytes = megabytes, Folder = folder }), clock);

    private static byte[] Page(string text, int kilobytes = 1)
    {
        var bytes = new byte[kilobytes * Kilobyte];
        Encoding.UTF8.GetBytes(text).CopyTo(bytes, 0);
        return bytes;
    }

    [TestMethod]
    public async Task A_page_is_kept_as_a_file_in_the_configured_folder_and_read_back_byte_for_byte()
    {
        using var store = Store();
        var page = Page("<h1>Digital tillsyn i Kalmar</h1>", 40);

        await store.SetAsync("GET/berattelser/digital-tillsyn", page, ["item:1", "list:story"], TimeSpan.FromHours(1), default);

        var file = Directory.GetFiles(folder).Single();
        CollectionAssert.AreEqual(page, await File.ReadAllBytesAsync(file));
        CollectionAssert.AreEqual(page, await store.GetAsync("GET/berattelser/digital-tillsyn", default));
        Assert.IsNull(await store.GetAsync("GET/berattelser/annan", default), "a page never stored is a miss");
    }

    [TestMethod]
    public async Task Evicting_a_tag_removes_exactly_the_pages_that_carry_it_and_deletes_their_files()
    {
        using var store = Store();
        await store.SetAsync("story-1", Page("ett"), ["item:1", "list:story"], TimeSpan.FromHours(1), default);
        await store.SetAsync("story-2", Page("två"), ["item:2", "list:story"], TimeSpan.FromHours(1), default);
        await store.SetAsync("initiative", Page("khi"), ["item:3", "list:initiative"], TimeSpan.FromHours(1), default);

        await store.EvictByTagAsync("item:1", default);

        Assert.IsNull(await store.GetAsync("story-1", default));
        Assert.IsNotNull(await store.GetAsync("story-2", default));
        Assert.AreEqual(2, Directory.GetFiles(folder).Length, "the evicted page's file is deleted");

        await store.EvictByTagAsync("list:story", default);

        Assert.IsNull(await store.GetAsync("story-2", default));
        Assert.IsNotNull(await store.GetAsync("initiative", default), "a page without the tag stays");
        Assert.AreEqual(1, Directory.GetFiles(folder).Length);
    }

    [TestMethod]
    public async Task A_page_is_not_served_after_it_expires_and_storing_a_key_again_replaces_its_file()
    {
        using var store = Store();
        await store.SetAsync("start", Page("första"), ["list:story"], TimeSpan.FromMinutes(5), default);
        await store.SetAsync("start", Page("andra"), ["list:story"], TimeSpan.FromMinutes(5), default);

        Assert.AreEqual(1, Directory.GetFiles(folder).Length, "the replaced file is deleted");
        StringAssert.StartsWith(Encoding.UTF8.GetString((await store.GetAsync("start", default))!), "andra");

        clock.Advance(TimeSpan.FromMinutes(5));

        Assert.IsNull(await store.GetAsync("start", default));
        Assert.AreEqual(0, Directory.GetFiles(folder).Length, "an expired page's file is deleted when it is asked for");
    }

    [TestMethod]
    public async Task The_pages_stay_within_the_limit_and_the_least_recently_read_go_first()
    {
        using var store = Store(megabytes: 1);
        for (var i = 0; i < 3; i++)
        {
            await store.SetAsync($"page-{i}", Page($"sida {i}", 300), [], TimeSpan.FromHours(1), default);
        }
        // Page 0 is read again, so page 1 is now the one read longest ago.
        Assert.IsNotNull(await store.GetAsync("page-0", default));

        await store.SetAsync("page-3", Page("sida 3", 300), [], TimeSpan.FromHours(1), default);

        Assert.IsNull(await store.GetAsync("page-1", default), "the least recently read page is dropped");
        Assert.IsNotNull(await store.GetAsync("page-0", default));
        Assert.IsNotNull(await store.GetAsync("page-3", default));
        Assert.IsLessThanOrEqualTo(1024L * Kilobyte, Directory.GetFiles(folder).Sum(f => new FileInfo(f).Length));
    }

    [TestMethod]
    public async Task A_folder_left_by_an_earlier_run_is_emptied_at_start_and_removed_at_the_end()
    {
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "gammal.bin"), "från förra körningen");

        var store = Store();
        Assert.AreEqual(0, Directory.GetFiles(folder).Length);
        await store.SetAsync("start", Page("ny"), [], TimeSpan.FromHours(1), default);
        store.Dispose();

        Assert.IsFalse(Directory.Exists(folder));
    }
}
