using System.Security.Claims;
using EHalsostodet.Core.Accounts;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Web.Sessions;

/// <summary>
/// Identity's check of a cookie's security stamp, for the sessions <see cref="SessionStampValidator"/>
/// does not pass itself: it loads the account, ends the session when the stamp changed or the
/// account is blocked or gone (pages redirect to the login form, APIs answer 401), and otherwise
/// reads the claims (roles, name) again and re-issues the cookie. Unlike Identity's own, it does
/// the last only once the cookie is older than <see cref="SessionStampValidator.ClaimsRefreshInterval"/>;
/// every change of roles changes the stamp anyway.
/// </summary>
public sealed class IdentityStampValidator(
    IOptions<SecurityStampValidatorOptions> options, SignInManager<PortalUser> signIn, ILoggerFactory logger)
    : SecurityStampValidator<PortalUser>(options, signIn, logger)
{
    protected override Task<PortalUser?> VerifySecurityStamp(ClaimsPrincipal? principal) =>
        // PortalSignInManager also refuses a blocked account.
        SignInManager.ValidateSecurityStampAsync(principal);

    protected override Task SecurityStampVerified(PortalUser user, CookieValidatePrincipalContext context)
    {
        var issued = context.Properties.IssuedUtc;
        return issued is null || TimeProvider.GetUtcNow() - issued.Value > SessionStampValidator.ClaimsRefreshInterval
            ? base.SecurityStampVerified(user, context)
            : Task.CompletedTask;
    }
}
