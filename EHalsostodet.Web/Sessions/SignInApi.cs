using EHalsostodet.Web.Api.Management;
using EHalsostodet.Web.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using EHalsostodet.Web.Infrastructure;

namespace EHalsostodet.Web.Sessions;

/// <summary>{email, password} for POST /api/auth/login.</summary>
public sealed class LoginRequest
{
    public string? Email { get; set; }
    public string? Password { get; set; }
}

/// <summary>{refreshToken} for POST /api/auth/refresh.</summary>
public sealed class RefreshRequest
{
    public string? RefreshToken { get; set; }
}

/// <summary>
/// /api/auth: bearer tokens for the APIs. Login answers the same for every failure (unknown
/// address, wrong password, unconfirmed address, blocked account) and 429 with Retry-After while
/// the client must wait after repeated failures. A token carries the account's security stamp and
/// stops working when it changes; logout changes it, ending every session of the account.
/// </summary>
public static class SignInApi
{
    public const string Prefix = "/api/auth";

    public static IEndpointRouteBuilder MapSignInApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup(Prefix).WithTags("Inloggning");
        auth.MapPost("/login", LoginAsync)
            .Accepts<LoginRequest>("application/json")
            .WithName("Login")
            .WithSummary("Logga in och få en bearer-token")
            .WithDescription("Svarar med accessToken (gäller en timme) och refreshToken. Alla misslyckanden ger samma svar, 401. Efter upprepade fel lösenord från samma adress svarar inloggningen 429 med Retry-After.");
        auth.MapPost("/refresh", RefreshAsync)
            .Accepts<RefreshRequest>("application/json")
            .WithName("RefreshToken")
            .WithSummary("Förnya en bearer-token")
            .WithDescription("Byter en refreshToken mot nya token, så länge kontot inte har spärrats, bytt lösenord eller roll, eller loggats ut.");
        auth.MapPost("/logout", LogoutAsync)
            .RequireAuthorization()
            .WithName("Logout")
            .WithSummary("Logga ut överallt")
            .WithDescription("Avslutar kontots alla sessioner: varje bearer-token, refreshToken och inloggning i webbläsaren slutar gälla direkt.");
        return app;
    }

    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> LoginAsync(
        HttpContext context, PasswordSignIn passwords, PortalSignInManager signIn, CancellationToken cancellationToken)
    {
        var body = await JsonRequestBody.ReadAsync<LoginRequest>(context.Request, optional: false, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }
        if (string.IsNullOrWhiteSpace(body.Value!.Email) || string.IsNullOrEmpty(body.Value.Password))
        {
            return ManagementProblems.BadRequest("Ange e-postadress och lösenord.");
        }
        var check = await passwords.CheckAsync(body.Value.Email, body.Value.Password, context);
        if (check.RetryAfter is { } wait)
        {
            RetryAfterHeader.Set(context.Response, wait);
            return TypedResults.Problem(PasswordSignIn.ThrottledMessage(check), statusCode: StatusCodes.Status429TooManyRequests, title: "För många inloggningsförsök");
        }
        if (check.User is null)
        {
            return Failed(PasswordSignIn.FailedMessage);
        }
        return TypedResults.SignIn(await signIn.CreateUserPrincipalAsync(check.User), authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> RefreshAsync(
        HttpRequest request, PortalSignInManager signIn, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock, CancellationToken cancellationToken)
    {
        var body = await JsonRequestBody.ReadAsync<RefreshRequest>(request, optional: false, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }
        if (string.IsNullOrEmpty(body.Value!.RefreshToken))
        {
            return ManagementProblems.BadRequest("Ange refreshToken.");
        }
        var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(body.Value.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires ||
            await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
        {
            return Failed("Sessionen har avslutats. Logga in igen.");
        }
        return TypedResults.SignIn(await signIn.CreateUserPrincipalAsync(user), authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static async Task<NoContent> LogoutAsync(PortalSignInManager signIn)
    {
        await signIn.SignOutEverywhereAsync();
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult Failed(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Inloggningen misslyckades");
}
