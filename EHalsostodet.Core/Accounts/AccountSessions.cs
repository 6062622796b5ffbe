using EHalsostodet.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Accounts;

/// <summary>What a session is checked against on every request: the account's row, read by key.</summary>
public sealed record AccountSession(string? SecurityStamp, bool IsBlocked, long MemberStateVersion);

/// <summary>
/// Reads an account's <see cref="AccountSession"/> with one compiled, untracked query of three
/// columns: the check every signed-in request makes, so it does not load the whole account.
/// </summary>
public sealed class AccountSessions(PortalDbContext db)
{
    private static readonly Func<PortalDbContext, string, CancellationToken, Task<AccountSession?>> Find =
        EF.CompileAsyncQuery((PortalDbContext context, string userId, CancellationToken _) => context.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new AccountSession(u.SecurityStamp, u.BlockedAt != null, u.MemberStateVersion))
            .FirstOrDefault());

    /// <summary>The account's session state, or null when there is no such account.</summary>
    public Task<AccountSession?> FindAsync(string userId, CancellationToken cancellationToken) => Find(db, userId, cancellationToken);
}
