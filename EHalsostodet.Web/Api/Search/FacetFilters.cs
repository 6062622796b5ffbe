using EHalsostodet.Core.Search;

namespace EHalsostodet.Web.Api.Search;

/// <summary>Facet filters from a query string: known facet names only, bounded in number and length.</summary>
public static class FacetFilters
{
    public const int MaxValuesPerFacet = 20;
    public const int MaxValueLength = 200;

    public static Dictionary<string, IReadOnlyList<string>> FromQuery(IQueryCollection query, params string[] except) =>
        query
            .Where(p => FacetLabels.IsKnown(p.Key) && !except.Contains(p.Key))
            .ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value.OfType<string>()
                .Where(v => v.Length is > 0 and <= MaxValueLength).Distinct().Take(MaxValuesPerFacet).ToList());
}
