using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Members.Saving;

/// <summary>
/// An account's <see cref="PortalUser.MemberStateVersion"/>: what this request read of it (the
/// session check reads it with the security stamp), and the count up after every change to what
/// the member saved, follows or collects.
/// </summary>
public sealed class MemberStateVersions(PortalDbContext db)
{
    private string? checkedUserId;
    private long checkedVersion;

    /// <summary>The version the request's session check read, or null when it read none for this account (or the state changed since).</summary>
    public long? Of(string userId) => checkedUserId == userId ? checkedVersion : null;

    public void Checked(string userId, long version)
    {
        checkedUserId = userId;
        checkedVersion = version;
    }

    /// <summary>
    /// Call after the change is saved: a request that reads the old version then may keep the new
    /// state under it, which is only read again by requests that also read the old version.
    /// </summary>
    public async Task ChangedAsync(string userId, CancellationToken cancellationToken)
    {
        if (checkedUserId == userId)
        {
            checkedUserId = null;
        }
        await db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.MemberStateVersion, u => u.MemberStateVersion + 1), cancellationToken);
    }
}
