using EHalsostodet.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Content;

/// <summary>A version without its document, for lists of versions.</summary>
public sealed record VersionHeader(Guid Id, int Number, string AuthorName, DateTime CreatedAt, string ChangeNote, string? PublicChangeNote);

/// <summary>
/// Reads items and their versions for the back office and the management API, drafts included.
/// Nothing here is for the public site: that reads <see cref="Publishing.PublishedQueries"/>.
/// </summary>
public sealed class ContentQueries(PortalDbContext db)
{
    public Task<ContentItem?> ItemAsync(Guid id, CancellationToken cancellationToken) =>
        db.ContentItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);

    public Task<bool> ExistsAsync(Guid id, CancellationToken cancellationToken) =>
        db.ContentItems.AnyAsync(i => i.Id == id, cancellationToken);

    /// <summary>An item's type, or null when there is no such item; synchronous for callers that cannot wait.</summary>
    public ContentType? TypeOf(Guid id) =>
        db.ContentItems.Where(i => i.Id == id).Select(i => (ContentType?)i.Type).FirstOrDefault();

    /// <summary>Every item (or every item of a type), last changed first.</summary>
    public async Task<IReadOnlyList<ContentItem>> ListAsync(ContentType? type, CancellationToken cancellationToken)
    {
        var items = db.ContentItems.AsNoTracking();
        if (type is { } only)
        {
            items = items.Where(i => i.Type == only);
        }
        return await items.OrderByDescending(i => i.UpdatedAt).ThenBy(i => i.Title).ToListAsync(cancellationToken);
    }

    /// <summary>Every version of an item with its document, newest first.</summary>
    public async Task<IReadOnlyList<ContentVersion>> VersionsAsync(Guid itemId, CancellationToken cancellationToken) =>
        await db.ContentVersions.AsNoTracking()
            .Where(v => v.ItemId == itemId)
            .OrderByDescending(v => v.Number)
            .ToListAsync(cancellationToken);

    /// <summary>Every version of an item without the documents, newest first.</summary>
    public async Task<IReadOnlyList<VersionHeader>> VersionHeadersAsync(Guid itemId, CancellationToken cancellationToken) =>
        await db.ContentVersions.AsNoTracking()
            .Where(v => v.ItemId == itemId)
            .OrderByDescending(v => v.Number)
            .Select(v => new VersionHeader(v.Id, v.Number, v.AuthorName, v.CreatedAt, v.ChangeNote, v.PublicChangeNote))
            .ToListAsync(cancellationToken);

    public Task<ContentVersion?> VersionAsync(Guid itemId, int number, CancellationToken cancellationToken) =>
        db.ContentVersions.AsNoTracking().FirstOrDefaultAsync(v => v.ItemId == itemId && v.Number == number, cancellationToken);

    public Task<ContentVersion?> VersionAsync(Guid itemId, Guid versionId, CancellationToken cancellationToken) =>
        db.ContentVersions.AsNoTracking().FirstOrDefaultAsync(v => v.ItemId == itemId && v.Id == versionId, cancellationToken);

    /// <summary>The item's versions with the numbers given; those that do not exist are left out.</summary>
    public async Task<IReadOnlyList<ContentVersion>> VersionsAsync(Guid itemId, IReadOnlyCollection<int> numbers, CancellationToken cancellationToken) =>
        await db.ContentVersions.AsNoTracking()
            .Where(v => v.ItemId == itemId && numbers.Contains(v.Number))
            .ToListAsync(cancellationToken);

    /// <summary>The item's versions with the ids given; those that do not exist are left out.</summary>
    public async Task<IReadOnlyList<ContentVersion>> VersionsAsync(Guid itemId, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        await db.ContentVersions.AsNoTracking()
            .Where(v => v.ItemId == itemId && ids.Contains(v.Id))
            .ToListAsync(cancellationToken);

    /// <summary>The highest version number of an item; 0 when it has none.</summary>
    public async Task<int> LatestNumberAsync(Guid itemId, CancellationToken cancellationToken) =>
        await db.ContentVersions.Where(v => v.ItemId == itemId).MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0;

    /// <summary>Who saved the versions after one number up to and including another, newest first, each name once.</summary>
    public async Task<IReadOnlyList<string>> AuthorsBetweenAsync(Guid itemId, int afterNumber, int toNumber, CancellationToken cancellationToken) =>
        (await db.ContentVersions.AsNoTracking()
            .Where(v => v.ItemId == itemId && v.Number > afterNumber && v.Number <= toNumber)
            .OrderByDescending(v => v.Number).Select(v => v.AuthorName).ToListAsync(cancellationToken))
        .Distinct().ToList();

    /// <summary>The slug the item is published at, or null when it is not published.</summary>
    public Task<string?> PublishedSlugAsync(Guid itemId, CancellationToken cancellationToken) =>
        db.PublishedContent.AsNoTracking().Where(p => p.ItemId == itemId).Select(p => p.Slug).FirstOrDefaultAsync(cancellationToken);

    /// <summary>When the item was first published, or null when it is not published.</summary>
    public Task<DateTime?> FirstPublishedAtAsync(Guid itemId, CancellationToken cancellationToken) =>
        db.PublishedContent.AsNoTracking().Where(p => p.ItemId == itemId).Select(p => (DateTime?)p.FirstPublishedAt).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Titles of the items among the ids.</summary>
    public async Task<Dictionary<Guid, string>> TitlesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        await db.ContentItems.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Title, cancellationToken);

    /// <summary>Alt texts of the images among the ids.</summary>
    public async Task<Dictionary<Guid, string>> ImageAltTextsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        await db.MediaItems.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.AltText, cancellationToken);
}
