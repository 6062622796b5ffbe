using System.Data.Common;
using System.Globalization;
using System.Net;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Search.Query;

namespace EHalsostodet.Core.Search.Postgres;

/// <summary>What one search statement found.</summary>
/// <param name="Matched">Items matching the words, before the facet filters.</param>
/// <param name="Kept">Items that also pass the facet filters.</param>
/// <param name="PageIds">The requested page of kept items, in order.</param>
/// <param name="Snippets">Per item of the page, safe HTML with the matching words marked; none when browsing.</param>
internal sealed record PostgresSearchPage(
    int Matched, int Kept, IReadOnlyList<Guid> PageIds, IReadOnlyDictionary<Guid, string> Snippets, IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets);

/// <summary>
/// One SQL statement for a search, as SqliteSearchStatement on SQLite: it matches
/// and ranks once, then returns the counts, the facet counts and one page of ranked ids with
/// their ts_headline snippets. Facets follow the rules of <see cref="FacetCounter"/>: AND across
/// facets, OR within one, each facet's counts reflecting every other chosen filter but its own.
/// </summary>
internal static class PostgresSearchStatement
{
    private const int TypeRow = 0, FacetRow = 1, MatchedRow = 2, KeptRow = 3, PageRow = 4;

    /// <summary>ts_headline's options: the private-use marks stand for &lt;mark&gt; until the text is encoded.</summary>
    private static readonly string HeadlineOptions =
        $"StartSel={TsVectorTable.MarkStart}, StopSel={TsVectorTable.MarkEnd}, MaxWords=35, MinWords=15, ShortWord=2, MaxFragments=2, FragmentDelimiter=\" … \"";

    /// <param name="root">The parsed words, or null to browse by facets alone: every published item, newest first.</param>
    public static async Task<PostgresSearchPage> RunAsync(
        DbConnection connection, SearchNode? root, IReadOnlyDictionary<string, IReadOnlyList<string>> filters, bool newest, int skip, int take,
        CancellationToken cancellationToken)
    {
        var parameters = new PostgresParameters();
        var queries = root is null ? null : TsVectorTable.Queries(root, parameters);
        var conditions = new PostgresFacetFilters(filters, parameters).Conditions;

        var passes = new FacetPassSql(conditions, "true");
        var facetCondition = passes.FacetRowPasses(facet => parameters.Add(facet));
        var order = newest ? "first_published_at DESC, rank DESC, item_id" : "rank DESC, title, item_id";
        var takeParameter = parameters.Add(take);
        var skipParameter = parameters.Add(skip);

        // Without words (browsing by facets alone) every published item takes part, unranked and without snippets.
        var (queryTable, source, rank, snippet, snippetSource) = queries is { } q
            ? ($"q AS (SELECT {q.Stemmed} AS stemmed, {q.Folded} AS folded),",
                $"search_index s CROSS JOIN q JOIN published_content p ON p.item_id = s.item_id WHERE {TsVectorTable.Matches("s", "q.stemmed", "q.folded")}",
                TsVectorTable.Rank("s", "q.stemmed", "q.folded"),
                $"ts_headline('swedish', s.content, q.stemmed, {parameters.Add(HeadlineOptions)})",
                "JOIN search_index s ON s.item_id = page.item_id CROSS JOIN q")
            : ("", "published_content p", "0", "NULL", "");

        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            WITH {queryTable} m AS MATERIALIZED (
                SELECT p.item_id, {rank} AS rank, p.type, p.title, p.first_published_at{passes.Columns}
                FROM {source}
            )
            SELECT {TypeRow}, 'type', m.type::text, count(*) FILTER (WHERE {passes.Passes(FacetLabels.Type)}) FROM m GROUP BY m.type
            UNION ALL
            SELECT {FacetRow}, f.facet::text, f.value::text, count(*) FILTER (WHERE {facetCondition}) FROM m JOIN published_facets f ON f.item_id = m.item_id GROUP BY f.facet, f.value
            UNION ALL
            SELECT {MatchedRow}, NULL, NULL, count(*) FROM m
            UNION ALL
            SELECT {KeptRow}, NULL, NULL, count(*) FROM m WHERE {passes.Passes()}
            UNION ALL
            SELECT {PageRow}, page.item_id::text, {snippet}, page.position
            FROM (
                SELECT m.item_id, row_number() OVER (ORDER BY {order}) AS position FROM m WHERE {passes.Passes()}
                ORDER BY {order} LIMIT {takeParameter} OFFSET {skipParameter}
            ) page {snippetSource}
            """;
        parameters.AddTo(command);

        var matched = 0;
        var kept = 0;
        var page = new List<(long Position, Guid Id)>();
        var snippets = new Dictionary<Guid, string>();
        var counts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var number = reader.GetInt64(3);
                switch (reader.GetInt32(0))
                {
                    case MatchedRow:
                        matched = (int)number;
                        break;
                    case KeptRow:
                        kept = (int)number;
                        break;
                    case PageRow:
                        var id = Guid.Parse(reader.GetString(1));
                        page.Add((number, id));
                        if (!reader.IsDBNull(2))
                        {
                            snippets[id] = SafeSnippet(reader.GetString(2));
                        }
                        break;
                    case var row:
                        var facet = reader.GetString(1);
                        var value = row == TypeRow ? Enum.Parse<ContentType>(reader.GetString(2)).Key() : reader.GetString(2);
                        // A facet that some matching item has is listed even when no count is left after the filters.
                        var values = counts.TryGetValue(facet, out var found) ? found : counts[facet] = new Dictionary<string, int>(StringComparer.Ordinal);
                        if (number > 0)
                        {
                            values[value] = (int)number;
                        }
                        break;
                }
            }
        }
        return new PostgresSearchPage(matched, kept, page.OrderBy(p => p.Position).Select(p => p.Id).ToList(), snippets, FacetCounter.FromCounts(counts, filters));
    }

    /// <summary>The headline HTML-encoded, then its marks turned into &lt;mark&gt;: no other markup can get through.</summary>
    private static string SafeSnippet(string headline) =>
        WebUtility.HtmlEncode(headline.Trim())
            .Replace(TsVectorTable.MarkStart.ToString(), "<mark>", StringComparison.Ordinal)
            .Replace(TsVectorTable.MarkEnd.ToString(), "</mark>", StringComparison.Ordinal);
}
