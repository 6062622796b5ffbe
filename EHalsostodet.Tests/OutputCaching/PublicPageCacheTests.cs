using System.Net;
using System.Net.Http.Headers;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Events;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Core.Search;
using EHalsostodet.Core.Taxonomy;
using EHalsostodet.Core.Workflow;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static EHalsostodet.Tests.Members.Saving.SavingPortal;

namespace EHalsostodet.Tests.OutputCaching;

/// <summary>
/// Public pages come from the output cache for visitors, carry strong ETags and public cache
/// headers, and leave the cache exactly when something they show is published or unpublished.
/// </summary>
[TestClass]
public sealed class PublicPageCacheTests : PortalTestClass<PublicPageCacheTests>
{
    [TestMethod]
    public async Task A_story_page_is_rendered_once_and_then_served_from_the_cache_with_public_headers()
    {
        var story = await StoryAsync(0);
        var client = Factory.CreateBrowserClient();

        using var first = await client.GetAsync(story.Url);
        using var second = await client.GetAsync(story.Url);

        Assert.AreEqual(HttpStatusCode.OK, second.StatusCode);
        Assert.AreEqual("miss", Cache(first));
        Assert.AreEqual("hit", Cache(second));
        Assert.AreEqual(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.AreEqual(first.Headers.ETag, second.Headers.ETag);
        Assert.IsFalse(second.Headers.ETag!.IsWeak, "a strong ETag");
        Assert.IsTrue(second.Headers.CacheControl!.Public);
        Assert.IsTrue(second.Headers.CacheControl.SharedMaxAge > TimeSpan.Zero, "a CDN may keep it briefly");
        CollectionAssert.Contains(second.Headers.Vary.ToList(), "Cookie");
        Assert.IsFalse(second.Headers.Contains("Set-Cookie"));
        Assert.IsFalse(second.Headers.Contains("X-Viewed-Item"), "the view-count marker stays inside");
    }

    [TestMethod]
    public async Task Views_served_from_the_cache_are_counted()
    {
        var story = await StoryAsync(1);
        var client = Factory.CreateBrowserClient();
        await Factory.FlushUsageCountsAsync();
        var before = await ViewsAsync(story.Id);

        for (var i = 0; i < 3; i++)
        {
            using var response = await client.GetAsync(story.Url);
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        }

        await Factory.FlushUsageCountsAsync();
        Assert.AreEqual(before + 3, await ViewsAsync(story.Id));
    }

    [TestMethod]
    public async Task If_None_Match_gets_304_on_pages_and_static_files()
    {
        var client = Factory.CreateBrowserClient();
        foreach (var url in new[] { "/samlingar", "/samlingar", "/css/site.css" })
        {
            using var first = await client.GetAsync(url);
            Assert.IsNotNull(first.Headers.ETag, url);
            Assert.IsFalse(first.Headers.ETag.IsWeak, url);
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.IfNoneMatch.Add(first.Headers.ETag);
            using var again = await client.SendAsync(request);
            Assert.AreEqual(HttpStatusCode.NotModified, again.StatusCode, url);
            Assert.AreEqual(0, (await again.Content.ReadAsByteArrayAsync()).Length, url);
            using var other = new HttpRequestMessage(HttpMethod.Get, url);
            other.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"annan\""));
            using var changed = await client.SendAsync(other);
            Assert.AreEqual(HttpStatusCode.OK, changed.StatusCode, url);
        }
    }

    [TestMethod]
    public async Task Pages_are_compressed_and_each_encoding_is_kept_with_its_own_ETag()
    {
        var client = Factory.CreateBrowserClient();
        async Task<HttpResponseMessage> GetAsync(string encoding)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/kunskapshojande-initiativ");
            request.Headers.AcceptEncoding.ParseAdd(encoding);
            return await client.SendAsync(request);
        }

        using var brotli = await GetAsync("br");
        using var brotliAgain = await GetAsync("br");
        using var gzip = await GetAsync("gzip");
        using var plain = await GetAsync("identity");

        CollectionAssert.AreEqual(new[] { "br" }, brotli.Content.Headers.ContentEncoding.ToArray());
        Assert.AreEqual("hit", Cache(brotliAgain));
        CollectionAssert.AreEqual(new[] { "gzip" }, gzip.Content.Headers.ContentEncoding.ToArray());
        Assert.AreEqual(0, plain.Content.Headers.ContentEncoding.Count);
        var tags = new[] { brotli, gzip, plain }.Select(r => r.Headers.ETag!.Tag).ToList();
        Assert.AreEqual(3, tags.Distinct().Count(), string.Join(", ", tags));
        var html = System.Text.Encoding.UTF8.GetString(Decompress(await brotliAgain.Content.ReadAsByteArrayAsync()));
        Assert.AreEqual(await plain.Content.ReadAsStringAsync(), html);
    }

    [TestMethod]
    public async Task An_approval_evicts_the_story_and_the_pages_that_show_it_and_nothing_else()
    {
        var (story, collectionWith, collectionWithout) = await StoryWithCollectionsAsync();
        var unrelated = await Factory.WithScopeAsync(async s => await s.GetRequiredService<PortalDbContext>().PublishedContent.AsNoTracking()
            .Where(p => p.Type == ContentType.Story && p.ItemId != story.Id &&
                !s.GetRequiredService<PortalDbContext>().CollectionMemberships.Any(m => m.StoryId == p.ItemId &&
                    s.GetRequiredService<PortalDbContext>().CollectionMemberships.Any(o => o.CollectionId == m.CollectionId && o.StoryId == story.Id)))
            .Select(p => "/berattelser/" + p.Slug).FirstAsync());
        var client = Factory.CreateBrowserClient();
        string[] showing = [story.Url, collectionWith, "/", "/berattelser"];
        string[] notShowing = [unrelated, collectionWithout, "/samlingar", "/kunskapshojande-initiativ"];
        await WarmAsync(client, [.. showing, .. notShowing]);

        await ApproveNewTitleAsync(story.Id, "Ny rubrik efter granskning");

        foreach (var url in showing)
        {
            using var response = await client.GetAsync(url);
            Assert.AreEqual("miss", Cache(response), url);
            StringAssert.Contains(await response.Content.ReadAsStringAsync(), "Ny rubrik efter granskning", url);
        }
        foreach (var url in notShowing)
        {
            using var response = await client.GetAsync(url);
            Assert.AreEqual("hit", Cache(response), url);
        }
    }

    [TestMethod]
    public async Task Unpublishing_a_story_evicts_its_page_and_the_lists_of_stories_but_not_other_stories()
    {
        var story = await StoryAsync(3);
        var other = await StoryAsync(4);
        var client = Factory.CreateBrowserClient();
        await WarmAsync(client, [story.Url, other.Url, "/berattelser", "/kunskapshojande-initiativ"]);

        await UnpublishAsync(Factory, story.Id);

        using (var gone = await client.GetAsync(story.Url))
        {
            Assert.AreEqual(HttpStatusCode.NotFound, gone.StatusCode);
        }
        using (var list = await client.GetAsync("/berattelser"))
        {
            Assert.AreEqual("miss", Cache(list));
            Assert.IsFalse((await list.Content.ReadAsStringAsync()).Contains(story.Url + "\"", StringComparison.Ordinal));
        }
        using (var kept = await client.GetAsync(other.Url))
        {
            Assert.AreEqual("hit", Cache(kept));
        }
        using (var initiatives = await client.GetAsync("/kunskapshojande-initiativ"))
        {
            Assert.AreEqual("hit", Cache(initiatives));
        }
    }

    [TestMethod]
    public async Task An_unpublish_that_rolls_back_evicts_nothing_and_leaves_the_story_public_cached_and_findable()
    {
        var story = await StoryAsync(7);
        var client = Factory.CreateBrowserClient();
        await WarmAsync(client, [story.Url, "/berattelser"]);

        await Factory.WithScopeAsync(async s =>
        {
            await using var unit = await s.GetRequiredService<UnitOfWork>().BeginAsync(CancellationToken.None);
            var item = await s.GetRequiredService<PortalDbContext>().ContentItems.SingleAsync(i => i.Id == story.Id);
            await s.GetRequiredService<ContentPublisher>().UnpublishAsync(item, WorkflowState.Unpublished, CancellationToken.None);
            // The unit is not completed (something failed after the unpublish): it rolls back.
            return true;
        });

        using (var kept = await client.GetAsync(story.Url))
        {
            Assert.AreEqual(HttpStatusCode.OK, kept.StatusCode);
            Assert.AreEqual("hit", Cache(kept), "no after-commit eviction for a change that never committed");
        }
        using (var list = await client.GetAsync("/berattelser"))
        {
            Assert.AreEqual("hit", Cache(list));
        }
        var hits = await Factory.WithScopeAsync(s => s.GetRequiredService<ISearchIndex>().SearchAsync(new SearchRequest(story.Title), CancellationToken.None));
        Assert.Contains(story.Id, hits.Hits.Select(h => h.Id), "the search index was not touched");
    }

    [TestMethod]
    public async Task Renaming_a_tag_evicts_the_pages_of_the_content_that_carries_it()
    {
        var (tag, tagged, untagged) = await Factory.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            var slug = await db.PublishedFacets.Where(f => f.Facet == FacetNames.Tag).GroupBy(f => f.Value)
                .OrderBy(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).FirstAsync();
            var tag = await db.Tags.SingleAsync(t => t.Slug == slug);
            var carrying = await db.PublishedFacets.Where(f => f.Facet == FacetNames.Tag && f.Value == slug).Select(f => f.ItemId).ToListAsync();
            var tagged = await db.PublishedContent.Where(p => p.Type == ContentType.Story && carrying.Contains(p.ItemId)).Select(p => "/berattelser/" + p.Slug).FirstAsync();
            // A story that carries neither the tag nor a collection card that does.
            var inTagged = await db.CollectionMemberships.Where(m => carrying.Contains(m.CollectionId)).Select(m => m.StoryId).ToListAsync();
            var untagged = await db.PublishedContent.Where(p => p.Type == ContentType.Story && !carrying.Contains(p.ItemId) && !inTagged.Contains(p.ItemId))
                .Select(p => "/berattelser/" + p.Slug).FirstAsync();
            return (tag, tagged, untagged);
        });
        var client = Factory.CreateBrowserClient();
        await WarmAsync(client, [tagged, "/taggar", untagged]);
        var reviewer = await ReviewerAsync("tagg.granskare@example.se");

        var result = await Factory.WithScopeAsync(s => s.GetRequiredService<TagManager>().RenameAsync(tag.Id, "Omdöpt testtagg", reviewer, CancellationToken.None));
        Assert.IsTrue(result.Succeeded, result.Message);

        foreach (var url in new[] { tagged, "/taggar" })
        {
            using var response = await client.GetAsync(url);
            Assert.AreEqual("miss", Cache(response), url);
            StringAssert.Contains(await response.Content.ReadAsStringAsync(), "Omdöpt testtagg", url);
        }
        using var kept = await client.GetAsync(untagged);
        Assert.AreEqual("hit", Cache(kept), untagged);
    }

    [TestMethod]
    public async Task A_collection_that_takes_a_story_in_evicts_its_own_page_the_list_and_that_story_but_not_the_others()
    {
        var (collectionId, collectionUrl, added, untouched) = await Factory.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            var collection = await db.PublishedContent.Where(p => p.Type == ContentType.Collection).OrderBy(p => p.Slug).Skip(1).FirstAsync();
            var members = await db.CollectionMemberships.Where(m => m.CollectionId == collection.ItemId).Select(m => m.StoryId).ToListAsync();
            var outside = await db.PublishedContent.Where(p => p.Type == ContentType.Story && !members.Contains(p.ItemId)).OrderBy(p => p.Slug).Take(2).ToListAsync();
            return (collection.ItemId, "/samlingar/" + collection.Slug, outside[0], "/berattelser/" + outside[1].Slug);
        });
        var addedUrl = "/berattelser/" + added.Slug;
        var client = Factory.CreateBrowserClient();
        await WarmAsync(client, [collectionUrl, "/samlingar", addedUrl, untouched]);

        await Factory.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            var item = await db.ContentItems.SingleAsync(i => i.Id == collectionId);
            var latest = await db.ContentVersions.SingleAsync(v => v.Id == item.LatestVersionId);
            var document = ContentDocumentSerializer.Deserialize<CollectionDocument>(latest.DocumentJson);
            var saved = (SaveResult.Saved)await s.GetRequiredService<ContentStore>().SaveAsync(collectionId,
                document with { StoryIds = [.. document.StoryIds, added.ItemId] }, item.LatestVersionId, new ContentAuthor("test", "Test"), "En berättelse till");
            await s.GetRequiredService<ContentPublisher>().PublishAsync(saved.Item, saved.Version, CancellationToken.None);
            return true;
        });

        foreach (var url in new[] { collectionUrl, "/samlingar", addedUrl })
        {
            using var response = await client.GetAsync(url);
            Assert.AreEqual("miss", Cache(response), url);
        }
        StringAssert.Contains(await client.GetStringAsync(collectionUrl), addedUrl);
        using var kept = await client.GetAsync(untouched);
        Assert.AreEqual("hit", Cache(kept), untouched);
    }

    [TestMethod]
    public async Task A_member_gets_the_cached_page_with_their_own_save_state_and_never_another_members_parts()
    {
        var story = await StoryAsync(5);
        var visitor = Factory.CreateBrowserClient();
        await WarmAsync(visitor, [story.Url]);
        var (annaId, anna) = await MemberAsync(Factory, "anna.cache@example.se", "Anna");
        var (_, bertil) = await MemberAsync(Factory, "bertil.cache@example.se", "Bertil");
        await Factory.WithDbAsync(async db =>
        {
            db.Add(new EHalsostodet.Core.Members.SavedItem { UserId = annaId, ItemId = story.Id, SavedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        using (var created = await SubmitAsync(anna, "/mina-sidor/samlingar", "main form[method='post']", new Dictionary<string, string> { ["Name"] = "Annas hemliga samling" }))
        {
            Assert.IsTrue((int)created.StatusCode is >= 300 and < 400, $"{created.StatusCode}");
        }

        using var annaResponse = await anna.GetAsync(story.Url);
        var annaPage = await ParseAsync(annaResponse);
        using var bertilResponse = await bertil.GetAsync(story.Url);
        var bertilHtml = await bertilResponse.Content.ReadAsStringAsync();
        var bertilPage = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(bertilHtml);
        var visitorHtml = await visitor.GetStringAsync(story.Url);

        Assert.AreEqual("hit", Cache(annaResponse), "the member's copy is made from the cached page");
        Assert.AreEqual("true", Pressed(SaveForm(annaPage, story.Id)));
        Assert.AreEqual("false", Pressed(SaveForm(bertilPage, story.Id)));
        StringAssert.Contains(annaPage.DocumentElement.OuterHtml, "Annas hemliga samling");
        Assert.IsFalse(bertilHtml.Contains("Annas hemliga samling", StringComparison.Ordinal));
        Assert.IsFalse(visitorHtml.Contains("Annas hemliga samling", StringComparison.Ordinal));
        Assert.IsFalse(visitorHtml.Contains("__RequestVerificationToken", StringComparison.Ordinal), "the visitors' page holds no token");
        Assert.IsFalse(bertilHtml.Contains("<!--personal:", StringComparison.Ordinal), "a member's copy keeps no marks");
        Assert.AreEqual("Mina sidor", annaPage.QuerySelector(".member-menu a")!.TextContent.Trim());
        foreach (var response in new[] { annaResponse, bertilResponse })
        {
            Assert.IsTrue(response.Headers.CacheControl!.Private && response.Headers.CacheControl.NoStore);
            Assert.IsNull(response.Headers.ETag);
            Assert.AreEqual(0, response.Content.Headers.ContentEncoding.Count);
        }
        var annaToken = annaPage.QuerySelector("form.toggle-form input[name='__RequestVerificationToken']")!.GetAttribute("value");
        var bertilToken = bertilPage.QuerySelector("form.toggle-form input[name='__RequestVerificationToken']")!.GetAttribute("value");
        Assert.AreNotEqual(annaToken, bertilToken);

        // Without JavaScript the form on the cached page saves, and the next copy says so.
        using var saved = await ToggleSaveAsync(bertil, story.Url, story.Id);
        Assert.AreEqual(HttpStatusCode.SeeOther, saved.StatusCode);
        Assert.AreEqual("true", Pressed(SaveForm(await bertil.GetPageAsync(story.Url), story.Id)));
        Assert.AreEqual("Logga in", (await visitor.GetPageAsync(story.Url)).QuerySelector(".member-menu a")!.TextContent.Trim());
    }

    [TestMethod]
    public async Task A_save_made_on_one_instance_shows_on_the_others_cached_page_at_the_next_request()
    {
        // A second portal on the same database, as behind a load balancer; each keeps members' saved items in memory.
        using var second = new PortalFactory(settings: new Dictionary<string, string?>(Factory.Database.Settings));
        var story = await StoryAsync(6);
        var (_, here) = await MemberAsync(Factory, "cecilia.cache@example.se", "Cecilia");
        var there = await second.SignInAsync("cecilia.cache@example.se");
        Assert.AreEqual("false", Pressed(SaveForm(await there.GetPageAsync(story.Url), story.Id)));
        Assert.AreEqual("false", Pressed(SaveForm(await there.GetPageAsync(story.Url), story.Id)), "asked again, from memory");

        using (var saved = await ToggleSaveAsync(here, story.Url, story.Id))
        {
            Assert.AreEqual(HttpStatusCode.SeeOther, saved.StatusCode);
        }
        Assert.AreEqual("true", Pressed(SaveForm(await there.GetPageAsync(story.Url), story.Id)), "the other instance, at once");

        using (var unsaved = await ToggleSaveAsync(there, story.Url, story.Id))
        {
            Assert.AreEqual(HttpStatusCode.SeeOther, unsaved.StatusCode);
        }
        Assert.AreEqual("false", Pressed(SaveForm(await here.GetPageAsync(story.Url), story.Id)), "and back");
        Assert.AreEqual(0, await QueryAsync(Factory, db => db.SavedItems.CountAsync(s => s.ItemId == story.Id && s.UserId == db.Users.Single(u => u.Email == "cecilia.cache@example.se").Id)));
    }

    private static string? Cache(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Cache", out var values) ? values.Single() : null;

    private static async Task WarmAsync(HttpClient client, IEnumerable<string> urls)
    {
        foreach (var url in urls)
        {
            using var first = await client.GetAsync(url);
            Assert.AreEqual(HttpStatusCode.OK, first.StatusCode, url);
            using var second = await client.GetAsync(url);
            Assert.AreEqual("hit", Cache(second), url);
        }
    }

    private static Task<Members.Saving.SeedItem> StoryAsync(int skip) => PublishedAsync(Factory, ContentType.Story, skip);

    private static Task<int> ViewsAsync(Guid itemId) =>
        QueryAsync(Factory, db => db.UsageCounts.Where(u => u.Metric == EHalsostodet.Core.Insights.UsageMetrics.Viewed && u.Subject == itemId.ToString("D")).SumAsync(u => u.Count));

    /// <summary>A story in a collection, that collection's address and the address of a collection without it.</summary>
    private static Task<(Members.Saving.SeedItem Story, string With, string Without)> StoryWithCollectionsAsync() =>
        Factory.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            var membership = await db.CollectionMemberships.OrderBy(m => m.Position).FirstAsync();
            var story = await db.PublishedContent.SingleAsync(p => p.ItemId == membership.StoryId);
            var with = await db.PublishedContent.SingleAsync(p => p.ItemId == membership.CollectionId);
            var without = await db.PublishedContent.Where(p => p.Type == ContentType.Collection &&
                !db.CollectionMemberships.Any(m => m.CollectionId == p.ItemId && m.StoryId == story.ItemId)).FirstAsync();
            return (new Members.Saving.SeedItem(story.ItemId, story.Slug, story.Title, "/berattelser/" + story.Slug), "/samlingar/" + with.Slug, "/samlingar/" + without.Slug);
        });

    private static async Task<WorkflowActor> ReviewerAsync(string email)
    {
        var id = await Factory.CreateUserAsync(email, PortalRoles.Reviewer, "Greta Granskare");
        return new WorkflowActor(id, "Greta Granskare", new HashSet<string> { PortalRoles.Reviewer });
    }

    private static async Task ApproveNewTitleAsync(Guid itemId, string title)
    {
        var editorId = await Factory.CreateUserAsync($"redaktor-{Guid.NewGuid():N}@example.se", PortalRoles.Editor, "Erik Redaktör");
        var editor = new WorkflowActor(editorId, "Erik Redaktör", new HashSet<string> { PortalRoles.Editor });
        var reviewer = await ReviewerAsync($"granskare-{Guid.NewGuid():N}@example.se");
        await Factory.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            var item = await db.ContentItems.SingleAsync(i => i.Id == itemId);
            var latest = await db.ContentVersions.SingleAsync(v => v.Id == item.LatestVersionId);
            var document = ContentDocumentSerializer.Deserialize<StoryDocument>(latest.DocumentJson) with { Title = title };
            await s.GetRequiredService<ContentStore>().SaveAsync(itemId, document, item.LatestVersionId, new ContentAuthor(editorId, "Erik Redaktör"), "Ny rubrik");
            var workflow = s.GetRequiredService<WorkflowService>();
            Assert.IsInstanceOfType<WorkflowResult.Done>(await workflow.ExecuteAsync(itemId, WorkflowAction.Submit, editor, new WorkflowRequest(), CancellationToken.None));
            var approved = await workflow.ExecuteAsync(itemId, WorkflowAction.Approve, reviewer, new WorkflowRequest(), CancellationToken.None);
            Assert.IsInstanceOfType<WorkflowResult.Done>(approved, approved.ToString());
            return true;
        });
    }

    private static byte[] Decompress(byte[] brotli)
    {
        using var input = new System.IO.Compression.BrotliStream(new MemoryStream(brotli), System.IO.Compression.CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
