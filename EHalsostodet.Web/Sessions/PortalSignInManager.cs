using EHalsostodet.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Web.Sessions;

/// <summary>
/// Identity's sign-in manager with the portal's two rules on top: a blocked account can neither
/// sign in nor keep a session (its stamp check fails even before the stamp changes), and signing
/// out ends every session of the account, not only the cookie in this browser.
/// </summary>
public sealed class PortalSignInManager(
    UserManager<PortalUser> users,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<PortalUser> claimsFactory,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<PortalUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PortalUser> confirmation)
    : SignInManager<PortalUser>(users, contextAccessor, claimsFactory, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(PortalUser user) =>
        !user.IsBlocked && await base.CanSignInAsync(user);

    public override async Task<bool> ValidateSecurityStampAsync(PortalUser? user, string? securityStamp) =>
        user is { IsBlocked: false } && await base.ValidateSecurityStampAsync(user, securityStamp);

    /// <summary>
    /// Signs out here and ends the account's other sessions too: the new security stamp makes every
    /// cookie and bearer token issued before it, a copied or replayed one included, fail at once.
    /// </summary>
    public async Task SignOutEverywhereAsync()
    {
        if (await UserManager.GetUserAsync(Context.User) is { } user)
        {
            await UserManager.UpdateSecurityStampAsync(user);
        }
        await SignOutAsync();
    }
}
