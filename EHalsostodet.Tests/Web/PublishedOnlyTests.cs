using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Core.Workflow;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.Web;

/// <summary>Public pages show the published version only; drafts never leak.</summary>
[TestClass]
public sealed class PublishedOnlyTests
{
    [TestMethod]
    public async Task A_new_draft_of_a_published_story_stays_invisible_until_it_is_published()
    {
        using var factory = new PortalFactory();
        var client = factory.CreateClient();
        var (itemId, slug, title, latestVersion) = await factory.WithScopeAsync(async s =>
        {
            var row = await s.GetRequiredService<PortalDbContext>().PublishedContent.FirstAsync(p => p.Type == ContentType.Story);
            var item = await s.GetRequiredService<PortalDbContext>().ContentItems.SingleAsync(i => i.Id == row.ItemId);
            return (row.ItemId, row.Slug, row.Title, item.LatestVersionId);
        });

        var draft = await factory.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            var version = await db.ContentVersions.SingleAsync(v => v.Id == latestVersion);
            var story = ContentDocumentSerializer.Deserialize<StoryDocument>(version.DocumentJson) with { Title = "Hemligt utkast" };
            return (SaveResult.Saved)await s.GetRequiredService<ContentStore>().SaveAsync(itemId, story, latestVersion, new ContentAuthor("u1", "Redaktör"), "Nytt utkast");
        });

        var page = await client.GetPageAsync($"/berattelser/{slug}");
        Assert.AreEqual(title, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.IsFalse((await client.GetPageAsync("/")).MainText().Contains("Hemligt utkast", StringComparison.Ordinal));
        Assert.IsFalse((await client.GetPageAsync("/sok?q=hemligt")).MainText().Contains("Hemligt utkast", StringComparison.Ordinal));

        await factory.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            var item = await db.ContentItems.SingleAsync(i => i.Id == itemId);
            await s.GetRequiredService<ContentPublisher>().PublishAsync(item, draft.Version, CancellationToken.None);
            return true;
        });
        Assert.AreEqual("Hemligt utkast", (await client.GetPageAsync($"/berattelser/{slug}")).QuerySelector("h1")!.TextContent.Trim());
    }

    [TestMethod]
    public async Task A_save_based_on_an_old_version_is_refused_and_keeps_the_database_unchanged()
    {
        using var factory = new PortalFactory();
        _ = factory.CreateClient();

        var result = await factory.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            var item = await db.ContentItems.FirstAsync(i => i.Type == ContentType.Page);
            var version = await db.ContentVersions.SingleAsync(v => v.Id == item.LatestVersionId);
            var page = ContentDocumentSerializer.Deserialize<PageDocument>(version.DocumentJson);
            var store = s.GetRequiredService<ContentStore>();
            await store.SaveAsync(item.Id, page with { Body = "Första" }, item.LatestVersionId, new ContentAuthor("a", "A"), "");
            var second = await store.SaveAsync(item.Id, page with { Body = "Andra" }, version.Id, new ContentAuthor("b", "B"), "");
            var latest = await db.ContentVersions.AsNoTracking().Where(v => v.ItemId == item.Id).OrderByDescending(v => v.Number).FirstAsync();
            return (second, ContentDocumentSerializer.Deserialize<PageDocument>(latest.DocumentJson).Body);
        });

        // A stale save saves nothing; the editor then merges on the conflict page (ConflictResolutionTests).
        Assert.IsInstanceOfType<SaveResult.Outdated>(result.second);
        Assert.AreEqual("Första", result.Body);
        StringAssert.Contains(SaveResult.Outdated.Message, "nyare version");
    }

    [TestMethod]
    public async Task Unpublishing_removes_the_page_tag_listing_and_collection_entry()
    {
        using var factory = new PortalFactory();
        var client = factory.CreateClient();
        var (itemId, slug) = await factory.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            var storyId = await db.CollectionMemberships.Select(m => m.StoryId).FirstAsync();
            var row = await db.PublishedContent.SingleAsync(p => p.ItemId == storyId);
            return (row.ItemId, row.Slug);
        });

        await factory.WithScopeAsync(async s =>
        {
            var item = await s.GetRequiredService<PortalDbContext>().ContentItems.SingleAsync(i => i.Id == itemId);
            await s.GetRequiredService<ContentPublisher>().UnpublishAsync(item, WorkflowState.Unpublished, CancellationToken.None);
            return true;
        });

        await client.GetPageAsync($"/berattelser/{slug}", System.Net.HttpStatusCode.NotFound);
        var facets = await factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().PublishedFacets.CountAsync(f => f.ItemId == itemId));
        Assert.AreEqual(0, facets);
        var collections = await factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().PublishedContent.Where(p => p.Type == ContentType.Collection).Select(p => p.Slug).ToListAsync());
        foreach (var collection in collections)
        {
            var page = await client.GetPageAsync($"/samlingar/{collection}");
            Assert.IsNull(page.QuerySelector($"a[href='/berattelser/{slug}']"));
        }
    }
}
