using EHalsostodet.Core.Content;

namespace EHalsostodet.Core.Search;

/// <summary>A facet the search page offers, with the values it lists.</summary>
public sealed record ShownFacet(string Name, string Title, IReadOnlyList<FacetCount> Values);

/// <summary>
/// The facets that can narrow a result, in the page's order. Initiative-only facets appear only
/// when initiatives are among the hits, and a facet whose every value is on every hit (every
/// story has all five process steps) is left out. A facet with a chosen value always stays, so
/// the choice can be undone.
/// </summary>
public static class ShownFacets
{
    /// <summary>The most values a facet lists, by count; chosen values beyond them are listed too.</summary>
    public const int MaxValues = 12;

    public static IReadOnlyList<ShownFacet> For(SearchResults results, IReadOnlyDictionary<string, IReadOnlyList<string>> filters)
    {
        if (results.Facets is not { } found)
        {
            return [];
        }
        var initiativesAmongHits = InitiativesAmongHits(found, filters);
        var shown = new List<ShownFacet>();
        foreach (var (name, title) in FacetLabels.Facets)
        {
            if (!found.TryGetValue(name, out var counts) || counts.Count == 0)
            {
                continue;
            }
            if (!counts.Any(c => c.Selected) &&
                ((FacetLabels.InitiativeOnly.Contains(name) && !initiativesAmongHits) || counts.All(c => c.Count == results.Total)))
            {
                continue;
            }
            var values = FacetLabels.Ordered(name, counts.Take(MaxValues).Concat(counts.Skip(MaxValues).Where(c => c.Selected))).ToList();
            shown.Add(new ShownFacet(name, title, values));
        }
        return shown;
    }

    /// <summary>The type facet counts initiatives among the hits, and no chosen type leaves them out.</summary>
    private static bool InitiativesAmongHits(IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> found, IReadOnlyDictionary<string, IReadOnlyList<string>> filters)
    {
        var initiative = ContentType.Initiative.Key();
        var chosenTypes = filters.GetValueOrDefault(FacetLabels.Type);
        return (chosenTypes is not { Count: > 0 } || chosenTypes.Contains(initiative)) &&
            found.TryGetValue(FacetLabels.Type, out var types) && types.Any(t => t.Value == initiative && t.Count > 0);
    }
}
