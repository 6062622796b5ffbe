using EHalsostodet.Core.Content;
using EHalsostodet.Core.Notifications;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Core.Search.Text;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Search.Sqlite;

/// <summary>
/// Keeps the FTS5 index in step with publishing. It runs inside the publishing transaction, so
/// a search right after approval finds the item and one right after unpublishing does not.
/// </summary>
public sealed class SqliteSearchIndexer(PortalDbContext db) :
    INotificationHandler<ContentPublishedNotification>, INotificationHandler<ContentUnpublishedNotification>
{
    public async Task HandleAsync(ContentPublishedNotification notification, CancellationToken cancellationToken)
    {
        var municipality = notification.Document is StoryDocument story
            ? await db.Municipalities.Where(m => m.Code == story.MunicipalityCode).Select(m => m.Name + " " + m.County).FirstOrDefaultAsync(cancellationToken)
            : null;
        await IndexAsync(SearchDocument.From(notification.Item.Id, notification.Document, municipality), cancellationToken);
    }

    public Task HandleAsync(ContentUnpublishedNotification notification, CancellationToken cancellationToken) =>
        RemoveAsync(notification.Item.Id, cancellationToken);

    /// <summary>Adds the item, replacing what the index held for it.</summary>
    public async Task IndexAsync(SearchDocument document, CancellationToken cancellationToken)
    {
        await RemoveAsync(document.ItemId, cancellationToken);
        await AddAsync(document, cancellationToken);
    }

    /// <summary>
    /// Adds an item the index does not hold yet. Cheaper than <see cref="IndexAsync"/> on a large
    /// index: removing by item id scans the whole FTS table, as item_id is not an indexed column.
    /// </summary>
    public Task AddAsync(SearchDocument document, CancellationToken cancellationToken)
    {
        string Stemmed(string text) => string.Join(' ', SearchText.StemmedTerms(text));
        string Folded(string text) => string.Join(' ', SearchText.FoldedTerms(text));
        return db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO search_index (item_id, title, tags, teaser, body, title_folded, tags_folded, teaser_folded, body_folded)
            VALUES ({Key(document.ItemId)}, {Stemmed(document.Title)}, {Stemmed(document.Tags)}, {Stemmed(document.Teaser)}, {Stemmed(document.Body)},
                    {Folded(document.Title)}, {Folded(document.Tags)}, {Folded(document.Teaser)}, {Folded(document.Body)})
            """, cancellationToken);
    }

    public Task RemoveAsync(Guid itemId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM search_index WHERE item_id = {Key(itemId)}", cancellationToken);

    /// <summary>The item id as EF Core stores a GUID in SQLite (upper-case text), so the index joins the read model.</summary>
    private static string Key(Guid id) => id.ToString().ToUpperInvariant();

    /// <summary>Empties the index and fills it again from the published read model.</summary>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM search_index", cancellationToken);
        var municipalities = await db.Municipalities.AsNoTracking().ToDictionaryAsync(m => m.Code, m => m.Name + " " + m.County, cancellationToken);
        var count = 0;
        foreach (var row in await db.PublishedContent.AsNoTracking().ToListAsync(cancellationToken))
        {
            var document = ContentDocumentSerializer.Deserialize(row.Type, row.DocumentJson);
            await AddAsync(SearchDocument.From(row.ItemId, document, row.MunicipalityCode is { } code ? municipalities.GetValueOrDefault(code) : null), cancellationToken);
            count++;
        }
        await transaction.CommitAsync(cancellationToken);
        return count;
    }

    public Task<int> CountAsync(CancellationToken cancellationToken) =>
        db.Database.SqlQueryRaw<int>("SELECT count(*) AS \"Value\" FROM search_index").SingleAsync(cancellationToken);
}
