using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Members.Privacy;

public enum AccountDeletion
{
    Deleted,
    NotFound,
    WrongPassword,
    /// <summary>Accounts with a back-office role are removed by an administrator, so the editorial history stays accountable.</summary>
    BackOfficeAccount,
    /// <summary>Too many wrong passwords from this client: the password is not even checked until the wait is over.</summary>
    TryLater,
}

/// <param name="RetryAfter">With <see cref="AccountDeletion.TryLater"/>: how long the client must wait.</param>
public sealed record AccountDeletionResult(AccountDeletion Outcome, TimeSpan RetryAfter = default);

/// <summary>
/// Deletes a member's account on their own request, or when it has not been used for 24 months. The member tables cascade with the account,
/// and mail addressed to them is removed from the outbox; the anonymous usage counts stay, as they
/// name nobody. Editors' audit entries are never touched: back-office accounts cannot delete themselves here.
/// Deleting the account ends its sessions: the cookies and tokens find no account any more.
/// </summary>
public sealed class MemberAccountDeleter(PortalDbContext db, UserManager<PortalUser> users, SignInThrottle throttle)
{
    /// <param name="client">Who is asking, for the throttle on wrong passwords (the client's address).</param>
    public async Task<AccountDeletionResult> DeleteAsync(string userId, string password, string client, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return new(AccountDeletion.NotFound);
        }
        var roles = await users.GetRolesAsync(user);
        if (roles.Any(PortalRoles.BackOffice.Contains))
        {
            return new(AccountDeletion.BackOfficeAccount);
        }
        var account = user.Email ?? user.Id;
        if (throttle.RetryAfter(account, client) is { } wait)
        {
            return new(AccountDeletion.TryLater, wait);
        }
        if (string.IsNullOrEmpty(password) || !await users.CheckPasswordAsync(user, password))
        {
            // Counts with failed sign-ins, so the password cannot be guessed through this form either.
            throttle.Failed(account, client);
            return new(AccountDeletion.WrongPassword);
        }
        await RemoveAsync(user, cancellationToken);
        return new(AccountDeletion.Deleted);
    }

    /// <summary>Deletes a member's account that has not been used for the time the privacy page states, without a password.</summary>
    public async Task<AccountDeletion> DeleteInactiveAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return AccountDeletion.NotFound;
        }
        if ((await users.GetRolesAsync(user)).Any(PortalRoles.BackOffice.Contains))
        {
            return AccountDeletion.BackOfficeAccount;
        }
        await RemoveAsync(user, cancellationToken);
        return AccountDeletion.Deleted;
    }

    private async Task RemoveAsync(PortalUser user, CancellationToken cancellationToken)
    {
        var email = user.Email ?? "";
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.OutboxEmails.Where(e => e.To == email).ExecuteDeleteAsync(cancellationToken);
        var deleted = await users.DeleteAsync(user);
        if (!deleted.Succeeded)
        {
            throw new InvalidOperationException("Kontot kunde inte tas bort: " + string.Join(" ", deleted.Errors.Select(e => e.Description)));
        }
        await transaction.CommitAsync(cancellationToken);
    }
}
