using EHalsostodet.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Content;

/// <summary>
/// An item with its latest version, as the editor starts from it. A stored version that breaks
/// today's rules (an old row) comes with <see cref="Problem"/>; <see cref="Document"/> is null
/// when it cannot be read at all.
/// </summary>
public sealed record EditableContent(ContentItem Item, ContentVersion Version, IContentDocument? Document, string? Problem);

/// <summary>Loads the latest version of an item for editing.</summary>
public sealed class EditableContentLoader(PortalDbContext db)
{
    public async Task<EditableContent?> LoadAsync(Guid itemId, CancellationToken cancellationToken)
    {
        var item = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId, cancellationToken);
        if (item?.LatestVersionId is not { } versionId)
        {
            return null;
        }
        var version = await db.ContentVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == versionId, cancellationToken);
        if (version is null)
        {
            return null;
        }
        var stored = ContentDocumentSerializer.ReadStored(item.Type, version.DocumentJson);
        return new EditableContent(item, version, stored.Document, stored.Problem);
    }

    /// <summary>The item alone, e.g. to name the latest version after a conflict.</summary>
    public async Task<(ContentItem Item, int LatestNumber)?> ItemAsync(Guid itemId, CancellationToken cancellationToken)
    {
        var item = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId, cancellationToken);
        if (item is null)
        {
            return null;
        }
        var number = await db.ContentVersions.Where(v => v.ItemId == itemId).MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0;
        return (item, number);
    }

    public async Task<int?> VersionNumberAsync(Guid itemId, Guid versionId, CancellationToken cancellationToken) =>
        await db.ContentVersions.AsNoTracking().Where(v => v.ItemId == itemId && v.Id == versionId).Select(v => (int?)v.Number).FirstOrDefaultAsync(cancellationToken);
}
