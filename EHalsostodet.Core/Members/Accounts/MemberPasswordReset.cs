using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Core.Members.Accounts;

/// <summary>
/// A forgotten password: a mailed link with Identity's reset token, then a new password. The new
/// password changes the security stamp, so every session of the account ends; it clears the
/// sign-in throttle for the account, but never lifts an administrator's block.
/// </summary>
public sealed class MemberPasswordReset(
    PortalDbContext db, UserManager<PortalUser> users, MemberAccountMails mails, SignInThrottle throttle, DeferredAccountMails deferred)
{
    /// <summary>
    /// Mails a reset link if the address has an account. Returns at once either way: the lookup and
    /// the mail happen afterwards, so neither the answer nor its timing tells whether the account exists.
    /// </summary>
    public void Request(string email)
    {
        email = email.Trim();
        deferred.Enqueue((services, cancellationToken) => services.GetRequiredService<MemberPasswordReset>().SendAsync(email, cancellationToken));
    }

    internal async Task SendAsync(string email, CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(email) is { } user)
        {
            mails.ResetPassword(user, IdentityTokens.Encode(await users.GeneratePasswordResetTokenAsync(user)));
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <returns>The errors: a broken or expired link, or a password that breaks the rules.</returns>
    public async Task<IReadOnlyList<AccountError>> ResetAsync(string? userId, string? encodedToken, string newPassword)
    {
        var token = IdentityTokens.Decode(encodedToken);
        if (string.IsNullOrEmpty(userId) || token is null || await users.FindByIdAsync(userId) is not { } user)
        {
            return [InvalidLink];
        }
        var result = await users.ResetPasswordAsync(user, token, newPassword);
        if (result.Succeeded)
        {
            // The link reached the owner of the address, so it is confirmed too, and others' failed
            // guesses no longer slow the owner down. A block by an administrator stays.
            if (!user.EmailConfirmed)
            {
                user.EmailConfirmed = true;
                await users.UpdateAsync(user);
            }
            throttle.ForgetAccount(user.Email ?? "");
            return [];
        }
        return result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))
            ? [InvalidLink]
            : result.Errors.Select(e => new AccountError("password", e.Description)).ToList();
    }

    private static readonly AccountError InvalidLink = new("", "Länken fungerar inte längre. Den kan ha använts redan eller slutat gälla. Beställ en ny länk.");
}
