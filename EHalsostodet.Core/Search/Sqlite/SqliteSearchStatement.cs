using System.Data.Common;
using System.Globalization;
using EHalsostodet.Core.Content;

namespace EHalsostodet.Core.Search.Sqlite;

/// <summary>What one search statement found.</summary>
/// <param name="Matched">Items matching the words, before the facet filters.</param>
/// <param name="Kept">Items that also pass the facet filters.</param>
/// <param name="PageIds">The requested page of kept items, in order.</param>
internal sealed record SqliteSearchPage(int Matched, int Kept, IReadOnlyList<Guid> PageIds, IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets);

/// <summary>
/// One SQL statement for a search: it matches and ranks once, then returns the counts, the facet
/// counts and one page of ranked ids, so only those leave the database rather than a row per hit
/// and facet value. Facets follow the rules of <see cref="FacetCounter"/>: AND across facets, OR
/// within one, each facet's counts reflecting every other chosen filter but its own, chosen
/// values listed even at zero.
/// </summary>
internal static class SqliteSearchStatement
{
    private static readonly string Rank = Fts5Table.Public.Rank;

    private const int TypeRow = 0, FacetRow = 1, MatchedRow = 2, KeptRow = 3, PageRow = 4;

    public static async Task<SqliteSearchPage> RunAsync(
        DbConnection connection, string? match, IReadOnlyDictionary<string, IReadOnlyList<string>> filters, bool newest, int skip, int take,
        CancellationToken cancellationToken)
    {
        var sqlFilters = new SqliteFacetFilters(filters);
        var conditions = sqlFilters.Conditions;
        await using var command = connection.CreateCommand();
        if (match is not null)
        {
            AddParameter(command, "$match", match);
        }
        AddParameter(command, "$take", take);
        AddParameter(command, "$skip", skip);
        sqlFilters.AddParameters(command);

        var passes = new FacetPassSql(conditions, "1");
        var facetNumber = 0;
        var facetCondition = passes.FacetRowPasses(name =>
        {
            var placeholder = "$facet" + (facetNumber++).ToString(CultureInfo.InvariantCulture);
            AddParameter(command, placeholder, name);
            return placeholder;
        });
        var order = newest ? "first_published_at DESC, rank, item_id" : "rank, title, item_id";

        // bm25() only works in a plain query over the FTS table, so rank first, then join.
        // CROSS JOIN keeps SQLite from scanning every facet row instead of those of the matches.
        // Without a match (browsing by facets alone) every published item takes part, unranked.
        var source = match is null
            ? "published_content p"
            : $"(SELECT item_id, {Rank} AS rank FROM search_index WHERE search_index MATCH $match) h JOIN published_content p ON p.item_id = h.item_id";
        command.CommandText = $"""
            WITH m AS MATERIALIZED (
                SELECT p.item_id, {(match is null ? "0" : "h.rank")} AS rank, p.type, p.title, p.first_published_at{passes.Columns}
                FROM {source}
            )
            SELECT {TypeRow}, 'type', m.type, sum({passes.Passes(FacetLabels.Type)}) FROM m GROUP BY m.type
            UNION ALL
            SELECT {FacetRow}, f.facet, f.value, sum({facetCondition}) FROM m CROSS JOIN published_facets f ON f.item_id = m.item_id GROUP BY f.facet, f.value
            UNION ALL
            SELECT {MatchedRow}, NULL, NULL, count(*) FROM m
            UNION ALL
            SELECT {KeptRow}, NULL, NULL, count(*) FROM m WHERE {passes.Passes()}
            UNION ALL
            SELECT {PageRow}, item_id, NULL, row_number() OVER (ORDER BY {order})
            FROM (SELECT * FROM m WHERE {passes.Passes()} ORDER BY {order} LIMIT $take OFFSET $skip)
            """;

        var matched = 0;
        var kept = 0;
        var page = new List<(int Position, Guid Id)>();
        var counts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var number = reader.GetInt32(3);
                switch (reader.GetInt32(0))
                {
                    case MatchedRow:
                        matched = number;
                        break;
                    case KeptRow:
                        kept = number;
                        break;
                    case PageRow:
                        page.Add((number, Guid.Parse(reader.GetString(1))));
                        break;
                    case var row:
                        var facet = reader.GetString(1);
                        var value = row == TypeRow ? Enum.Parse<ContentType>(reader.GetString(2)).Key() : reader.GetString(2);
                        // A facet that some matching item has is listed even when no count is left after the filters.
                        var values = counts.TryGetValue(facet, out var found) ? found : counts[facet] = new Dictionary<string, int>(StringComparer.Ordinal);
                        if (number > 0)
                        {
                            values[value] = number;
                        }
                        break;
                }
            }
        }
        return new SqliteSearchPage(matched, kept, page.OrderBy(p => p.Position).Select(p => p.Id).ToList(), FacetCounter.FromCounts(counts, filters));
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
