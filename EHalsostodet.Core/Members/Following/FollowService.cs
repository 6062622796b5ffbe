using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Members.Saving;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Members.Following;

/// <summary>Something a member follows, with its name and address while it exists.</summary>
public sealed record FollowedTarget(FollowKind Kind, string Target, string? Title, string? Url, DateTime CreatedAt)
{
    public bool Exists => Url is not null;
}

/// <summary>
/// Stores what members follow: stories and collections by item id, tags by slug. Turning
/// follows into notices is the Notices feature's job.
/// </summary>
public sealed class FollowService(PortalDbContext db, MemberStateVersions versions, TimeProvider clock)
{
    /// <summary>The stored form of a target: an item id in "D" format lower case, or a tag slug.</summary>
    public static string TargetOf(Guid itemId) => itemId.ToString("D");

    /// <summary>"story", "collection" or "tag", as in the API's addresses.</summary>
    public static string KeyOf(FollowKind kind) => kind.ToString().ToLowerInvariant();

    public static bool TryParseKind(string? key, out FollowKind kind)
    {
        kind = key?.ToLowerInvariant() switch
        {
            "story" => FollowKind.Story,
            "collection" => FollowKind.Collection,
            "tag" => FollowKind.Tag,
            _ => (FollowKind)(-1),
        };
        return Enum.IsDefined(kind);
    }

    public async Task<IReadOnlySet<(FollowKind Kind, string Target)>> FollowedAsync(string userId, CancellationToken cancellationToken) =>
        (await db.Follows.AsNoTracking().Where(f => f.UserId == userId).Select(f => new { f.Kind, f.Target }).ToListAsync(cancellationToken))
            .Select(f => (f.Kind, f.Target)).ToHashSet();

    /// <summary>Follows a published story or collection, or an existing tag; false when there is no such thing.</summary>
    public async Task<bool> FollowAsync(string userId, FollowKind kind, string target, CancellationToken cancellationToken)
    {
        var normalised = Normalise(kind, target);
        if (normalised is null || await DescribeAsync(kind, normalised, cancellationToken) is null)
        {
            return false;
        }
        if (!await db.Follows.AnyAsync(f => f.UserId == userId && f.Kind == kind && f.Target == normalised, cancellationToken))
        {
            db.Follows.Add(new Follow { UserId = userId, Kind = kind, Target = normalised, CreatedAt = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(cancellationToken);
            await versions.ChangedAsync(userId, cancellationToken);
        }
        return true;
    }

    /// <summary>Stops following; works also when the target no longer exists.</summary>
    public async Task UnfollowAsync(string userId, FollowKind kind, string target, CancellationToken cancellationToken)
    {
        var normalised = Normalise(kind, target) ?? target;
        if (await db.Follows.Where(f => f.UserId == userId && f.Kind == kind && f.Target == normalised).ExecuteDeleteAsync(cancellationToken) > 0)
        {
            await versions.ChangedAsync(userId, cancellationToken);
        }
    }

    /// <summary>Everything the member follows, by kind then name.</summary>
    public async Task<IReadOnlyList<FollowedTarget>> ListAsync(string userId, CancellationToken cancellationToken)
    {
        var follows = await db.Follows.AsNoTracking().Where(f => f.UserId == userId).ToListAsync(cancellationToken);
        var itemIds = follows.Where(f => f.Kind != FollowKind.Tag).Select(f => Guid.TryParse(f.Target, out var id) ? id : Guid.Empty).ToList();
        var items = await db.PublishedContent.AsNoTracking()
            .Where(p => itemIds.Contains(p.ItemId))
            .ToDictionaryAsync(p => TargetOf(p.ItemId), p => (p.Type, p.Title, p.Slug), cancellationToken);
        var slugs = follows.Where(f => f.Kind == FollowKind.Tag).Select(f => f.Target).ToList();
        var tags = await db.Tags.AsNoTracking().Where(t => slugs.Contains(t.Slug)).ToDictionaryAsync(t => t.Slug, t => t.Name, cancellationToken);
        return follows
            .Select(f => f.Kind == FollowKind.Tag
                ? new FollowedTarget(f.Kind, f.Target, tags.GetValueOrDefault(f.Target), tags.ContainsKey(f.Target) ? PortalPaths.Tag(f.Target) : null, f.CreatedAt)
                : items.TryGetValue(f.Target, out var item) && item.Type == TypeOf(f.Kind)
                    ? new FollowedTarget(f.Kind, f.Target, item.Title, PortalPaths.Of(item.Type, item.Slug), f.CreatedAt)
                    : new FollowedTarget(f.Kind, f.Target, null, null, f.CreatedAt))
            .OrderBy(f => f.Kind).ThenBy(f => f.Title ?? "", StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("sv-SE"), true))
            .ToList();
    }

    /// <summary>The name of a followable target, or null when it is not published (or not a tag).</summary>
    private async Task<string?> DescribeAsync(FollowKind kind, string target, CancellationToken cancellationToken)
    {
        if (kind == FollowKind.Tag)
        {
            return await db.Tags.AsNoTracking().Where(t => t.Slug == target).Select(t => t.Name).FirstOrDefaultAsync(cancellationToken);
        }
        var id = Guid.Parse(target);
        var type = TypeOf(kind);
        return await db.PublishedContent.AsNoTracking().Where(p => p.ItemId == id && p.Type == type).Select(p => p.Title).FirstOrDefaultAsync(cancellationToken);
    }

    private static string? Normalise(FollowKind kind, string? target)
    {
        if (string.IsNullOrWhiteSpace(target))
        {
            return null;
        }
        if (kind == FollowKind.Tag)
        {
            var slug = target.Trim().ToLowerInvariant();
            return slug.Length <= 100 ? slug : null;
        }
        return Guid.TryParse(target, out var id) ? TargetOf(id) : null;
    }

    private static ContentType TypeOf(FollowKind kind) => kind == FollowKind.Story ? ContentType.Story : ContentType.Collection;
}
