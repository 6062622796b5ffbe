using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Search.Query;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Search.Postgres;

/// <summary>
/// Searches the editorial tsvector index. Before each search it re-indexes the items whose
/// concurrency stamp changed since they were indexed (every save and workflow step changes it),
/// so the index is always current without hooks in every place that changes content.
/// </summary>
public sealed class PostgresEditorialSearch(PortalDbContext db) : IEditorialSearch
{
    private static readonly TsVectorTable Table = TsVectorTable.Editorial;

    public async Task<EditorialSearchResult> SearchAsync(string text, CancellationToken cancellationToken)
    {
        var parsed = SearchQueryParser.Parse(EditorialQueryText.WithLastWordAsPrefix(text));
        var parameters = new PostgresParameters();
        if (parsed.Root is null || TsVectorTable.Queries(parsed.Root, parameters) is not { } q)
        {
            return new EditorialSearchResult([], parsed.Message ?? SearchQueryParser.EmptyMessage);
        }
        await RefreshAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"""
                SELECT s.item_id
                FROM {Table.Name} s CROSS JOIN (SELECT {q.Stemmed} AS stemmed, {q.Folded} AS folded) q
                WHERE {TsVectorTable.Matches("s", "q.stemmed", "q.folded")}
                ORDER BY {TsVectorTable.Rank("s", "q.stemmed", "q.folded")} DESC, s.item_id
                """;
            parameters.AddTo(command);
            var ids = new List<Guid>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetGuid(0));
            }
            return new EditorialSearchResult(ids, parsed.Message);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Brings the index in step with the content table: new and changed items in, deleted items out.</summary>
    public async Task<int> RefreshAsync(CancellationToken cancellationToken)
    {
        var indexed = (await db.Database.SqlQueryRaw<IndexedStamp>("SELECT item_id AS \"ItemId\", stamp AS \"Stamp\" FROM editorial_search_index").ToListAsync(cancellationToken))
            .ToDictionary(r => r.ItemId, r => r.Stamp);
        return await EditorialIndexRefresh.RunAsync(db, indexed,
            (document, stamp) => Table.WriteLatestAsync(db, document, stamp, cancellationToken),
            id => Table.DeleteAsync(db, id, cancellationToken), cancellationToken);
    }

    private sealed record IndexedStamp(Guid ItemId, Guid Stamp);
}
