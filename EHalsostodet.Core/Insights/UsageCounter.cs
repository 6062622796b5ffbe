using EHalsostodet.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Insights;

/// <summary>Adds to the anonymous daily usage counts.</summary>
public sealed class UsageCounter(PortalDbContext db, TimeProvider clock)
{
    public static string Subject(Guid itemId) => itemId.ToString("D");

    public Task CountAsync(string metric, Guid itemId, CancellationToken cancellationToken) =>
        CountAsync(metric, Subject(itemId), cancellationToken);

    public async Task CountAsync(string metric, string subject, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        // One statement, so two requests at once cannot lose a count.
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO usage_counts (day, metric, subject, count) VALUES ({today}, {metric}, {subject}, 1)
            ON CONFLICT (day, metric, subject) DO UPDATE SET count = usage_counts.count + 1
            """, cancellationToken);
    }

    /// <summary>The subjects with the highest counts of a metric since a day, highest first.</summary>
    public async Task<IReadOnlyList<(string Subject, int Count)>> TopAsync(string metric, DateOnly since, int count, CancellationToken cancellationToken)
    {
        var rows = await db.UsageCounts.AsNoTracking()
            .Where(u => u.Metric == metric && u.Day >= since)
            .GroupBy(u => u.Subject)
            .Select(g => new { Subject = g.Key, Count = g.Sum(u => u.Count) })
            .OrderByDescending(r => r.Count).ThenBy(r => r.Subject)
            .Take(count)
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.Subject, r.Count)).ToList();
    }
}
