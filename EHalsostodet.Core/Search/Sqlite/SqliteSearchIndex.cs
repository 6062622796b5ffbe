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
public sealed class SqliteSearchIndex(PortalDbContext db, SearchVocabulary vocabulary) : ISearchIndex
{
    private const string Columns = "{title tags teaser body}";
    private const string FoldedColumns = "{title_folded tags_folded teaser_folded body_folded}";
    private const string Rank = "bm25(search_index, 0, 10.0, 6.0, 4.0, 1.0, 5.0, 3.0, 2.0, 0.5)";

    public async Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        var parsed = SearchQueryParser.Parse(request.Query);
        if (parsed.Root is null)
        {
            return new SearchResults(0, [], parsed.Message ?? "Skriv ett eller flera ord att söka efter.");
        }
        var stemmed = Fts5QueryWriter.Write(parsed.Root, StemTerm);
        var folded = Fts5QueryWriter.Write(parsed.Root, t => SearchText.Fold(StemTerm(t)));
        if (stemmed.Length == 0)
        {
            return new SearchResults(0, [], "Skriv ett eller flera ord att söka efter.");
        }
        var match = $"{Columns} : ({stemmed}) OR {FoldedColumns} : ({folded})";
        var typeFilter = request.Type is { } type ? "AND p.type = $type" : "";
        // bm25() only works in a plain query over the FTS table, so rank first, then join.
        var sql = $"""
            WITH hits AS (SELECT item_id, {Rank} AS rank FROM search_index WHERE search_index MATCH $match)
            SELECT p.item_id, p.type, p.slug, p.title, p.document_json, count(*) OVER () AS total
            FROM hits h JOIN published_content p ON p.item_id = h.item_id
            WHERE 1 = 1 {typeFilter}
            ORDER BY h.rank, p.title
            LIMIT $limit OFFSET $offset
            """;

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            Add(command, "$match", match);
            Add(command, "$type", request.Type?.ToString() ?? "");
            Add(command, "$limit", request.PageSize);
            Add(command, "$offset", (Math.Max(1, request.Page) - 1) * request.PageSize);
            var stems = parsed.PositiveTerms.Select(StemTerm).Where(t => t.Length > 0).ToHashSet();
            var prefixes = PrefixTerms(parsed.Root).Select(t => SearchText.Fold(t.ToLowerInvariant())).ToList();
            var hits = new List<SearchHit>();
            var total = 0;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var contentType = Enum.Parse<ContentType>(reader.GetString(1));
                var document = ContentDocumentSerializer.Deserialize(contentType, reader.GetString(4));
                var text = SearchDocument.From(Guid.Parse(reader.GetString(0)), document, null);
                var snippet = SnippetBuilder.Build(text.Teaser + "\n" + text.Body, stems, prefixes);
                hits.Add(new SearchHit(Guid.Parse(reader.GetString(0)), contentType, reader.GetString(3), ContentTypeNames.PublicUrl(contentType, reader.GetString(2)), snippet));
                total = reader.GetInt32(5);
            }
            if (hits.Count == 0 && request.Page > 1)
            {
                total = await CountAsync(match, request.Type, cancellationToken);
            }
            var didYouMean = total == 0 ? await vocabulary.DidYouMeanAsync(parsed.PositiveTerms, cancellationToken) : null;
            return new SearchResults(total, hits, parsed.Message, didYouMean);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<int> CountAsync(string match, ContentType? type, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "SELECT count(*) FROM search_index s JOIN published_content p ON p.item_id = s.item_id WHERE search_index MATCH $match" + (type is null ? "" : " AND p.type = $type");
        Add(command, "$match", match);
        Add(command, "$type", type?.ToString() ?? "");
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static IEnumerable<string> PrefixTerms(SearchNode node) => node switch
    {
        Term { IsPrefix: true } term => [term.Text],
        And and => and.Children.SelectMany(PrefixTerms),
        Or or => or.Children.SelectMany(PrefixTerms),
        _ => [],
    };

    private static string StemTerm(string term) => SwedishStemmer.Stem(term.ToLowerInvariant());

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
