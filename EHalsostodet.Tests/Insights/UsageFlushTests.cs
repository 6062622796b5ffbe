using System.Diagnostics;
using System.Net;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Insights;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EHalsostodet.Tests.Insights;

/// <summary>
/// Views, saves, shares and exports are counted in memory and written in batches, so a page view
/// never waits for a database write; the counts still reach the database, none lost.
/// </summary>
[TestClass]
public sealed class UsageFlushTests
{
    private static Task<int> StoredViewsAsync(PortalFactory factory, Guid itemId) =>
        factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().UsageCounts.AsNoTracking()
            .Where(u => u.Metric == UsageMetrics.Viewed && u.Subject == UsageCounter.Subject(itemId)).SumAsync(u => u.Count));

    private static Task<PublishedContent> FirstStoryAsync(PortalFactory factory) =>
        factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().PublishedContent.AsNoTracking()
            .Where(p => p.Type == ContentType.Story).OrderBy(p => p.Slug).FirstAsync());

    [TestMethod]
    public async Task Views_reach_the_database_on_their_own_within_the_flush_interval()
    {
        using var factory = new PortalFactory(settings: new Dictionary<string, string?> { ["Usage:FlushSeconds"] = "1" });
        var story = await FirstStoryAsync(factory);
        using var client = factory.CreateClient();
        for (var i = 0; i < 2; i++)
        {
            using var response = await client.GetAsync(new Uri($"/berattelser/{story.Slug}", UriKind.Relative));
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        }

        var watch = Stopwatch.StartNew();
        while (await StoredViewsAsync(factory, story.ItemId) < 2 && watch.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(100);
        }
        Assert.AreEqual(2, await StoredViewsAsync(factory, story.ItemId), "both views written by the periodic flush, with nothing reading them");
    }

    [TestMethod]
    public async Task Counts_still_in_memory_when_the_portal_stops_are_written()
    {
        using var factory = new PortalFactory(settings: new Dictionary<string, string?> { ["Usage:FlushSeconds"] = "3600" });
        var story = await FirstStoryAsync(factory);
        using (var response = await factory.CreateClient().GetAsync(new Uri($"/berattelser/{story.Slug}", UriKind.Relative)))
        {
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        }
        Assert.AreEqual(0, await StoredViewsAsync(factory, story.ItemId), "an hour's interval has not passed");

        await factory.Services.GetServices<IHostedService>().OfType<UsageFlushService>().Single().StopAsync(CancellationToken.None);

        Assert.AreEqual(1, await StoredViewsAsync(factory, story.ItemId));
    }

    [TestMethod]
    public async Task Counting_from_many_requests_while_flushes_run_loses_no_count()
    {
        using var factory = new PortalFactory(settings: new Dictionary<string, string?> { ["Usage:FlushSeconds"] = "3600" });
        var story = await FirstStoryAsync(factory);
        const int Counters = 8, CountsEach = 500;

        var counting = Enumerable.Range(0, Counters).Select(_ => Task.Run(() => factory.WithScopeAsync(async s =>
        {
            var counter = s.GetRequiredService<UsageCounter>();
            for (var i = 0; i < CountsEach; i++)
            {
                await counter.CountAsync(UsageMetrics.Viewed, story.ItemId, CancellationToken.None);
                if (i % 100 == 0)
                {
                    await Task.Yield();
                }
            }
            return true;
        })));
        var flushing = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                await factory.FlushUsageCountsAsync();
            }
        }));
        await Task.WhenAll(counting.Concat(flushing));
        await factory.FlushUsageCountsAsync();

        Assert.AreEqual(Counters * CountsEach, await StoredViewsAsync(factory, story.ItemId));
        var rows = await factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().UsageCounts.AsNoTracking()
            .CountAsync(u => u.Metric == UsageMetrics.Viewed && u.Subject == UsageCounter.Subject(story.ItemId)));
        Assert.AreEqual(1, rows, "one row per day, item and metric");
    }
}
