namespace EHalsostodet.Core.Search;

/// <summary>
/// Applies facet filters to a ranked hit list and counts facet values: AND across facets, OR
/// within one, and each facet's counts reflect every other chosen filter but its own.
/// </summary>
public static class FacetCounter
{
    public static (IReadOnlyList<Guid> Kept, IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets) Apply(
        IReadOnlyList<Guid> rankedHits,
        IReadOnlyDictionary<Guid, ILookup<string, string>> valuesByItem,
        IReadOnlyDictionary<string, IReadOnlyList<string>> filters)
    {
        var active = filters.Where(f => f.Value.Count > 0).ToDictionary(f => f.Key, f => f.Value.ToHashSet(StringComparer.Ordinal));
        bool Passes(Guid item, string? except) => active.All(f =>
            f.Key == except || (valuesByItem.TryGetValue(item, out var values) && values[f.Key].Any(f.Value.Contains)));

        var facets = new Dictionary<string, IReadOnlyList<FacetCount>>(StringComparer.Ordinal);
        var facetNames = valuesByItem.Values.SelectMany(v => v.Select(g => g.Key)).Concat(active.Keys).Distinct();
        foreach (var facet in facetNames)
        {
            var counts = rankedHits.Where(id => Passes(id, facet))
                .SelectMany(id => valuesByItem.TryGetValue(id, out var values) ? values[facet].Distinct() : [])
                .GroupBy(v => v)
                .ToDictionary(g => g.Key, g => g.Count());
            foreach (var selected in active.GetValueOrDefault(facet) ?? [])
            {
                counts.TryAdd(selected, 0);
            }
            facets[facet] = counts
                .Select(c => new FacetCount(c.Key, c.Value, active.GetValueOrDefault(facet)?.Contains(c.Key) == true))
                .OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal)
                .ToList();
        }
        return (rankedHits.Where(id => Passes(id, null)).ToList(), facets);
    }
}
