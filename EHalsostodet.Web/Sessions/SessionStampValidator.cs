using System.Security.Claims;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Members.Saving;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Web.Sessions;

/// <summary>
/// Checks a cookie's session on every request (SecurityStampValidatorOptions.ValidationInterval
/// is zero) against the account's row, read by key: a changed stamp, a blocked or a deleted
/// account ends the session at once, on every instance. A session that passes costs that one
/// small query; the version of the member's saved items it reads with the stamp lets the page's
/// Spara and Följ buttons come from memory (<see cref="MemberItemSets"/>). Anything else (a
/// session that fails, or a cookie old enough for its claims to be read again) goes to
/// <see cref="IdentityStampValidator"/>, which decides as Identity does.
/// </summary>
public sealed class SessionStampValidator(
    AccountSessions sessions, MemberStateVersions versions, IOptions<IdentityOptions> identity, TimeProvider clock, IServiceProvider services)
    : ISecurityStampValidator
{
    public static readonly TimeSpan ClaimsRefreshInterval = TimeSpan.FromMinutes(30);

    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var claims = identity.Value.ClaimsIdentity;
        var principal = context.Principal;
        var userId = principal?.FindFirstValue(claims.UserIdClaimType);
        var issued = context.Properties.IssuedUtc;
        if (userId is not null && issued is not null && clock.GetUtcNow() - issued.Value <= ClaimsRefreshInterval &&
            await sessions.FindAsync(userId, context.HttpContext.RequestAborted) is { IsBlocked: false, SecurityStamp: { } stamp } session &&
            stamp == principal!.FindFirstValue(claims.SecurityStampClaimType))
        {
            versions.Checked(userId, session.MemberStateVersion);
            return;
        }
        await services.GetRequiredService<IdentityStampValidator>().ValidateAsync(context);
    }
}
