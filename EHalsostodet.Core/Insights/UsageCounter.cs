using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Insights;

/// <summary>
/// Adds to the anonymous daily usage counts. Counting only adds to this instance's
/// <see cref="UsageCountBuffer"/>; reading writes what is pending first, so counts read here are exact.
/// </summary>
public sealed class UsageCounter(PortalDbContext db, UsageCountBuffer buffer, TimeProvider clock)
{
    public static string Subject(Guid itemId) => itemId.ToString("D");

    public Task CountAsync(string metric, Guid itemId, CancellationToken cancellationToken) =>
        CountAsync(metric, Subject(itemId), cancellationToken);

    public Task CountAsync(string metric, string subject, CancellationToken cancellationToken)
    {
        buffer.Add(SwedishTime.Today(clock), metric, subject);
        return Task.CompletedTask;
    }

    /// <summary>Writes this instance's pending counts now, as the periodic flush would.</summary>
    public Task FlushAsync(CancellationToken cancellationToken) => buffer.FlushAsync(db, cancellationToken);

    /// <summary>The subjects with the highest counts of a metric since a day, highest first.</summary>
    public async Task<IReadOnlyList<(string Subject, int Count)>> TopAsync(string metric, DateOnly since, int count, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
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
