using System.Net;
using EHalsostodet.Benchmarks;
using EHalsostodet.Benchmarks.Load;
using EHalsostodet.Core.Search.Lucene;
using EHalsostodet.Tests.Infrastructure;
using Lucene.Net.Index;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using FSDirectory = Lucene.Net.Store.FSDirectory;

namespace EHalsostodet.Tests.Benchmarks;

/// <summary>seed-portal (the load test's database): the real portal serves what it makes. Nothing here is timed.</summary>
[TestClass]
[TestCategory(TestDatabase.SqliteOnly)]
public sealed class SeedPortalTests
{
    [TestMethod]
    public async Task The_portal_serves_a_seeded_database_with_its_synthetic_stories_as_pages_search_hits_and_PDFs()
    {
        // The factory starts the portal only on its first request, so the database is made first at its path
        // (and the portal starts on it as it is, not on a copy of the suite's seeded template).
        using var portal = new PortalFactory(realFirstStart: true);
        var storyList = Path.Combine(portal.DataFolder, "stories.txt");
        var options = new SeedPortalOptions { DatabasePath = portal.DatabasePath, Stories = 50, StoryListPath = storyList, SeedFolder = TestPaths.SeedFolder, BatchSize = 20 };

        var seeded = await new PortalDatabaseSeeder(options, TextWriter.Null).SeedAsync(CancellationToken.None);

        var slugs = await File.ReadAllLinesAsync(storyList);
        Assert.AreEqual(50, seeded.SyntheticStories);
        Assert.AreEqual(50, slugs.Length);
        Assert.IsTrue(seeded.PublishedItems > 50, "the uSync seed content is published too");
        Assert.AreEqual(seeded.PublishedItems, seeded.IndexedItems, "every published item is in the search index");

        // The index lies committed beside the database, where the portal looks (the factory's Search:IndexFolder is that folder too).
        var indexFolder = Path.Combine(portal.DataFolder, "search");
        Assert.AreEqual(indexFolder, seeded.IndexFolder);
        Assert.IsTrue(Directory.Exists(Path.Combine(indexFolder, "public")), "the public index's folder");
        Assert.IsTrue(seeded.IndexBytes > 0);
        Dictionary<Guid, Guid> onDisk;
        using (var directory = FSDirectory.Open(new DirectoryInfo(Path.Combine(indexFolder, "public"))))
        using (var reader = DirectoryReader.Open(directory))
        {
            onDisk = SearchIndexDocuments.ReadStamps(reader);
        }

        var client = portal.CreateClient();
        // The portal started on it (the client's creation starts it) without rebuilding the index or catching anything up:
        // the index on disk held every published item in its published version.
        Assert.IsFalse(portal.Services.GetRequiredService<SearchIndexes>().Public.IsNew, "the portal opened the seeded index, it did not make a new one");
        var inDatabase = new Dictionary<Guid, Guid>();
        await portal.WithDbAsync(async db => inDatabase = await db.PublishedContent.ToDictionaryAsync(p => p.ItemId, p => p.VersionId));
        Assert.AreEqual(seeded.PublishedItems, inDatabase.Count);
        CollectionAssert.AreEquivalent(inDatabase.ToList(), onDisk.ToList(), "the index on disk holds every published item in its published version");
        Assert.AreEqual(seeded.PublishedItems, await portal.Services.GetRequiredService<SearchIndexSync>().CountAsync());
        Assert.AreEqual(0, await portal.Services.GetRequiredService<SearchIndexSync>().CatchUpAsync(CancellationToken.None), "nothing to catch up");

        var slug = slugs[17];
        string title = "";
        await portal.WithDbAsync(async db => title = await db.PublishedContent.Where(p => p.Slug == slug).Select(p => p.Title).SingleAsync());

        var story = await client.GetPageAsync($"/berattelser/{slug}");
        Assert.AreEqual(title, story.QuerySelector("h1")?.TextContent.Trim());

        var search = await client.GetPageAsync($"/sok?q={Uri.EscapeDataString($"\"{title}\"")}");
        Assert.IsTrue(search.QuerySelectorAll("main a").Any(a => a.GetAttribute("href") == $"/berattelser/{slug}"), $"the search for \"{title}\" links to the story");

        using var pdf = await client.GetAsync(new Uri($"/berattelser/{slug}/pdf", UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.OK, pdf.StatusCode);
        Assert.AreEqual("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        StringAssert.StartsWith(System.Text.Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync(), 0, 5), "%PDF-");

        var home = await client.GetPageAsync("/");
        Assert.IsNotNull(home.QuerySelector("main h1"), "the start page renders on the seeded database");
    }

    [TestMethod]
    public async Task An_existing_database_is_kept_unless_replace_is_given_and_the_file_is_required()
    {
        var folder = TestPaths.NewTempFolder();
        var path = Path.Combine(folder, "portal.db");
        await File.WriteAllTextAsync(path, "not a database");

        var keep = SeedPortalOptions.Parse(CommandLineArguments.Parse(["--database", path, "--stories", "1", "--usync", TestPaths.SeedFolder]));
        await Assert.ThrowsExactlyAsync<UsageException>(() => new PortalDatabaseSeeder(keep, TextWriter.Null).SeedAsync(CancellationToken.None));
        Assert.AreEqual("not a database", await File.ReadAllTextAsync(path));

        // A search index beside the database belongs to a database there: kept unless replace is given.
        File.Delete(path);
        Directory.CreateDirectory(Path.Combine(folder, "search", "public"));
        await Assert.ThrowsExactlyAsync<UsageException>(() => new PortalDatabaseSeeder(keep, TextWriter.Null).SeedAsync(CancellationToken.None));
        Assert.IsTrue(Directory.Exists(Path.Combine(folder, "search", "public")));
        Assert.AreEqual(Path.Combine(folder, "search"), PortalDatabaseSeeder.IndexFolderOf(path));

        Assert.ThrowsExactly<UsageException>(() => SeedPortalOptions.Parse(CommandLineArguments.Parse(["--stories", "10"])));
        var replace = SeedPortalOptions.Parse(CommandLineArguments.Parse(["--database", path, "--replace", "--stories", "10"]));
        Assert.IsTrue(replace.Replace);
        Assert.AreEqual(10, replace.Stories);
        Directory.Delete(folder, recursive: true);
    }
}
