using System.Data.Common;
using System.Globalization;
using EHalsostodet.Core.Content;

namespace EHalsostodet.Core.Search.Sqlite;

/// <summary>
/// The chosen facet values as SQL conditions on a published_content row aliased <c>p</c>: one
/// condition per facet, true when the item has any of the chosen values (OR within a facet).
/// Values compare as <see cref="FacetCounter"/> compares them: exactly.
/// </summary>
internal sealed class SqliteFacetFilters
{
    private readonly List<(string Facet, string Sql)> _conditions = [];
    private readonly List<(string Name, string Value)> _parameters = [];

    public SqliteFacetFilters(IReadOnlyDictionary<string, IReadOnlyList<string>> filters)
    {
        foreach (var (facet, values) in filters.Where(f => f.Value.Count > 0).OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            _conditions.Add((facet, facet == FacetLabels.Type ? TypeCondition(values) : FacetCondition(facet, values)));
        }
    }

    /// <summary>Per facet with chosen values, the condition an item must meet.</summary>
    public IReadOnlyList<(string Facet, string Sql)> Conditions => _conditions;

    public void AddParameters(DbCommand command)
    {
        foreach (var (name, value) in _parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
    }

    /// <summary>The type is a column of the read model, stored as the enum name; the facet value is its key.</summary>
    private string TypeCondition(IReadOnlyList<string> keys)
    {
        var names = Enum.GetValues<ContentType>().Where(t => keys.Contains(t.Key(), StringComparer.Ordinal)).Select(t => t.ToString()).ToList();
        return names.Count == 0 ? "0" : $"p.type IN ({string.Join(", ", names.Select(Parameter))})";
    }

    private string FacetCondition(string facet, IReadOnlyList<string> values) =>
        $"EXISTS (SELECT 1 FROM published_facets x WHERE x.item_id = p.item_id AND x.facet = {Parameter(facet)} AND x.value IN ({string.Join(", ", values.Distinct(StringComparer.Ordinal).Select(Parameter))}))";

    private string Parameter(string value)
    {
        var name = "$f" + _parameters.Count.ToString(CultureInfo.InvariantCulture);
        _parameters.Add((name, value));
        return name;
    }
}
