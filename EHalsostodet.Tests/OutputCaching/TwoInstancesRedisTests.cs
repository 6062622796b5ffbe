using System.Diagnostics;
using System.Net;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Workflow;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.OutputCaching;

/// <summary>
/// Two instances on one PostgreSQL database sharing their output cache in Redis (test.sh starts
/// one and names it in EHALSOSTODET_TEST_REDIS): a page one instance cached the other serves, and
/// a publish on one is never served stale by the other for more than a second.
/// </summary>
// Its deadline (never stale after a second) is measured alone on the machine.
[TestClass]
[DoNotParallelize]
[TestCategory(TestDatabase.PostgresOnly)]
public sealed class TwoInstancesRedisTests
{
    private static PortalFactory first = null!;
    private static PortalFactory second = null!;

    [ClassInitialize]
    public static void Start(TestContext context)
    {
        var redis = Environment.GetEnvironmentVariable("EHALSOSTODET_TEST_REDIS");
        Assert.IsFalse(string.IsNullOrEmpty(redis), "EHALSOSTODET_TEST_REDIS names no Redis server (test.sh starts one with scripts/test-redis.sh).");
        var shared = new Dictionary<string, string?> { ["OutputCache:Redis"] = redis, ["OutputCache:RedisPrefix"] = $"test-{Guid.NewGuid():N}:" };
        first = new PortalFactory(settings: shared);
        // The first instance migrates and seeds the database before the second one starts on it.
        _ = first.Services;
        second = new PortalFactory(settings: new Dictionary<string, string?>(first.Database.Settings.Concat(shared)));
        _ = second.Services;
    }

    [ClassCleanup]
    public static void Stop()
    {
        second.Dispose();
        first.Dispose();
    }

    [TestMethod]
    public async Task A_page_cached_by_one_instance_is_served_by_the_other_from_redis()
    {
        var url = await StoryUrlAsync(0);
        using var onFirst = await first.CreateClient().GetAsync(url);
        Assert.AreEqual("miss", Cache(onFirst));

        using var onSecond = await second.CreateClient().GetAsync(url);

        Assert.AreEqual("hit", Cache(onSecond));
        Assert.AreEqual(await onFirst.Content.ReadAsStringAsync(), await onSecond.Content.ReadAsStringAsync());
    }

    [TestMethod]
    public async Task A_story_approved_on_one_instance_is_never_served_stale_by_the_other_after_a_second()
    {
        var url = await StoryUrlAsync(2);
        var visitor = second.CreateClient();
        using (var warm = await visitor.GetAsync(url))
        {
            Assert.AreEqual(HttpStatusCode.OK, warm.StatusCode);
        }
        // Visitors keep asking the other instance while the change is approved, so a page rendered
        // from the old content in between could be kept.
        using var stop = new CancellationTokenSource();
        var asking = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var response = await visitor.GetAsync(url, CancellationToken.None);
            }
        });

        await ApproveNewTitleAsync(first, url, "Larmkedjan efter granskning");
        var approved = Stopwatch.StartNew();

        var fresh = await WithinAsync(TimeSpan.FromSeconds(1), async () => (await visitor.GetStringAsync(url)).Contains("Larmkedjan efter granskning", StringComparison.Ordinal));
        await stop.CancelAsync();
        await asking;
        Assert.IsTrue(fresh, $"the other instance showed the change after {approved.ElapsedMilliseconds} ms");
        for (var i = 0; i < 20; i++)
        {
            StringAssert.Contains(await visitor.GetStringAsync(url), "Larmkedjan efter granskning", $"request {i} after the change was shown");
        }
        StringAssert.Contains(await first.CreateClient().GetStringAsync(url), "Larmkedjan efter granskning");
    }

    private static string? Cache(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Cache", out var values) ? values.Single() : null;

    private static Task<string> StoryUrlAsync(int skip) =>
        first.WithScopeAsync(async s => "/berattelser/" + await s.GetRequiredService<PortalDbContext>().PublishedContent.AsNoTracking()
            .Where(p => p.Type == ContentType.Story).OrderBy(p => p.Slug).Skip(skip).Select(p => p.Slug).FirstAsync());

    private static async Task ApproveNewTitleAsync(PortalFactory on, string url, string title)
    {
        var editorId = await on.CreateUserAsync($"redaktor-{Guid.NewGuid():N}@example.se", PortalRoles.Editor, "Erik Redaktör");
        var reviewerId = await on.CreateUserAsync($"granskare-{Guid.NewGuid():N}@example.se", PortalRoles.Reviewer, "Greta Granskare");
        await on.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            var slug = url["/berattelser/".Length..];
            var itemId = await db.PublishedContent.Where(p => p.Slug == slug && p.Type == ContentType.Story).Select(p => p.ItemId).SingleAsync();
            var item = await db.ContentItems.AsNoTracking().SingleAsync(i => i.Id == itemId);
            var latest = await db.ContentVersions.AsNoTracking().SingleAsync(v => v.Id == item.LatestVersionId);
            var document = ContentDocumentSerializer.Deserialize<StoryDocument>(latest.DocumentJson) with { Title = title };
            await s.GetRequiredService<ContentStore>().SaveAsync(itemId, document, item.LatestVersionId, new ContentAuthor(editorId, "Erik Redaktör"), "Ny rubrik");
            var workflow = s.GetRequiredService<WorkflowService>();
            Assert.IsInstanceOfType<WorkflowResult.Done>(await workflow.ExecuteAsync(itemId, WorkflowAction.Submit,
                new WorkflowActor(editorId, "Erik Redaktör", new HashSet<string> { PortalRoles.Editor }), new WorkflowRequest(), CancellationToken.None));
            Assert.IsInstanceOfType<WorkflowResult.Done>(await workflow.ExecuteAsync(itemId, WorkflowAction.Approve,
                new WorkflowActor(reviewerId, "Greta Granskare", new HashSet<string> { PortalRoles.Reviewer }), new WorkflowRequest(), CancellationToken.None));
            return true;
        });
    }

    private static async Task<bool> WithinAsync(TimeSpan limit, Func<Task<bool>> condition)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (await condition())
            {
                return true;
            }
            if (watch.Elapsed > limit)
            {
                return false;
            }
            await Task.Delay(25);
        }
    }
}
