using EHalsostodet.Core.Search.Query;
using EHalsostodet.Core.Search.Text;
using EHalsostodet.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Search.Sqlite;

/// <summary>
/// One FTS5 table of the shape made by the search migrations: stemmed columns and the same terms
/// folded without å, ä, ö, ranked lower. The public index holds published content; the
/// editorial index holds every item's latest version, drafts included.
/// </summary>
public sealed class Fts5Table
{
    public static readonly Fts5Table Public = new("search_index");
    public static readonly Fts5Table Editorial = new("editorial_search_index");

    private Fts5Table(string name)
    {
        Name = name;
        Rank = $"bm25({name}, 0, {(name == "search_index" ? "" : "0, ")}10.0, 6.0, 4.0, 1.0, 5.0, 3.0, 2.0, 0.5)";
    }

    public string Name { get; }

    /// <summary>bm25 with the field weights: title > tags > card text > the rest, folded columns lower.</summary>
    public string Rank { get; }

    /// <summary>The MATCH expression for a parsed query, or "" when no searchable term is left.</summary>
    public static string Match(SearchNode root)
    {
        var stemmed = Fts5QueryWriter.Write(root, StemTerm);
        if (stemmed.Length == 0)
        {
            return "";
        }
        var folded = Fts5QueryWriter.Write(root, t => SearchText.Fold(StemTerm(t)));
        return $"{{title tags teaser body}} : ({stemmed}) OR {{title_folded tags_folded teaser_folded body_folded}} : ({folded})";
    }

    public static string StemTerm(string term) => SwedishStemmer.Stem(term.ToLowerInvariant());

    /// <summary>The item id as EF Core stores a GUID in SQLite (upper-case text), so the index joins the other tables.</summary>
    public static string Key(Guid id) => id.ToString().ToUpperInvariant();

    /// <summary>Replaces the item's row. The editorial index also keeps the item's concurrency stamp, to see what changed since.</summary>
    public async Task WriteAsync(PortalDbContext db, SearchDocument document, Guid? stamp, CancellationToken cancellationToken)
    {
        await DeleteAsync(db, document.ItemId, cancellationToken);
        await InsertAsync(db, document, stamp, cancellationToken);
    }

    /// <summary>Adds a row for an item the table does not hold yet.</summary>
    public async Task InsertAsync(PortalDbContext db, SearchDocument document, Guid? stamp, CancellationToken cancellationToken)
    {
        static string Stemmed(string text) => string.Join(' ', SearchText.StemmedTerms(text));
        static string Folded(string text) => string.Join(' ', SearchText.FoldedTerms(text));
        var stampColumn = stamp is null ? "" : "stamp, ";
        var stampValue = stamp is null ? "" : $"'{Key(stamp.Value)}', ";
#pragma warning disable EF1002 // the table name and stamp are ours, every text is a parameter
        await db.Database.ExecuteSqlRawAsync($$"""
            INSERT INTO {{Name}} (item_id, {{stampColumn}}title, tags, teaser, body, title_folded, tags_folded, teaser_folded, body_folded)
            VALUES ({0}, {{stampValue}}{1}, {2}, {3}, {4}, {5}, {6}, {7}, {8})
            """, [Key(document.ItemId), Stemmed(document.Title), Stemmed(document.Tags), Stemmed(document.Teaser), Stemmed(document.Body),
                Folded(document.Title), Folded(document.Tags), Folded(document.Teaser), Folded(document.Body)], cancellationToken);
    }

    public Task DeleteAsync(PortalDbContext db, Guid itemId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync($"DELETE FROM {Name} WHERE item_id = {{0}}", [Key(itemId)], cancellationToken);
#pragma warning restore EF1002
}
