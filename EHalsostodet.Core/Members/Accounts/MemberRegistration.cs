using System.ComponentModel.DataAnnotations;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Core.Members.Accounts;

/// <summary>A field of the registration form and what is wrong with it.</summary>
public sealed record AccountError(string Field, string Message);

/// <summary>
/// Members register themselves with the role Medlem and confirm their address by a mailed link
/// before they can sign in. The answer never tells whether an address already has an account:
/// its owner gets a mail instead.
/// </summary>
public sealed class MemberRegistration(
    PortalDbContext db, UserManager<PortalUser> users, MemberProfileStore profiles, MemberAccountMails mails, DecoyPasswords decoy, DeferredAccountMails deferred)
{
    private static readonly EmailAddressAttribute EmailFormat = new();

    /// <returns>The errors in the input; none means "a mail is on its way" whatever the address.</returns>
    public async Task<IReadOnlyList<AccountError>> RegisterAsync(
        string email, string password, string? displayName, CancellationToken cancellationToken)
    {
        email = email.Trim();
        var errors = await InputErrorsAsync(email, password, displayName);
        if (errors.Count > 0)
        {
            return errors;
        }

        var existing = await users.FindByEmailAsync(email);
        if (existing is not null)
        {
            // Creating an account hashes the password; so does this answer, or its speed would tell.
            decoy.Hash(password);
            if (await users.IsEmailConfirmedAsync(existing))
            {
                mails.AlreadyRegistered(existing);
            }
            else
            {
                mails.ConfirmAddress(existing, IdentityTokens.Encode(await users.GenerateEmailConfirmationTokenAsync(existing)));
            }
            await db.SaveChangesAsync(cancellationToken);
            return [];
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = false, DisplayName = displayName?.Trim() ?? "" };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            // Only a race with another registration of the same address ends here; answer as if it had existed.
            return created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName))
                ? []
                : created.Errors.Select(e => new AccountError("", e.Description)).ToList();
        }
        var role = await users.AddToRoleAsync(user, PortalRoles.Member);
        if (!role.Succeeded)
        {
            throw new InvalidOperationException("Rollen Medlem saknas: " + string.Join(" ", role.Errors.Select(e => e.Description)));
        }
        // The profile is made now, so its creation time is the account's.
        await profiles.GetOrCreateAsync(user.Id, cancellationToken);
        mails.ConfirmAddress(user, IdentityTokens.Encode(await users.GenerateEmailConfirmationTokenAsync(user)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [];
    }

    /// <summary>
    /// What is wrong with the address, name and password as typed, all of it at once, without
    /// looking the address up (so the answer is the same whether or not it has an account).
    /// </summary>
    public async Task<IReadOnlyList<AccountError>> InputErrorsAsync(string? email, string? password, string? displayName)
    {
        email = (email ?? "").Trim();
        password ??= "";
        var errors = new List<AccountError>();
        if (email.Length == 0 || email.Length > 256 || !EmailFormat.IsValid(email))
        {
            errors.Add(new("email", "Ange en giltig e-postadress, till exempel namn@kommun.se."));
        }
        if ((displayName?.Trim().Length ?? 0) > ProfileEditor.MaxDisplayNameLength)
        {
            errors.Add(new("displayName", $"Namnet får vara högst {ProfileEditor.MaxDisplayNameLength} tecken."));
        }
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, new PortalUser { UserName = email, Email = email }, password);
            errors.AddRange(result.Errors.Select(e => new AccountError("password", e.Description)));
        }
        return errors;
    }

    /// <summary>Confirms an address from the mailed link; false when the link is wrong or has expired.</summary>
    public async Task<bool> ConfirmAsync(string? userId, string? encodedToken)
    {
        var token = IdentityTokens.Decode(encodedToken);
        if (string.IsNullOrEmpty(userId) || token is null || await users.FindByIdAsync(userId) is not { } user)
        {
            return false;
        }
        if (user.EmailConfirmed)
        {
            return true;
        }
        return (await users.ConfirmEmailAsync(user, token)).Succeeded;
    }

    /// <summary>
    /// Mails a new confirmation link if the address has an unconfirmed account; says nothing either
    /// way and returns at once, the work happening afterwards (see <see cref="DeferredAccountMails"/>).
    /// </summary>
    public void ResendConfirmation(string email)
    {
        email = email.Trim();
        deferred.Enqueue((services, cancellationToken) => services.GetRequiredService<MemberRegistration>().SendConfirmationAsync(email, cancellationToken));
    }

    internal async Task SendConfirmationAsync(string email, CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(email) is { EmailConfirmed: false } user)
        {
            mails.ConfirmAddress(user, IdentityTokens.Encode(await users.GenerateEmailConfirmationTokenAsync(user)));
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
