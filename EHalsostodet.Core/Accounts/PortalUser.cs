using Microsoft.AspNetCore.Identity;

namespace EHalsostodet.Core.Accounts;

/// <summary>An account: an editor, reviewer or administrator of the back office, or a member.</summary>
public sealed class PortalUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>
    /// When an administrator blocked the account (UTC), or null. A blocked account cannot sign in by
    /// any route and its sessions end; only an administrator lifts the block, never a password reset.
    /// Identity's own lockout is not used: failed sign-ins are throttled instead (<see cref="SignInThrottle"/>).
    /// </summary>
    public DateTime? BlockedAt { get; set; }

    /// <summary>The id of the administrator who blocked the account.</summary>
    public string? BlockedBy { get; set; }

    public bool IsBlocked => BlockedAt is not null;

    /// <summary>
    /// Goes up with every change to what the member saved, follows or collects
    /// (<see cref="Members.Saving.MemberStateVersions"/>), so a copy kept in memory is known to be current.
    /// </summary>
    public long MemberStateVersion { get; set; }

    public string NameForDisplay => string.IsNullOrWhiteSpace(DisplayName) ? Email ?? UserName ?? Id : DisplayName;
}
