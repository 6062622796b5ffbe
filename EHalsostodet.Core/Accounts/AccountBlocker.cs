using Microsoft.AspNetCore.Identity;

namespace EHalsostodet.Core.Accounts;

/// <summary>
/// An administrator blocks and unblocks accounts. Blocking changes the security stamp, so every
/// cookie and bearer token of the account stops working at its next request, on every instance.
/// </summary>
public sealed class AccountBlocker(UserManager<PortalUser> users, TimeProvider clock)
{
    public async Task BlockAsync(PortalUser user, string administratorId)
    {
        user.BlockedAt = clock.GetUtcNow().UtcDateTime;
        user.BlockedBy = administratorId;
        // Writes the block and the new stamp in one update.
        await ThrowOnErrorAsync(users.UpdateSecurityStampAsync(user));
    }

    public async Task UnblockAsync(PortalUser user)
    {
        user.BlockedAt = null;
        user.BlockedBy = null;
        await ThrowOnErrorAsync(users.UpdateAsync(user));
    }

    private static async Task ThrowOnErrorAsync(Task<IdentityResult> update)
    {
        var result = await update;
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Kontot kunde inte ändras: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
