using System.Globalization;
using System.Text;

namespace EHalsostodet.Core.Search;

/// <summary>
/// The SQL both engines use to apply facet filters once per matching item, by the rules of
/// <see cref="FacetCounter"/>: each chosen facet's condition becomes a column pass0, pass1, …,
/// an item is kept when every column holds, and a facet's counts ignore only its own column.
/// </summary>
internal sealed class FacetPassSql(IReadOnlyList<(string Facet, string Sql)> conditions, string trueLiteral)
{
    /// <summary>The pass columns, each led by a comma, to follow the other selected columns.</summary>
    public string Columns => string.Concat(conditions.Select((c, i) => $", ({c.Sql}) AS pass{i}"));

    /// <summary>Every pass column but those of <paramref name="facet"/> (null: all of them), joined with AND.</summary>
    public string Passes(string? facet = null)
    {
        var columns = conditions.Select((c, i) => (c.Facet, Column: $"pass{i}")).Where(c => c.Facet != facet).Select(c => c.Column).ToList();
        return columns.Count == 0 ? trueLiteral : string.Join(" AND ", columns);
    }

    /// <summary>The condition for counting a row of published_facets f: every pass but that of the row's own facet.</summary>
    /// <param name="parameter">Adds a facet name as a parameter and gives its placeholder.</param>
    public string FacetRowPasses(Func<string, string> parameter)
    {
        if (conditions.Count == 0)
        {
            return Passes();
        }
        var condition = new StringBuilder("CASE f.facet");
        foreach (var facet in conditions.Select(c => c.Facet))
        {
            condition.Append(CultureInfo.InvariantCulture, $" WHEN {parameter(facet)} THEN {Passes(facet)}");
        }
        return condition.Append(CultureInfo.InvariantCulture, $" ELSE {Passes()} END").ToString();
    }
}
