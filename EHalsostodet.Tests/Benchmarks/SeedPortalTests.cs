using System.Net;
using EHalsostodet.Benchmarks;
using EHalsostodet.Benchmarks.Load;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Tests.Benchmarks;

/// <summary>seed-portal (the load test's database): the real portal serves what it makes. Nothing here is timed.</summary>
[TestClass]
[TestCategory(TestDatabase.SqliteOnly)]
public sealed class SeedPortalTests
{
    [TestMethod]
    public async Task The_portal_serves_a_seeded_database_with_its_synthetic_stories_as_pages_search_hits_and_PDFs()
    {
        // The factory starts the portal only on its first request, so the database is made first at its path.
        using var portal = new PortalFactory();
        var storyList = Path.Combine(portal.DataFolder, "stories.txt");
        var options = new SeedPortalOptions { DatabasePath = portal.DatabasePath, Stories = 50, StoryListPath = storyList, SeedFolder = TestPaths.SeedFolder, BatchSize = 20 };

        var seeded = await new PortalDatabaseSeeder(options, TextWriter.Null).SeedAsync(CancellationToken.None);

        var slugs = await File.ReadAllLinesAsync(storyList);
        Assert.AreEqual(50, seeded.SyntheticStories);
        Assert.AreEqual(50, slugs.Length);
        Assert.IsTrue(seeded.PublishedItems > 50, "the uSync seed content is published too");
        Assert.AreEqual(seeded.PublishedItems, seeded.IndexedItems, "every published item is in the search index");

        var client = portal.CreateClient();
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

        Assert.ThrowsExactly<UsageException>(() => SeedPortalOptions.Parse(CommandLineArguments.Parse(["--stories", "10"])));
        var replace = SeedPortalOptions.Parse(CommandLineArguments.Parse(["--database", path, "--replace", "--stories", "10"]));
        Assert.IsTrue(replace.Replace);
        Assert.AreEqual(10, replace.Stories);
        Directory.Delete(folder, recursive: true);
    }
}
