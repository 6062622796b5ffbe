namespace EHalsostodet.Core.Search;

/// <summary>Facet counts as the search page and the API list them.</summary>
public static class FacetCounter
{
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
