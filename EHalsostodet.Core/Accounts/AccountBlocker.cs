using EHalsostodet.Core.Workflow;
using Microsoft.AspNetCore.Identity;

namespace EHalsostodet.Core.Accounts;

/// <summary>
/// An administrator blocks and unblocks accounts. Blocking changes the security stamp, so every
/// cookie and bearer token of the account stops working at its next request, on every instance.
/// Both are written to the audit log in the administrator's name, in the same update as the account.
/// </summary>
public sealed class AccountBlocker(UserManager<PortalUser> users, AuditLog audit, TimeProvider clock)
{
    public async Task BlockAsync(PortalUser user, string administratorId, string administratorName)
    {
        user.BlockedAt = clock.GetUtcNow().UtcDateTime;
        user.BlockedBy = administratorId;
        audit.RecordAccount(user.Id, AccountName(user), AuditLog.AccountLocked, administratorId, administratorName);
        // Writes the block, the new stamp and the audit entry in one update.
        await ThrowOnErrorAsync(users.UpdateSecurityStampAsync(user));
    }

    public async Task UnblockAsync(PortalUser user, string administratorId, string administratorName)
    {
        user.BlockedAt = null;
        user.BlockedBy = null;
        audit.RecordAccount(user.Id, AccountName(user), AuditLog.AccountUnlocked, administratorId, administratorName);
        await ThrowOnErrorAsync(users.UpdateAsync(user));
    }

    private static string AccountName(PortalUser user) =>
        user.Email is { Length: > 0 } email && email != user.NameForDisplay ? $"{user.NameForDisplay} ({email})" : user.NameForDisplay;

    private static async Task ThrowOnErrorAsync(Task<IdentityResult> update)
    {
        var result = await update;
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Kontot kunde inte ändras: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
