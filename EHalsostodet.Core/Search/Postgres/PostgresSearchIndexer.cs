using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Publishing;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Search.Postgres;

/// <summary>
/// Keeps the tsvector index in step with publishing. It runs inside the publishing transaction,
/// so a search right after approval finds the item and one right after unpublishing does not.
/// </summary>
public sealed class PostgresSearchIndexer(PortalDbContext db) : ISearchIndexer
{
    public async Task HandleAsync(ContentPublishedNotification notification, CancellationToken cancellationToken)
    {
        var municipality = notification.Document is StoryDocument story
            ? await db.Municipalities.Where(m => m.Code == story.MunicipalityCode).Select(m => m.Name + " " + m.County).FirstOrDefaultAsync(cancellationToken)
            : null;
        await IndexAsync(SearchDocument.From(notification.Item.Id, notification.Document, municipality), cancellationToken);
    }

    public Task HandleAsync(ContentUnpublishedNotification notification, CancellationToken cancellationToken) =>
        TsVectorTable.Public.DeleteAsync(db, notification.Item.Id, cancellationToken);

    /// <summary>Adds the item, replacing what the index held for it.</summary>
    public Task IndexAsync(SearchDocument document, CancellationToken cancellationToken) =>
        TsVectorTable.Public.WriteAsync(db, document, null, cancellationToken);

    public async Task<int> RebuildAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM search_index", cancellationToken);
        var municipalities = await db.Municipalities.AsNoTracking().ToDictionaryAsync(m => m.Code, m => m.Name + " " + m.County, cancellationToken);
        var count = 0;
        foreach (var row in await db.PublishedContent.AsNoTracking().ToListAsync(cancellationToken))
        {
            var document = ContentDocumentSerializer.Deserialize(row.Type, row.DocumentJson);
            await IndexAsync(SearchDocument.From(row.ItemId, document, row.MunicipalityCode is { } code ? municipalities.GetValueOrDefault(code) : null), cancellationToken);
            count++;
        }
        await transaction.CommitAsync(cancellationToken);
        return count;
    }

    public Task<int> CountAsync(CancellationToken cancellationToken) =>
        db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM search_index").SingleAsync(cancellationToken);
}
