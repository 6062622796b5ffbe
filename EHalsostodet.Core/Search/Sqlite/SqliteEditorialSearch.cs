using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Search.Query;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Search.Sqlite;

/// <summary>
/// Searches the editorial FTS5 index. Before each search it re-indexes the items whose
/// concurrency stamp changed since they were indexed (every save and workflow step changes it),
/// so the index is always current without hooks in every place that changes content.
/// </summary>
public sealed class SqliteEditorialSearch(PortalDbContext db) : IEditorialSearch
{
    private static readonly Fts5Table Table = Fts5Table.Editorial;

    public async Task<EditorialSearchResult> SearchAsync(string text, CancellationToken cancellationToken)
    {
        var parsed = SearchQueryParser.Parse(EditorialQueryText.WithLastWordAsPrefix(text));
        var match = parsed.Root is null ? "" : Fts5Table.Match(parsed.Root);
        if (match.Length == 0)
        {
            return new EditorialSearchResult([], parsed.Message ?? "Skriv ett eller flera ord att söka efter.");
        }
        await RefreshAsync(cancellationToken);
#pragma warning disable EF1002 // the table and rank expression are ours; the query is a parameter
        var ids = await db.Database.SqlQueryRaw<string>(
            $"SELECT item_id AS \"Value\" FROM {Table.Name} WHERE {Table.Name} MATCH {{0}} ORDER BY {Table.Rank}", match).ToListAsync(cancellationToken);
#pragma warning restore EF1002
        return new EditorialSearchResult(ids.Select(Guid.Parse).ToList(), parsed.Message);
    }

    /// <summary>Brings the index in step with the content table: new and changed items in, deleted items out.</summary>
    public async Task<int> RefreshAsync(CancellationToken cancellationToken)
    {
        var indexed = (await db.Database.SqlQueryRaw<IndexedStamp>("SELECT item_id AS ItemId, stamp AS Stamp FROM editorial_search_index").ToListAsync(cancellationToken))
            .ToDictionary(r => Guid.Parse(r.ItemId), r => Guid.Parse(r.Stamp));
        return await EditorialIndexRefresh.RunAsync(db, indexed,
            (document, stamp) => Table.WriteAsync(db, document, stamp, cancellationToken),
            id => Table.DeleteAsync(db, id, cancellationToken), cancellationToken);
    }

    private sealed record IndexedStamp(string ItemId, string Stamp);
}
