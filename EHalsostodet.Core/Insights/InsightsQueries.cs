using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Publishing;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Insights;

/// <summary>A period of whole days, both ends included.</summary>
public sealed record InsightsPeriod(DateOnly From, DateOnly To)
{
    public IEnumerable<DateOnly> Days()
    {
        for (var day = From; day <= To; day = day.AddDays(1))
        {
            yield return day;
        }
    }
}

/// <summary>How often something happened to one item in a period.</summary>
/// <param name="Url">The public address while the item is published; null otherwise.</param>
public sealed record ItemUsage(Guid ItemId, ContentType Type, string Title, string? Url, int Count);

/// <summary>One day's counts of one subject, per metric.</summary>
public sealed record DailyUsage(DateOnly Day, IReadOnlyDictionary<string, int> Counts);

/// <summary>One row of the insights CSV: a day, a metric, a subject and its count.</summary>
public sealed record UsageRow(DateOnly Day, string Metric, string Subject, string Title, int Count);

/// <summary>
/// The editors' indicators for following up the portal's benefit, read from the anonymous
/// daily usage counts: what is viewed, saved, shared and exported, and how it develops.
/// </summary>
public sealed class InsightsQueries(PortalDbContext db, UsageCounter usage)
{
    public static readonly IReadOnlyList<string> ItemMetrics = [UsageMetrics.Viewed, UsageMetrics.Saved, UsageMetrics.Shared, UsageMetrics.Exported];

    public async Task<IReadOnlyList<ItemUsage>> TopItemsAsync(string metric, InsightsPeriod period, int count, CancellationToken cancellationToken)
    {
        await usage.FlushAsync(cancellationToken);
        var top = await Counts(metric, period)
            .GroupBy(u => u.Subject)
            .Select(g => new { Subject = g.Key, Count = g.Sum(u => u.Count) })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Subject)
            .Take(count * 2)
            .ToListAsync(cancellationToken);
        var ids = top.Select(t => Guid.TryParse(t.Subject, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).ToList();
        var items = await ItemsAsync(ids, cancellationToken);
        return top
            .Where(t => Guid.TryParse(t.Subject, out var id) && items.ContainsKey(id))
            .Select(t => items[Guid.Parse(t.Subject)] with { Count = t.Count })
            .Take(count)
            .ToList();
    }

    /// <summary>The tags visitors chose most in the period, with their names.</summary>
    public async Task<IReadOnlyList<(string Slug, string Name, int Count)>> TopTagsAsync(InsightsPeriod period, int count, CancellationToken cancellationToken)
    {
        await usage.FlushAsync(cancellationToken);
        var top = await Counts(UsageMetrics.TagUsed, period)
            .GroupBy(u => u.Subject)
            .Select(g => new { Slug = g.Key, Count = g.Sum(u => u.Count) })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Slug)
            .Take(count)
            .ToListAsync(cancellationToken);
        var slugs = top.Select(t => t.Slug).ToList();
        var names = await db.Tags.AsNoTracking().Where(t => slugs.Contains(t.Slug)).ToDictionaryAsync(t => t.Slug, t => t.Name, cancellationToken);
        return top.Select(t => (t.Slug, names.GetValueOrDefault(t.Slug, t.Slug), t.Count)).ToList();
    }

    /// <summary>
    /// Every day of the period with each item metric's count: for one item, for a collection's
    /// stories (<paramref name="subjects"/> with several ids), or for all content (null).
    /// </summary>
    public async Task<IReadOnlyList<DailyUsage>> DailyAsync(IReadOnlyCollection<Guid>? subjects, InsightsPeriod period, CancellationToken cancellationToken)
    {
        await usage.FlushAsync(cancellationToken);
        var keys = subjects?.Select(UsageCounter.Subject).ToList();
        var rows = await db.UsageCounts.AsNoTracking()
            .Where(u => ItemMetrics.Contains(u.Metric) && u.Day >= period.From && u.Day <= period.To && (keys == null || keys.Contains(u.Subject)))
            .GroupBy(u => new { u.Day, u.Metric })
            .Select(g => new { g.Key.Day, g.Key.Metric, Count = g.Sum(u => u.Count) })
            .ToListAsync(cancellationToken);
        var byDay = rows.ToLookup(r => r.Day);
        return period.Days()
            .Select(day => new DailyUsage(day, ItemMetrics.ToDictionary(m => m, m => byDay[day].Where(r => r.Metric == m).Sum(r => r.Count))))
            .ToList();
    }

    public async Task<ItemUsage?> ItemAsync(Guid id, CancellationToken cancellationToken) =>
        (await ItemsAsync([id], cancellationToken)).GetValueOrDefault(id);

    /// <summary>The stories of a published collection, whose use its page shows beside its own.</summary>
    public async Task<IReadOnlyList<Guid>> CollectionStoryIdsAsync(Guid collectionId, CancellationToken cancellationToken) =>
        await db.CollectionStoryIds(collectionId).ToListAsync(cancellationToken);

    /// <summary>Every count in the period with a readable title, for the CSV download.</summary>
    public async Task<IReadOnlyList<UsageRow>> RowsAsync(InsightsPeriod period, CancellationToken cancellationToken)
    {
        await usage.FlushAsync(cancellationToken);
        var rows = await db.UsageCounts.AsNoTracking()
            .Where(u => u.Day >= period.From && u.Day <= period.To)
            .OrderBy(u => u.Day).ThenBy(u => u.Metric).ThenBy(u => u.Subject)
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => Guid.TryParse(r.Subject, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
        var items = await ItemsAsync(ids, cancellationToken);
        var tags = await db.Tags.AsNoTracking().ToDictionaryAsync(t => t.Slug, t => t.Name, cancellationToken);
        return rows.Select(r => new UsageRow(r.Day, r.Metric, r.Subject,
            Guid.TryParse(r.Subject, out var id) && items.TryGetValue(id, out var item) ? item.Title : tags.GetValueOrDefault(r.Subject, ""), r.Count)).ToList();
    }

    private IQueryable<UsageCount> Counts(string metric, InsightsPeriod period) =>
        db.UsageCounts.AsNoTracking().Where(u => u.Metric == metric && u.Day >= period.From && u.Day <= period.To);

    private async Task<Dictionary<Guid, ItemUsage>> ItemsAsync(List<Guid> ids, CancellationToken cancellationToken)
    {
        var items = await db.ContentItems.AsNoTracking().Where(i => ids.Contains(i.Id))
            .Select(i => new { i.Id, i.Type, i.Title, i.Slug, IsLive = i.PublishedVersionId != null })
            .ToListAsync(cancellationToken);
        return items.ToDictionary(i => i.Id, i => new ItemUsage(i.Id, i.Type, i.Title, i.IsLive ? PortalPaths.Of(i.Type, i.Slug) : null, 0));
    }
}
