using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Web.BackOffice.Editing;

/// <summary>An item with its latest version, as the editor starts from it.</summary>
public sealed record EditableContent(ContentItem Item, ContentVersion Version, IContentDocument Document);

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
        return version is null ? null : new EditableContent(item, version, ContentDocumentSerializer.Deserialize(item.Type, version.DocumentJson));
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
