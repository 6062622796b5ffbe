using System.Text.Encodings.Web;
using EHalsostodet.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Web.Sessions;

/// <summary>
/// Bearer tokens from POST /api/auth/login, checked on every request against the account: the
/// token carries the security stamp it was issued with, and a token whose stamp is no longer the
/// account's (a block, a role change, a new password, a sign-out) or whose account is gone or
/// blocked is refused with 401 at once, on every instance. Identity's bearer handler reads and
/// decrypts the token; this one adds the check (one query by primary key).
/// </summary>
public sealed class ValidatedBearerHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, SignInManager<PortalUser> signIn)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "PortalBearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = await Context.AuthenticateAsync(IdentityConstants.BearerScheme);
        if (!token.Succeeded)
        {
            return token;
        }
        if (await signIn.ValidateSecurityStampAsync(token.Principal) is null)
        {
            return AuthenticateResult.Fail("Sessionen har avslutats.");
        }
        return AuthenticateResult.Success(new AuthenticationTicket(token.Principal, token.Properties, Scheme.Name));
    }
}
