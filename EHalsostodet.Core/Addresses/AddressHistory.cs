using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Taxonomy;
using EHalsostodet.Core.Workflow;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Addresses;

/// <summary>An address an item was published at and no longer has, as the editor lists it.</summary>
public sealed record OldAddress(string Slug, string Path, DateTime FirstPublishedAt);

/// <summary>The item that holds a content address, and whether it is that item's live address.</summary>
public sealed record AddressHolder(Guid ItemId, string Title, bool IsLive);

/// <summary>The outcome of removing an old address, in Swedish; <paramref name="Forbidden"/> when the role is not enough.</summary>
public sealed record OldAddressRemoval(bool Succeeded, string Message, bool Forbidden = false);

/// <summary>
/// Every address that content and tags have had. A story, collection, initiative or page keeps
/// each slug it has been published at, and a tag each slug it had before a rename or merge. An
/// old address leads to the current one (the web answers 301, see the web's OldAddressRedirects)
/// and no other item of the type may take it, until an administrator removes it.
/// </summary>
public sealed class AddressHistory(PortalDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <summary>The live slug of the published item that once had this address, if it has another one now.</summary>
    public Task<string?> CurrentSlugAsync(ContentType type, string slug, CancellationToken cancellationToken) =>
        (from address in db.ContentAddresses
         join live in db.PublishedContent on address.ItemId equals live.ItemId
         where address.Type == type && address.Slug == slug && live.Slug != slug
         select live.Slug).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The current slug of a tag that has been renamed or merged away, if any.</summary>
    public async Task<string?> CurrentTagSlugAsync(string oldSlug, CancellationToken cancellationToken) =>
        (await TagAtOldAddressAsync(oldSlug, cancellationToken))?.Slug;

    /// <summary>The tag an old tag address leads to, if it is one.</summary>
    public Task<Tag?> TagAtOldAddressAsync(string oldSlug, CancellationToken cancellationToken) =>
        (from redirect in db.TagRedirects
         join tag in db.Tags on redirect.TagId equals tag.Id
         where redirect.OldSlug == oldSlug
         select tag).AsNoTracking().FirstOrDefaultAsync(cancellationToken);

    /// <summary>The item that has been published at this address, if any.</summary>
    public async Task<AddressHolder?> HolderAsync(ContentType type, string slug, CancellationToken cancellationToken)
    {
        var holder = await (
            from address in db.ContentAddresses
            join item in db.ContentItems on address.ItemId equals item.Id
            where address.Type == type && address.Slug == slug
            select new { item.Id, item.Title, IsLive = db.PublishedContent.Any(p => p.ItemId == item.Id && p.Slug == slug) })
            .AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return holder is null ? null : new AddressHolder(holder.Id, holder.Title, holder.IsLive);
    }

    /// <summary>The addresses an item has been published at, except its live one; newest first.</summary>
    public async Task<IReadOnlyList<OldAddress>> OldAddressesAsync(Guid itemId, CancellationToken cancellationToken)
    {
        var live = await db.PublishedContent.Where(p => p.ItemId == itemId).Select(p => p.Slug).FirstOrDefaultAsync(cancellationToken);
        var addresses = await db.ContentAddresses.AsNoTracking().Where(a => a.ItemId == itemId).ToListAsync(cancellationToken);
        return addresses.Where(a => a.Slug != live)
            .OrderByDescending(a => a.FirstPublishedAt).ThenBy(a => a.Slug, StringComparer.Ordinal)
            .Select(a => new OldAddress(a.Slug, PortalPaths.Of(a.Type, a.Slug), a.FirstPublishedAt))
            .ToList();
    }

    /// <summary>Notes that an item goes live at a slug; staged on the context for the publication to commit.</summary>
    public async Task RecordPublishedAsync(ContentItem item, string slug, DateTime now, CancellationToken cancellationToken)
    {
        var address = await db.ContentAddresses.FindAsync([item.Type, slug], cancellationToken);
        if (address is null)
        {
            db.ContentAddresses.Add(new ContentAddress { Type = item.Type, Slug = slug, ItemId = item.Id, FirstPublishedAt = now });
        }
        else if (address.ItemId != item.Id)
        {
            // Only when an administrator removed it from the other item: the address is this item's now.
            address.ItemId = item.Id;
            address.FirstPublishedAt = now;
        }
    }

    /// <summary>An administrator's removal: the address stops leading to the item, and another item may take it.</summary>
    public async Task<OldAddressRemoval> RemoveAsync(Guid itemId, string slug, WorkflowActor actor, CancellationToken cancellationToken)
    {
        if (!actor.IsAdministrator)
        {
            return new(false, "Bara en administratör kan ta bort en gammal adress.", Forbidden: true);
        }
        var item = await db.ContentItems.FirstOrDefaultAsync(i => i.Id == itemId, cancellationToken);
        var address = await db.ContentAddresses.FirstOrDefaultAsync(a => a.ItemId == itemId && a.Slug == slug, cancellationToken);
        if (item is null || address is null)
        {
            return new(false, "Adressen finns inte längre bland innehållets gamla adresser.");
        }
        var path = PortalPaths.Of(address.Type, address.Slug);
        if (await db.PublishedContent.AnyAsync(p => p.ItemId == itemId && p.Slug == slug, cancellationToken))
        {
            return new(false, $"{path} är innehållets adress på webbplatsen just nu och kan inte tas bort.");
        }
        db.ContentAddresses.Remove(address);
        audit.Record(item, AuditLog.OldAddressRemoved, item.State, item.State, null, actor.UserId, actor.Name, path);
        await db.SaveChangesAsync(cancellationToken);
        return new(true, $"Den gamla adressen {path} är borttagen. Den leder inte längre hit, och annat innehåll kan använda den.");
    }

    /// <summary>Keeps a tag's old slug as an address of the tag (after a rename or merge). Staged on the context.</summary>
    public async Task RecordTagMovedAsync(string oldSlug, Tag tag, CancellationToken cancellationToken)
    {
        var existing = await db.TagRedirects.FirstOrDefaultAsync(r => r.OldSlug == oldSlug, cancellationToken);
        if (existing is null)
        {
            db.TagRedirects.Add(new TagRedirect { OldSlug = oldSlug, TagId = tag.Id, CreatedAt = clock.GetUtcNow().UtcDateTime });
        }
        else
        {
            existing.TagId = tag.Id;
        }
        // The tag's own address is no longer an old one.
        await db.TagRedirects.Where(r => r.OldSlug == tag.Slug).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The old addresses of a tag that is merged away lead to the tag it was merged into. Staged on the context.</summary>
    public async Task MoveTagAddressesAsync(Guid fromTagId, Tag to, CancellationToken cancellationToken)
    {
        foreach (var redirect in await db.TagRedirects.Where(r => r.TagId == fromTagId).ToListAsync(cancellationToken))
        {
            redirect.TagId = to.Id;
        }
    }
}
