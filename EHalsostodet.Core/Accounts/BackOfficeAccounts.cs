using System.ComponentModel.DataAnnotations;
using EHalsostodet.Core.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Accounts;

/// <summary>A new back-office account as typed. The role is its Swedish name or its API key (editor, reviewer, administrator).</summary>
public sealed record NewBackOfficeAccount(string? Email, string? DisplayName, string? Password, string? Role);

/// <summary>A rule a new account breaks: the field (email, displayName, password, role, or empty for the whole) and a Swedish message.</summary>
public sealed record AccountError(string Field, string Message);

/// <summary>What became of a change to a back-office account.</summary>
public abstract record AccountOutcome
{
    public sealed record Done(PortalUser User, string Role) : AccountOutcome;
    public sealed record Invalid(IReadOnlyList<AccountError> Errors) : AccountOutcome;
    /// <summary>The change is not allowed, e.g. an administrator locking their own account.</summary>
    public sealed record Refused(string Reason) : AccountOutcome;
    public sealed record NotFound : AccountOutcome;
}

/// <summary>One back-office account as the list shows it; blocked by an administrator or not.</summary>
public sealed record BackOfficeAccount(string Id, string Name, string Email, string? Role, DateTime? BlockedAt, string? BlockedByName)
{
    public bool IsBlocked => BlockedAt is not null;
}

/// <summary>
/// The back office's accounts: creating them (by an administrator, or the first one from
/// configuration), their roles and blocks. An administrator can neither drop their own
/// administrator role nor lock themselves out.
/// </summary>
public sealed class BackOfficeAccounts(UserManager<PortalUser> users, AccountBlocker blocker, PortalDbContext db)
{
    public const string EmailField = "email";
    public const string DisplayNameField = "displayName";
    public const string PasswordField = "password";
    public const string RoleField = "role";
    public const int MaxEmailLength = 256;
    public const int MaxDisplayNameLength = 100;

    public const string OwnRoleRefused = "Du kan inte ta bort din egen administratörsroll. Be en annan administratör om det.";
    public const string OwnLockRefused = "Du kan inte låsa ditt eget konto.";

    private static readonly EmailAddressAttribute EmailFormat = new();

    /// <summary>What is wrong with the account as typed, before anything is stored.</summary>
    public static IReadOnlyList<AccountError> Validate(NewBackOfficeAccount account)
    {
        var errors = new List<AccountError>();
        var email = account.Email?.Trim() ?? "";
        if (email.Length == 0)
        {
            errors.Add(new(EmailField, "Ange en e-postadress."));
        }
        else if (email.Length > MaxEmailLength)
        {
            errors.Add(new(EmailField, $"E-postadressen får vara högst {MaxEmailLength} tecken."));
        }
        else if (!EmailFormat.IsValid(email))
        {
            errors.Add(new(EmailField, "Ange en giltig e-postadress, till exempel namn@kommun.se."));
        }
        if ((account.DisplayName?.Trim().Length ?? 0) > MaxDisplayNameLength)
        {
            errors.Add(new(DisplayNameField, $"Namnet får vara högst {MaxDisplayNameLength} tecken."));
        }
        if (string.IsNullOrEmpty(account.Password))
        {
            errors.Add(new(PasswordField, "Ange ett lösenord."));
        }
        if (RoleError(account.Role) is { } roleError)
        {
            errors.Add(roleError);
        }
        return errors;
    }

    private static AccountError? RoleError(string? role) =>
        string.IsNullOrWhiteSpace(role) ? new(RoleField, "Välj en roll: Redaktör (editor), Granskare (reviewer) eller Administratör (administrator).")
        : !PortalRoles.TryParseKey(role, out _) ? new(RoleField, $"Okänd roll \"{role}\". Välj en av rollerna Redaktör (editor), Granskare (reviewer) eller Administratör (administrator).")
        : null;

    /// <summary>Opens an account that can sign in at once; without a name it is shown by its e-mail address.</summary>
    public async Task<AccountOutcome> CreateAsync(NewBackOfficeAccount account)
    {
        var errors = Validate(account);
        if (errors.Count > 0 || !PortalRoles.TryParseKey(account.Role, out var role))
        {
            return new AccountOutcome.Invalid(errors);
        }
        var email = account.Email!.Trim();
        var displayName = account.DisplayName?.Trim() ?? "";
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName.Length > 0 ? displayName : email };
        var created = await users.CreateAsync(user, account.Password!);
        if (!created.Succeeded)
        {
            return new AccountOutcome.Invalid(IdentityErrors(created.Errors));
        }
        var added = await users.AddToRoleAsync(user, role);
        if (!added.Succeeded)
        {
            await users.DeleteAsync(user);
            return new AccountOutcome.Invalid(added.Errors.Select(e => new AccountError(RoleField, e.Description)).ToList());
        }
        return new AccountOutcome.Done(user, role);
    }

    /// <summary>Gives the account exactly one back-office role; its sessions end so that the old role's rights go at once.</summary>
    /// <param name="roleName">The role's Swedish name or API key.</param>
    public async Task<AccountOutcome> ChangeRoleAsync(string userId, string? roleName, string administratorId)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return new AccountOutcome.NotFound();
        }
        if (!PortalRoles.TryParseKey(roleName, out var role))
        {
            return new AccountOutcome.Invalid([RoleError(roleName)!]);
        }
        if (user.Id == administratorId && role != PortalRoles.Administrator)
        {
            return new AccountOutcome.Refused(OwnRoleRefused);
        }
        var current = (await users.GetRolesAsync(user)).Where(PortalRoles.BackOffice.Contains).ToList();
        if (current.Count != 1 || current[0] != role)
        {
            var removed = await users.RemoveFromRolesAsync(user, current);
            var added = removed.Succeeded ? await users.AddToRoleAsync(user, role) : removed;
            if (!added.Succeeded)
            {
                return new AccountOutcome.Invalid(added.Errors.Select(e => new AccountError("", e.Description)).ToList());
            }
            // The old role's cookies and tokens end now, not when they expire.
            await users.UpdateSecurityStampAsync(user);
        }
        return new AccountOutcome.Done(user, role);
    }

    /// <summary>Locks the account: its open sessions end, and a password reset does not lift it.</summary>
    public async Task<AccountOutcome> BlockAsync(string userId, string administratorId, string administratorName)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return new AccountOutcome.NotFound();
        }
        if (user.Id == administratorId)
        {
            return new AccountOutcome.Refused(OwnLockRefused);
        }
        await blocker.BlockAsync(user, administratorId, administratorName);
        return new AccountOutcome.Done(user, "");
    }

    public async Task<AccountOutcome> UnblockAsync(string userId, string administratorId, string administratorName)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return new AccountOutcome.NotFound();
        }
        await blocker.UnblockAsync(user, administratorId, administratorName);
        return new AccountOutcome.Done(user, "");
    }

    /// <summary>Every account with a back-office role, by name in Swedish order.</summary>
    public async Task<IReadOnlyList<BackOfficeAccount>> ListAsync(CancellationToken cancellationToken)
    {
        var backOffice = PortalRoles.BackOffice.ToList();
        var memberships = await (
                from userRole in db.UserRoles
                join role in db.Roles on userRole.RoleId equals role.Id
                where backOffice.Contains(role.Name!)
                select new { userRole.UserId, RoleName = role.Name! })
            .ToListAsync(cancellationToken);
        var ids = memberships.Select(m => m.UserId).Distinct().ToList();
        var accounts = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToListAsync(cancellationToken);
        var blockers = accounts.Where(u => u.BlockedBy is not null).Select(u => u.BlockedBy!).Distinct().ToList();
        var blockerNames = (await db.Users.AsNoTracking().Where(u => blockers.Contains(u.Id)).ToListAsync(cancellationToken))
            .ToDictionary(u => u.Id, u => u.NameForDisplay);
        return accounts
            .Select(u => new BackOfficeAccount(
                u.Id,
                u.NameForDisplay,
                u.Email ?? "",
                // The highest role, should an account have more than one.
                backOffice.LastOrDefault(r => memberships.Any(m => m.UserId == u.Id && m.RoleName == r)),
                u.BlockedAt,
                u.BlockedBy is null ? null : blockerNames.GetValueOrDefault(u.BlockedBy, "en administratör som inte finns kvar")))
            .OrderBy(r => r.Name, StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), ignoreCase: true))
            .ToList();
    }

    /// <summary>Identity's (Swedish) errors by the field they concern; one message about the e-mail address is enough.</summary>
    private static List<AccountError> IdentityErrors(IEnumerable<IdentityError> identityErrors)
    {
        var list = identityErrors.ToList();
        var codes = list.Select(e => e.Code).ToHashSet(StringComparer.Ordinal);
        return list
            .Where(e => !(e.Code == nameof(IdentityErrorDescriber.DuplicateUserName) && codes.Contains(nameof(IdentityErrorDescriber.DuplicateEmail)) ||
                          e.Code == nameof(IdentityErrorDescriber.InvalidUserName) && codes.Contains(nameof(IdentityErrorDescriber.InvalidEmail))))
            .Select(e => new AccountError(
                e.Code.StartsWith("Password", StringComparison.Ordinal) ? PasswordField
                    : e.Code.Contains("Email", StringComparison.Ordinal) || e.Code.Contains("UserName", StringComparison.Ordinal) ? EmailField
                    : "",
                e.Description))
            .ToList();
    }
}
