using System.Data.Common;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Search.Query;
using EHalsostodet.Core.Search.Text;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Search.Sqlite;

/// <summary>
/// Free-text search over published content with SQLite FTS5: the project's parser turns any
/// input into a safe query over stemmed terms, bm25 ranks title above tags above card text
/// above the rest, and words typed without å, ä, ö match the folded columns, ranked lower.
/// </summary>
public sealed class SqliteSearchIndex(PortalDbContext db, SearchVocabulary vocabulary, SearchMissCounter misses) : ISearchIndex
{
    private static readonly string Rank = Fts5Table.Public.Rank;

    public async Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        var parsed = SearchQueryParser.Parse(request.Query);
        // Without words but with a chosen facet (a tag link, a county) the search lists everything that has it, newest first.
        var browse = string.IsNullOrWhiteSpace(request.Query) && (request.Type is not null || request.Filters?.Values.Any(v => v.Count > 0) == true);
        var match = parsed.Root is null ? "" : Fts5Table.Match(parsed.Root);
        if (!browse && match.Length == 0)
        {
            return new SearchResults(0, [], parsed.Message ?? "Skriv ett eller flera ord att söka efter.");
        }
        var ranked = new List<Guid>();
        var values = new Dictionary<Guid, List<(string Facet, string Value)>>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // bm25() only works in a plain query over the FTS table, so rank first, then join.
            await using (var command = Command(browse ? """
                SELECT p.item_id, p.type FROM published_content p ORDER BY p.first_published_at DESC, p.title
                """ : $"""
                SELECT h.item_id, p.type
                FROM (SELECT item_id, {Rank} AS rank FROM search_index WHERE search_index MATCH $match) h
                JOIN published_content p ON p.item_id = h.item_id
                ORDER BY {(request.Newest ? "p.first_published_at DESC, h.rank" : "h.rank, p.title")}
                """, match))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    var id = Guid.Parse(reader.GetString(0));
                    ranked.Add(id);
                    values[id] = [("type", Enum.Parse<ContentType>(reader.GetString(1)).Key())];
                }
            }
            await using (var command = Command(browse ? "SELECT f.item_id, f.facet, f.value FROM published_facets f" : """
                SELECT f.item_id, f.facet, f.value
                FROM (SELECT item_id FROM search_index WHERE search_index MATCH $match) h
                JOIN published_facets f ON f.item_id = h.item_id
                """, match))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    if (values.TryGetValue(Guid.Parse(reader.GetString(0)), out var list))
                    {
                        list.Add((reader.GetString(1), reader.GetString(2)));
                    }
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        var filters = new Dictionary<string, IReadOnlyList<string>>(request.Filters ?? new Dictionary<string, IReadOnlyList<string>>(), StringComparer.Ordinal);
        if (request.Type is { } type)
        {
            filters["type"] = [type.Key()];
        }
        var (kept, facets) = FacetCounter.Apply(ranked, values.ToDictionary(v => v.Key, v => v.Value.ToLookup(x => x.Facet, x => x.Value)), filters);
        var pageIds = kept.Skip((Math.Max(1, request.Page) - 1) * request.PageSize).Take(request.PageSize).ToList();
        var rows = await db.PublishedContent.AsNoTracking().Where(p => pageIds.Contains(p.ItemId)).ToDictionaryAsync(p => p.ItemId, cancellationToken);
        var stems = parsed.PositiveTerms.Select(StemTerm).Where(t => t.Length > 0).ToHashSet();
        var prefixes = PrefixTerms(parsed.Root).Select(t => SearchText.Fold(t.ToLowerInvariant())).ToList();
        var hits = pageIds.Where(rows.ContainsKey).Select(id =>
        {
            var row = rows[id];
            var text = SearchDocument.From(id, ContentDocumentSerializer.Deserialize(row.Type, row.DocumentJson), null);
            return new SearchHit(id, row.Type, row.Title, ContentTypeNames.PublicUrl(row.Type, row.Slug), SnippetBuilder.Build(text.Teaser + "\n" + text.Body, stems, prefixes));
        }).ToList();
        string? didYouMean = null;
        if (ranked.Count == 0 && !browse)
        {
            didYouMean = await vocabulary.DidYouMeanAsync(parsed.PositiveTerms, cancellationToken);
            await misses.CountAsync(parsed.PositiveTerms, cancellationToken);
        }
        return new SearchResults(kept.Count, hits, browse ? null : parsed.Message, didYouMean, facets);
    }

    private DbCommand Command(string sql, string match)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        Add(command, "$match", match);
        return command;
    }

    private static IEnumerable<string> PrefixTerms(SearchNode? node) => node switch
    {
        Term { IsPrefix: true } term => [term.Text],
        And and => and.Children.SelectMany(PrefixTerms),
        Or or => or.Children.SelectMany(PrefixTerms),
        _ => [],
    };

    private static string StemTerm(string term) => Fts5Table.StemTerm(term);

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
