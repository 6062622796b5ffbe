using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Core.Search;
using EHalsostodet.Core.Search.Lucene;
using EHalsostodet.Core.Workflow;
using EHalsostodet.Tests.Infrastructure;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.Search;

/// <summary>
/// The index files are each instance's cache of the database: built when missing, corrupt or of
/// an older schema, and caught up from the database at start when the instance missed changes.
/// Each test stops a portal and starts another on the same database and index folder.
/// </summary>
[TestClass]
public sealed class SearchIndexLifecycleTests
{
    [TestMethod]
    public async Task A_missing_index_is_built_at_start()
    {
        var (database, folder) = await FirstStartAsync();
        System.IO.Directory.Delete(folder, recursive: true);

        using var portal = Restart(database, folder);

        await AssertIndexHoldsEveryPublishedItemAsync(portal);
        Assert.IsTrue((await SearchAsync(portal, "trygghetslarm")).Total > 0);
    }

    [TestMethod]
    public async Task A_corrupt_index_is_rebuilt_at_start()
    {
        var (database, folder) = await FirstStartAsync();
        foreach (var file in System.IO.Directory.GetFiles(Path.Combine(folder, "public")).Where(f => !f.EndsWith("write.lock", StringComparison.Ordinal)))
        {
            await File.WriteAllBytesAsync(file, new byte[64]);
        }

        using var portal = Restart(database, folder);

        await AssertIndexHoldsEveryPublishedItemAsync(portal);
        Assert.IsTrue((await SearchAsync(portal, "trygghetslarm")).Total > 0);
    }

    [TestMethod]
    public async Task An_index_of_an_older_schema_is_rebuilt_at_start()
    {
        var (database, folder) = await FirstStartAsync();
        var story = await AnyStoryAsync(database);
        // A document with the item's current stamp but another title: only a rebuild replaces it.
        Tamper(folder, story, "Ett föråldrat index", schema: "0-äldre");

        using var portal = Restart(database, folder);

        var hit = (await SearchAsync(portal, story.Title)).Hits.First(h => h.Id == story.ItemId);
        Assert.AreEqual(story.Title, hit.Title);
        Assert.IsFalse((await SearchAsync(portal, "föråldrat index")).Hits.Any(h => h.Title == "Ett föråldrat index"));
    }

    [TestMethod]
    public async Task An_instance_started_after_changes_catches_up_without_a_rebuild()
    {
        var (database, folder) = await FirstStartAsync();
        var untouched = await AnyStoryAsync(database);
        Tamper(folder, untouched, "Orörd sedan förra starten", schema: null);

        // Another instance publishes a story and unpublishes one while this one is down.
        Guid added, removed;
        using (var other = new PortalFactory(settings: new Dictionary<string, string?>(database)))
        {
            _ = other.Services;
            added = await PublishNewStoryAsync(other, "Zebrafinkar i Xylofonköping");
            removed = await other.WithScopeAsync(async s =>
            {
                var db = s.GetRequiredService<PortalDbContext>();
                var published = await db.PublishedContent.FirstAsync(p => p.Type == ContentType.Story && p.ItemId != untouched.ItemId);
                var item = await db.ContentItems.SingleAsync(i => i.Id == published.ItemId);
                await s.GetRequiredService<ContentPublisher>().UnpublishAsync(item, WorkflowState.Unpublished, CancellationToken.None);
                return item.Id;
            });
        }

        using var portal = Restart(database, folder);

        Assert.AreEqual(added, (await SearchAsync(portal, "zebrafinkar")).Hits.Single().Id, "the new story is found");
        var all = await portal.WithScopeAsync(s => s.GetRequiredService<ISearchIndex>().SearchAsync(new SearchRequest("", PageSize: 100, Type: ContentType.Story), CancellationToken.None));
        Assert.IsFalse(all.Hits.Any(h => h.Id == removed), "the unpublished story is gone");
        Assert.AreEqual("Orörd sedan förra starten", all.Hits.Single(h => h.Id == untouched.ItemId).Title,
            "items that did not change were not written again (no rebuild)");
        await AssertIndexHoldsEveryPublishedItemAsync(portal);
    }

    /// <summary>Starts an instance on a new seeded database with an index folder of the test's, then stops it.</summary>
    private static async Task<(IReadOnlyDictionary<string, string?> Database, string IndexFolder)> FirstStartAsync()
    {
        var owner = new PortalFactory();
        Owners.Add(owner);
        _ = owner.Services;
        var folder = Path.Combine(TestPaths.NewTempFolder(), "search");
        var database = new Dictionary<string, string?>(owner.Database.Settings) { ["Search:IndexFolder"] = folder };
        using (var first = Restart(database, folder))
        {
            await AssertIndexHoldsEveryPublishedItemAsync(first);
        }
        return (database, folder);
    }

    [TestMethod]
    public async Task A_document_that_cannot_be_indexed_is_left_out_and_the_others_are_still_found()
    {
        using var portal = new PortalFactory();
        _ = portal.Services;
        // A story whose stored document cannot be read at all (cut off), as a damaged row might be.
        var broken = await portal.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            var row = await db.PublishedContent.OrderBy(p => p.Slug).FirstAsync(p => p.Type == ContentType.Story);
            row.DocumentJson = row.DocumentJson[..(row.DocumentJson.Length / 2)];
            var item = await db.ContentItems.SingleAsync(i => i.Id == row.ItemId);
            var brokenJson = row.DocumentJson;
            await db.ContentVersions.Where(v => v.Id == item.LatestVersionId).ExecuteUpdateAsync(v => v.SetProperty(x => x.DocumentJson, brokenJson));
            item.ConcurrencyStamp = Guid.NewGuid();
            await db.SaveChangesAsync();
            return row;
        });

        var rebuilt = await portal.WithScopeAsync(s => s.GetRequiredService<SearchIndexSync>().RebuildAsync(null, CancellationToken.None));
        var published = await portal.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().PublishedContent.CountAsync());

        Assert.AreEqual(published, rebuilt);
        Assert.IsTrue((await SearchAsync(portal, "trygghetslarm")).Total > 0, "the others are found");
        Assert.AreEqual(published - 1, await portal.WithScopeAsync(s => s.GetRequiredService<ISearchIndexer>().CountAsync(CancellationToken.None)));
        var editorial = await portal.WithScopeAsync(s => s.GetRequiredService<IEditorialSearch>().SearchAsync("trygghetslarm", CancellationToken.None));
        Assert.IsNotEmpty(editorial.RankedIds, "the back office's search still works");
        CollectionAssert.DoesNotContain(editorial.RankedIds.ToList(), broken.ItemId);
    }

    /// <summary>The portals that own each test's database (on PostgreSQL, disposing one drops its database).</summary>
    private static readonly List<PortalFactory> Owners = [];

    [ClassCleanup]
    public static void DropDatabases()
    {
        foreach (var owner in Owners)
        {
            owner.Dispose();
        }
    }

    private static PortalFactory Restart(IReadOnlyDictionary<string, string?> database, string folder)
    {
        var portal = new PortalFactory(settings: new Dictionary<string, string?>(database) { ["Search:IndexFolder"] = folder });
        _ = portal.Services;
        return portal;
    }

    private static Task<PublishedContent> AnyStoryAsync(IReadOnlyDictionary<string, string?> database)
    {
        using var portal = new PortalFactory(settings: new Dictionary<string, string?>(database) { ["Search:IndexFolder"] = Path.Combine(TestPaths.NewTempFolder(), "search") });
        return portal.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().PublishedContent.AsNoTracking()
            .OrderBy(p => p.Slug).FirstAsync(p => p.Type == ContentType.Story));
    }

    /// <summary>Writes a document for the item with its current stamp but another title, directly into the stopped index.</summary>
    private static void Tamper(string folder, PublishedContent item, string title, string? schema)
    {
        using var directory = FSDirectory.Open(new DirectoryInfo(Path.Combine(folder, "public")));
        using var writer = new IndexWriter(directory, new IndexWriterConfig(SwedishSearchAnalyzer.Version, SearchIndexes.Analyzer));
        var text = new SearchDocument(item.ItemId, title, "", title, title);
        var fields = SearchIndexDocuments.Published(new PublishedContent
        {
            ItemId = item.ItemId, VersionId = item.VersionId, Type = item.Type, Slug = item.Slug, Title = title, FirstPublishedAt = item.FirstPublishedAt,
        }, text, []);
        writer.UpdateDocument(new Term(IndexFields.Id, SearchIndexDocuments.Key(item.ItemId)), fields);
        if (schema is not null)
        {
            writer.SetCommitData(new Dictionary<string, string> { ["schema"] = schema });
        }
        else
        {
            writer.SetCommitData(DirectoryReader.Open(directory).IndexCommit.UserData);
        }
        writer.Commit();
    }

    private static Task<Guid> PublishNewStoryAsync(PortalFactory portal, string title) =>
        portal.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            var seed = await db.PublishedContent.FirstAsync(p => p.Type == ContentType.Story);
            var story = ContentDocumentSerializer.Deserialize<StoryDocument>(seed.DocumentJson) with { Title = title, Slug = "zebrafinkar" };
            var saved = (SaveResult.Saved)await s.GetRequiredService<ContentStore>().CreateAsync(ContentType.Story, story, new ContentAuthor("u", "U"), "");
            await s.GetRequiredService<ContentPublisher>().PublishAsync(saved.Item, saved.Version, CancellationToken.None);
            return saved.Item.Id;
        });

    private static Task<SearchResults> SearchAsync(PortalFactory portal, string query) =>
        portal.WithScopeAsync(s => s.GetRequiredService<ISearchIndex>().SearchAsync(new SearchRequest(query), CancellationToken.None));

    private static async Task AssertIndexHoldsEveryPublishedItemAsync(PortalFactory portal)
    {
        var published = await portal.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().PublishedContent.CountAsync());
        var indexed = await portal.WithScopeAsync(s => s.GetRequiredService<ISearchIndexer>().CountAsync(CancellationToken.None));
        Assert.IsTrue(published > 0);
        Assert.AreEqual(published, indexed);
    }
}
