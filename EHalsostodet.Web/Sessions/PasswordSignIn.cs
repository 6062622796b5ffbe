using System.Globalization;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Members.Inactivity;
using EHalsostodet.Web.RateLimiting;
using Microsoft.AspNetCore.Identity;

namespace EHalsostodet.Web.Sessions;

/// <summary>What came of a password check: the account to sign in, or how long the client must wait, or neither.</summary>
public sealed record PasswordCheck(PortalUser? User, TimeSpan? RetryAfter)
{
    public bool Succeeded => User is not null;

    /// <summary>Whole seconds for a Retry-After header and the message, at least one.</summary>
    public int RetryAfterSeconds => RetryAfter is { } wait ? RetryAfterHeader.Seconds(wait) : 0;
}

/// <summary>
/// The one password check behind every sign-in (both login forms and POST /api/auth/login). Its
/// answer never tells whether an address has an account: an unknown address, a wrong password,
/// an unconfirmed address and a blocked account all just fail, and take the same time (an unknown
/// address costs one password hash too). Guessing is slowed per account and client address
/// (<see cref="SignInThrottle"/>), so nobody can lock another person out.
/// </summary>
public sealed class PasswordSignIn(PortalSignInManager signIn, DecoyPasswords decoy, SignInThrottle throttle, InactiveAccounts activity)
{
    public const string FailedMessage = "Inloggningen misslyckades. Kontrollera e-postadressen och lösenordet.";

    public static string ThrottledMessage(PasswordCheck check) =>
        string.Create(CultureInfo.InvariantCulture,
            $"För många misslyckade inloggningar från din anslutning. Vänta {check.RetryAfterSeconds} sekunder och försök igen, eller välj ett nytt lösenord via Glömt lösenordet.");

    public async Task<PasswordCheck> CheckAsync(string email, string password, HttpContext context)
    {
        email = email.Trim();
        var client = ClientAddress.KeyOf(context.Connection.RemoteIpAddress);
        if (throttle.RetryAfter(email, client) is { } wait)
        {
            // Refused without looking at the password, so waiting out the delay is the only way on.
            return new PasswordCheck(null, wait);
        }
        var user = email.Length == 0 ? null : await signIn.UserManager.FindByEmailAsync(email);
        var rightPassword = user is null
            ? decoy.Verify(password)
            : await signIn.UserManager.CheckPasswordAsync(user, password);
        if (!rightPassword)
        {
            throttle.Failed(email, client);
            return new PasswordCheck(null, null);
        }
        throttle.Succeeded(email, client);
        // Only the one who knows the password gets this far; an unconfirmed or blocked account still just fails.
        if (!await signIn.CanSignInAsync(user!))
        {
            return new PasswordCheck(null, null);
        }
        await activity.RecordSignInAsync(user!.Id, context.RequestAborted);
        return new PasswordCheck(user, null);
    }
}
