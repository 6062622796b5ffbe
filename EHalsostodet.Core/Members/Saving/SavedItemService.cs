using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Insights;
using EHalsostodet.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Members.Saving;

/// <summary>A saved item as the member sees it; <see cref="Published"/> is null once it is no longer published.</summary>
public sealed record SavedEntry(Guid ItemId, ContentType? Type, DateTime SavedAt, SavedTarget? Published);

/// <summary>What a published item a member can save or follow is called and where it lives.</summary>
public sealed record SavedTarget(Guid ItemId, ContentType Type, string Title, string Slug)
{
    public string Url => PortalPaths.Of(Type, Slug);
}

/// <summary>Saves and unsaves stories, collections and initiatives for a member.</summary>
public sealed class SavedItemService(PortalDbContext db, MemberStateVersions versions, UsageCounter usage, TimeProvider clock)
{
    private static readonly ContentType[] SavableTypes = [ContentType.Story, ContentType.Collection, ContentType.Initiative];

    public async Task<IReadOnlySet<Guid>> SavedIdsAsync(string userId, CancellationToken cancellationToken) =>
        (await db.SavedItems.AsNoTracking().Where(s => s.UserId == userId).Select(s => s.ItemId).ToListAsync(cancellationToken)).ToHashSet();

    /// <summary>The published item that may be saved, or null when there is none with that id.</summary>
    public async Task<SavedTarget?> FindSavableAsync(Guid itemId, CancellationToken cancellationToken) =>
        await db.PublishedContent.AsNoTracking()
            .Where(p => p.ItemId == itemId && SavableTypes.Contains(p.Type))
            .Select(p => new SavedTarget(p.ItemId, p.Type, p.Title, p.Slug))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Saves a published item; false when no such published item exists. Saving twice keeps one entry.</summary>
    public async Task<bool> SaveAsync(string userId, Guid itemId, CancellationToken cancellationToken)
    {
        if (await FindSavableAsync(itemId, cancellationToken) is null)
        {
            return false;
        }
        if (await db.SavedItems.AnyAsync(s => s.UserId == userId && s.ItemId == itemId, cancellationToken))
        {
            return true;
        }
        db.SavedItems.Add(new SavedItem { UserId = userId, ItemId = itemId, SavedAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
        await versions.ChangedAsync(userId, cancellationToken);
        await usage.CountAsync(UsageMetrics.Saved, itemId, cancellationToken);
        return true;
    }

    /// <summary>Removes a saved item, published or not; removing what is not saved does nothing.</summary>
    public async Task UnsaveAsync(string userId, Guid itemId, CancellationToken cancellationToken)
    {
        if (await db.SavedItems.Where(s => s.UserId == userId && s.ItemId == itemId).ExecuteDeleteAsync(cancellationToken) > 0)
        {
            await versions.ChangedAsync(userId, cancellationToken);
        }
    }

    /// <summary>Everything the member saved, latest first, with what is still published.</summary>
    public async Task<IReadOnlyList<SavedEntry>> ListAsync(string userId, CancellationToken cancellationToken)
    {
        var saved = await db.SavedItems.AsNoTracking().Where(s => s.UserId == userId).ToListAsync(cancellationToken);
        var ids = saved.Select(s => s.ItemId).ToList();
        var published = await db.PublishedContent.AsNoTracking()
            .Where(p => ids.Contains(p.ItemId))
            .Select(p => new SavedTarget(p.ItemId, p.Type, p.Title, p.Slug))
            .ToDictionaryAsync(p => p.ItemId, cancellationToken);
        // Only the type of an item that is gone: its current title may be an unpublished draft's.
        var types = await db.ContentItems.AsNoTracking()
            .Where(i => ids.Contains(i.Id))
            .ToDictionaryAsync(i => i.Id, i => i.Type, cancellationToken);
        return saved
            .OrderByDescending(s => s.SavedAt)
            .Select(s => new SavedEntry(s.ItemId, types.TryGetValue(s.ItemId, out var type) ? type : null, s.SavedAt, published.GetValueOrDefault(s.ItemId)))
            .ToList();
    }
}
