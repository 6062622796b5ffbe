using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Search.Query;
using EHalsostodet.Core.Search.Text;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Search.Postgres;

/// <summary>
/// One table of the shape made by the search migrations on PostgreSQL: a tsvector of the
/// 'swedish' configuration weighted title A, tags B, teaser C, body D, and a second one of the
/// same words stemmed and folded without å, ä, ö ('simple' configuration), ranked lower. The
/// public index also keeps the plain text for snippets; the editorial index keeps each item's
/// concurrency stamp, to see what changed since.
/// </summary>
public sealed class TsVectorTable
{
    public static readonly TsVectorTable Public = new("search_index", editorial: false);
    public static readonly TsVectorTable Editorial = new("editorial_search_index", editorial: true);

    /// <summary>ts_rank_cd weights in the order D, C, B, A: body, teaser, tags, title.</summary>
    private const string Weights = "ARRAY[0.1, 0.2, 0.4, 1.0]::float4[]";

    /// <summary>What the folded vector's matches count for next to the same match with å, ä, ö.</summary>
    private const string FoldedShare = "0.5";

    /// <summary>Marks a matching word in the text ts_headline returns; stripped from indexed text, so only a match has it.</summary>
    public const char MarkStart = '\uE000', MarkEnd = '\uE001';

    private readonly bool editorial;

    private TsVectorTable(string name, bool editorial)
    {
        Name = name;
        this.editorial = editorial;
    }

    public string Name { get; }

    /// <summary>The query of the stemmed vector and of the folded one, or null when no searchable term is left.</summary>
    internal static (string Stemmed, string Folded)? Queries(SearchNode root, PostgresParameters parameters)
    {
        var stemmed = TsQueryWriter.Write(root, "swedish", t => t, parameters);
        var folded = TsQueryWriter.Write(root, "simple", t => SearchText.Fold(SwedishStemmer.Stem(t.ToLowerInvariant())), parameters);
        return stemmed is null || folded is null ? null : (stemmed, folded);
    }

    /// <summary>True when a row aliased <paramref name="row"/> matches either query.</summary>
    public static string Matches(string row, string stemmed, string folded) => $"({row}.document @@ {stemmed} OR {row}.folded @@ {folded})";

    /// <summary>Higher is better: field weights on both vectors, the folded one counting less.</summary>
    public static string Rank(string row, string stemmed, string folded) =>
        $"(ts_rank_cd({Weights}, {row}.document, {stemmed}) + {FoldedShare} * ts_rank_cd({Weights}, {row}.folded, {folded}))";

    /// <summary>Adds the item or replaces what the table held for it.</summary>
    public Task WriteAsync(PortalDbContext db, SearchDocument document, Guid? stamp, CancellationToken cancellationToken)
    {
        static string Words(string text) => string.Join(' ', SearchText.Tokenize(text));
        static string Folded(string text) => string.Join(' ', SearchText.FoldedTerms(text));
        var (extraColumn, extraValue, extraUpdate, extra) = editorial
            ? (", stamp", ", {9}", ", stamp = excluded.stamp", (object)(stamp ?? Guid.Empty))
            : (", content", ", {9}", ", content = excluded.content", StripMarks(document.Teaser + "\n" + document.Body));
#pragma warning disable EF1002 // the table and column names are ours, every text is a parameter
        return db.Database.ExecuteSqlRawAsync($$"""
            INSERT INTO {{Name}} (item_id, document, folded{{extraColumn}})
            VALUES ({0},
                setweight(to_tsvector('swedish', {1}), 'A') || setweight(to_tsvector('swedish', {2}), 'B')
                    || setweight(to_tsvector('swedish', {3}), 'C') || setweight(to_tsvector('swedish', {4}), 'D'),
                setweight(to_tsvector('simple', {5}), 'A') || setweight(to_tsvector('simple', {6}), 'B')
                    || setweight(to_tsvector('simple', {7}), 'C') || setweight(to_tsvector('simple', {8}), 'D'){{extraValue}})
            ON CONFLICT (item_id) DO UPDATE SET document = excluded.document, folded = excluded.folded{{extraUpdate}}
            """, [document.ItemId, Words(document.Title), Words(document.Tags), Words(document.Teaser), Words(document.Body),
                Folded(document.Title), Folded(document.Tags), Folded(document.Teaser), Folded(document.Body), extra], cancellationToken);
    }

    public Task DeleteAsync(PortalDbContext db, Guid itemId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync($"DELETE FROM {Name} WHERE item_id = {{0}}", [itemId], cancellationToken);
#pragma warning restore EF1002

    private static string StripMarks(string text) => text.Replace(MarkStart.ToString(), "", StringComparison.Ordinal).Replace(MarkEnd.ToString(), "", StringComparison.Ordinal);
}
