using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Core.Taxonomy;
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
            ? await db.Municipalities.AsNoTracking().FirstOrDefaultAsync(m => m.Code == story.MunicipalityCode, cancellationToken)
            : null;
        await IndexAsync(notification.Item.Id, notification.Document, municipality, cancellationToken);
    }

    public Task HandleAsync(ContentUnpublishedNotification notification, CancellationToken cancellationToken) =>
        TsVectorTable.Public.DeleteAsync(db, notification.Item.Id, cancellationToken);

    public async Task<int> RebuildAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM search_index", cancellationToken);
        var municipalities = await db.Municipalities.AsNoTracking().ToDictionaryAsync(m => m.Code, cancellationToken);
        var count = 0;
        foreach (var row in await db.PublishedContent.AsNoTracking().ToListAsync(cancellationToken))
        {
            var document = ContentDocumentSerializer.Deserialize(row.Type, row.DocumentJson);
            await IndexAsync(row.ItemId, document, row.MunicipalityCode is { } code ? municipalities.GetValueOrDefault(code) : null, cancellationToken);
            count++;
        }
        await transaction.CommitAsync(cancellationToken);
        return count;
    }

    public Task<int> CountAsync(CancellationToken cancellationToken) =>
        db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM search_index").SingleAsync(cancellationToken);

    /// <summary>Adds the item, replacing what the index held for it; a story is also found by its municipality and county.</summary>
    private Task IndexAsync(Guid itemId, IContentDocument document, Municipality? municipality, CancellationToken cancellationToken) =>
        TsVectorTable.Public.WritePublishedAsync(
            db,
            SearchDocument.From(itemId, document, municipality is null ? null : municipality.Name + " " + municipality.County),
            TrigramSpelling.Words(document, municipality?.Name),
            cancellationToken);
}
