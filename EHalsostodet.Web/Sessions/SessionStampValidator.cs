using System.Security.Claims;
using EHalsostodet.Core.Accounts;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Web.Sessions;

/// <summary>
/// Checks the cookie's security stamp against the database on every request
/// (SecurityStampValidatorOptions.ValidationInterval is zero): one query by primary key. A changed
/// stamp, a blocked or a deleted account ends the session at once: pages redirect to the login
/// form, APIs answer 401. Unlike Identity's validator, a valid cookie is not rebuilt and re-issued
/// on every request; its claims (roles, name) are refreshed only once it is older than
/// <see cref="ClaimsRefreshInterval"/>, and every change of roles changes the stamp anyway.
/// </summary>
public sealed class SessionStampValidator(
    IOptions<SecurityStampValidatorOptions> options, SignInManager<PortalUser> signIn, ILoggerFactory logger)
    : SecurityStampValidator<PortalUser>(options, signIn, logger)
{
    public static readonly TimeSpan ClaimsRefreshInterval = TimeSpan.FromMinutes(30);

    protected override Task<PortalUser?> VerifySecurityStamp(ClaimsPrincipal? principal) =>
        // PortalSignInManager also refuses a blocked account.
        SignInManager.ValidateSecurityStampAsync(principal);

    protected override Task SecurityStampVerified(PortalUser user, CookieValidatePrincipalContext context)
    {
        var issued = context.Properties.IssuedUtc;
        return issued is null || TimeProvider.GetUtcNow() - issued.Value > ClaimsRefreshInterval
            ? base.SecurityStampVerified(user, context)
            : Task.CompletedTask;
    }
}
