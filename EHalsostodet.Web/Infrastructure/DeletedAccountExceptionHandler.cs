using System.Security.Claims;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Addresses;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Web.Infrastructure;

/// <summary>
/// A session (cookie or bearer token) that outlived its account writes rows that refer to an
/// account that is gone, and the database refuses them (a foreign-key violation). That is not a
/// server error: the person is no longer signed in. The cookie is signed out; the API answers 401
/// with problem details, and a page sends the visitor to the login form (the back office's or the members').
/// </summary>
public sealed class DeletedAccountExceptionHandler(IServiceScopeFactory scopes) : IExceptionHandler
{
    public const string Message = "Kontot finns inte längre, så ändringen kunde inte sparas. Logga in igen.";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not DbUpdateException ||
            httpContext.User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId ||
            await AccountExistsAsync(userId))
        {
            return false;
        }
        if (!httpContext.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            await httpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
        if (ApiExceptionHandler.IsApiRequest(httpContext))
        {
            await TypedResults.Problem(Message, statusCode: StatusCodes.Status401Unauthorized, title: "Inte inloggad").ExecuteAsync(httpContext);
            return true;
        }
        var path = new PathString(httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? "");
        httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
        httpContext.Response.Headers.Location = path.StartsWithSegments(PortalPaths.BackOffice.Home) ? PortalPaths.BackOffice.Login() : PortalPaths.Members.Login();
        return true;
    }

    /// <summary>Asked in a scope of its own: the request's database context holds the refused changes.</summary>
    private async Task<bool> AccountExistsAsync(string userId)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByIdAsync(userId) is not null;
    }
}
