using EHalsostodet.Core.Publishing;
using EHalsostodet.Core.Time;

namespace EHalsostodet.Core.Insights;

/// <summary>
/// The start page's popular tags: tags of published content, ordered by how much content has
/// them plus how often visitors chose them in the last 90 days.
/// </summary>
public sealed class PopularTags(PublishedQueries queries, UsageCounter usage, IShownContent shown, TimeProvider clock)
{
    public const int UsageDays = 90;

    public async Task<IReadOnlyList<TagCount>> TopAsync(int count, CancellationToken cancellationToken)
    {
        shown.Popularity();
        var tags = await queries.PopularTagsAsync(int.MaxValue, cancellationToken);
        var since = SwedishTime.Today(clock).AddDays(-UsageDays);
        var uses = (await usage.TopAsync(UsageMetrics.TagUsed, since, int.MaxValue, cancellationToken)).ToDictionary(u => u.Subject, u => u.Count);
        return tags
            .OrderByDescending(t => t.Count + uses.GetValueOrDefault(t.Slug))
            .ThenBy(t => t.Slug, StringComparer.Ordinal)
            .Take(count)
            .ToList();
    }
}
