using EHalsostodet.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Members.Notices;

/// <summary>One page of a member's notices, newest first.</summary>
public sealed record NoticePage(IReadOnlyList<MemberNotice> Items, int Total, int Unread, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>A member's notices: listing and marking as read. Every call is scoped to the member's own.</summary>
public sealed class MemberNoticeInbox(PortalDbContext db, TimeProvider clock)
{
    public const int DefaultPageSize = 20;

    public async Task<NoticePage> PageAsync(string userId, bool unreadOnly, int page, CancellationToken cancellationToken, int pageSize = DefaultPageSize)
    {
        var mine = db.MemberNotices.AsNoTracking().Where(n => n.UserId == userId);
        var unread = await mine.CountAsync(n => n.ReadAt == null, cancellationToken);
        var listed = unreadOnly ? mine.Where(n => n.ReadAt == null) : mine;
        var total = unreadOnly ? unread : await mine.CountAsync(cancellationToken);
        var lastPage = Math.Max(1, (total + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, lastPage);
        var items = await listed.OrderByDescending(n => n.CreatedAt).ThenBy(n => n.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        return new NoticePage(items, total, unread, page, pageSize);
    }

    public Task<int> UnreadCountAsync(string userId, CancellationToken cancellationToken) =>
        db.MemberNotices.CountAsync(n => n.UserId == userId && n.ReadAt == null, cancellationToken);

    /// <summary>False when the member has no such notice (someone else's counts as none).</summary>
    public async Task<bool> MarkReadAsync(string userId, Guid id, CancellationToken cancellationToken)
    {
        var notice = await db.MemberNotices.FirstOrDefaultAsync(n => n.Id == id && n.UserId == userId, cancellationToken);
        if (notice is null)
        {
            return false;
        }
        notice.ReadAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Returns how many were unread.</summary>
    public Task<int> MarkAllReadAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.MemberNotices.Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
    }
}
