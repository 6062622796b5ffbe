using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Web.BackOffice;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Web.Pages.Redaktion.Users;

/// <summary>Användare: the back office's accounts, their roles and whether they can sign in.</summary>
[Authorize(Policy = PortalRoles.CanAdminister)]
public sealed class IndexModel(PortalDbContext db, UserManager<PortalUser> users, AccountBlocker blocker) : PageModel
{
    /// <summary>One account as the list shows it; blocked (locked) by an administrator or not.</summary>
    public sealed record UserRow(string Id, string Name, string Email, string? Role, DateTime? BlockedAt, string? BlockedByName)
    {
        public bool IsBlocked => BlockedAt is not null;
    }

    public IReadOnlyList<UserRow> Rows { get; private set; } = [];

    public string? ErrorMessage { get; private set; }

    public string CurrentUserId => users.GetUserId(User) ?? "";

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostRoleAsync(string userId, string role, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId ?? "");
        if (user is null)
        {
            return NotFound();
        }
        if (!PortalRoles.BackOffice.Contains(role ?? ""))
        {
            return await ErrorAsync("Välj en av rollerna Redaktör, Granskare eller Administratör.", cancellationToken);
        }
        if (user.Id == CurrentUserId && role != PortalRoles.Administrator)
        {
            return await ErrorAsync("Du kan inte ta bort din egen administratörsroll. Be en annan administratör om det.", cancellationToken);
        }
        var current = (await users.GetRolesAsync(user)).Where(PortalRoles.BackOffice.Contains).ToList();
        if (current.Count != 1 || current[0] != role)
        {
            var removed = await users.RemoveFromRolesAsync(user, current);
            var added = removed.Succeeded ? await users.AddToRoleAsync(user, role!) : removed;
            if (!added.Succeeded)
            {
                return await ErrorAsync(string.Join(" ", added.Errors.Select(e => e.Description)), cancellationToken);
            }
            // The old role's cookies and tokens end now, not when they expire.
            await users.UpdateSecurityStampAsync(user);
        }
        return Done($"{user.NameForDisplay} har nu rollen {role}.");
    }

    public async Task<IActionResult> OnPostLockAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId ?? "");
        if (user is null)
        {
            return NotFound();
        }
        if (user.Id == CurrentUserId)
        {
            return await ErrorAsync("Du kan inte låsa ditt eget konto.", cancellationToken);
        }
        // Also ends the sessions that are already open, and a password reset does not lift it.
        await blocker.BlockAsync(user, CurrentUserId, User.ToActor().Name);
        return Done($"Kontot för {user.NameForDisplay} är låst. Användaren är utloggad och kan inte logga in förrän en administratör låser upp kontot.");
    }

    public async Task<IActionResult> OnPostUnlockAsync(string userId)
    {
        var user = await users.FindByIdAsync(userId ?? "");
        if (user is null)
        {
            return NotFound();
        }
        await blocker.UnblockAsync(user, CurrentUserId, User.ToActor().Name);
        return Done($"Kontot för {user.NameForDisplay} är upplåst.");
    }

    private IActionResult Done(string message)
    {
        TempData["Message"] = message;
        Response.Headers.Location = "/redaktion/anvandare";
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    private async Task<IActionResult> ErrorAsync(string message, CancellationToken cancellationToken)
    {
        ErrorMessage = message;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
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
        Rows = accounts
            .Select(u => new UserRow(
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
}
