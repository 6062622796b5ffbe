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

    /// <summary>
    /// Counts an engine made per facet and value, as the search page lists them: by count, chosen
    /// values marked and listed even at zero.
    /// </summary>
    internal static Dictionary<string, IReadOnlyList<FacetCount>> FromCounts(
        Dictionary<string, Dictionary<string, int>> counts, IReadOnlyDictionary<string, IReadOnlyList<string>> filters)
    {
        var selected = filters.Where(f => f.Value.Count > 0).ToDictionary(f => f.Key, f => f.Value.ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var facets = new Dictionary<string, IReadOnlyList<FacetCount>>(StringComparer.Ordinal);
        foreach (var facet in counts.Keys.Concat(selected.Keys).Distinct(StringComparer.Ordinal))
        {
            var values = counts.GetValueOrDefault(facet) ?? new Dictionary<string, int>(StringComparer.Ordinal);
            var chosen = selected.GetValueOrDefault(facet) ?? [];
            foreach (var value in chosen)
            {
                values.TryAdd(value, 0);
            }
            facets[facet] = values
                .Select(v => new FacetCount(v.Key, v.Value, chosen.Contains(v.Key)))
                .OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal)
                .ToList();
        }
        return facets;
    }
}
