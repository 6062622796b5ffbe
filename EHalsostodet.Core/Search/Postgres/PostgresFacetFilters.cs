using EHalsostodet.Core.Content;

namespace EHalsostodet.Core.Search.Postgres;

/// <summary>
/// The chosen facet values as SQL conditions on a published_content row aliased <c>p</c>: one
/// condition per facet, true when the item has any of the chosen values (OR within a facet).
/// Values compare as <see cref="FacetCounter"/> compares them: exactly.
/// </summary>
internal sealed class PostgresFacetFilters
{
    private readonly List<(string Facet, string Sql)> _conditions = [];

    public PostgresFacetFilters(IReadOnlyDictionary<string, IReadOnlyList<string>> filters, PostgresParameters parameters)
    {
        foreach (var (facet, values) in filters.Where(f => f.Value.Count > 0).OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            _conditions.Add((facet, facet == FacetLabels.Type ? TypeCondition(values, parameters) : FacetCondition(facet, values, parameters)));
        }
    }

    /// <summary>Per facet with chosen values, the condition an item must meet.</summary>
    public IReadOnlyList<(string Facet, string Sql)> Conditions => _conditions;

    /// <summary>The type is a column of the read model, stored as the enum name; the facet value is its key.</summary>
    private static string TypeCondition(IReadOnlyList<string> keys, PostgresParameters parameters)
    {
        var names = Enum.GetValues<ContentType>().Where(t => keys.Contains(t.Key(), StringComparer.Ordinal)).Select(t => t.ToString()).ToArray();
        return names.Length == 0 ? "false" : $"p.type = ANY({parameters.Add(names)})";
    }

    private static string FacetCondition(string facet, IReadOnlyList<string> values, PostgresParameters parameters) =>
        $"EXISTS (SELECT 1 FROM published_facets x WHERE x.item_id = p.item_id AND x.facet = {parameters.Add(facet)} AND x.value = ANY({parameters.Add(values.Distinct(StringComparer.Ordinal).ToArray())}))";
}
