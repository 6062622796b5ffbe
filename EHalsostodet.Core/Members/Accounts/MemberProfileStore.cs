using System.Security.Cryptography;
using EHalsostodet.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Members.Accounts;

/// <summary>
/// Finds an account's member profile, creating it on first need: any account (a member, or an
/// editor using the public site) can save, follow and be notified.
/// </summary>
public sealed class MemberProfileStore(PortalDbContext db, TimeProvider clock)
{
    /// <summary>The tracked profile; a new one is added to the unit of work but not saved.</summary>
    public async Task<MemberProfile> GetOrCreateAsync(string userId, CancellationToken cancellationToken)
    {
        var profile = db.MemberProfiles.Local.FirstOrDefault(p => p.UserId == userId)
            ?? await db.MemberProfiles.FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (profile is null)
        {
            profile = new MemberProfile { UserId = userId, UnsubscribeToken = NewToken(), CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.MemberProfiles.Add(profile);
        }
        return profile;
    }

    /// <summary>The account's profile as it is stored, untracked; null when it has none yet.</summary>
    public Task<MemberProfile?> FindAsync(string userId, CancellationToken cancellationToken) =>
        db.MemberProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);

    /// <summary>Whether the member has told their role or municipality.</summary>
    public Task<bool> IsFilledInAsync(string userId, CancellationToken cancellationToken) =>
        db.MemberProfiles.AnyAsync(p => p.UserId == userId && (p.MunicipalityCode != null || p.Role != null), cancellationToken);

    /// <summary>A URL-safe random token of 256 bits, for unsubscribe and share links.</summary>
    public static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
