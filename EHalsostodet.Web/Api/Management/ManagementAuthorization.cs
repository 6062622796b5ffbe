using EHalsostodet.Core.Accounts;
using Microsoft.AspNetCore.Authorization;
using EHalsostodet.Web.Infrastructure;

namespace EHalsostodet.Web.Api.Management;

/// <summary>
/// The back office's role policies for the API. Sign-in is required as usual (401 otherwise);
/// a signed-in user whose role does not meet the policy gets 403 with the reason in Swedish,
/// rather than the empty 403 of the authorization middleware.
/// </summary>
internal static class ManagementAuthorization
{
    public const string EditReason = "Du behöver rollen Redaktör, Granskare eller Administratör för att använda förvaltnings-API:t.";
    public const string AdministerReason = "Bara en Administratör kan hantera användare.";

    public static RouteGroupBuilder RequirePortalPolicy(this RouteGroupBuilder group, string policy, string reason)
    {
        group.RequireAuthorization();
        group.AddEndpointFilter(async (context, next) =>
        {
            var authorization = context.HttpContext.RequestServices.GetRequiredService<IAuthorizationService>();
            var result = await authorization.AuthorizeAsync(context.HttpContext.User, policy);
            return result.Succeeded ? await next(context) : ManagementProblems.Forbidden(reason);
        });
        group.WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status401Unauthorized));
        group.ProducesProblem(StatusCodes.Status403Forbidden);
        return group;
    }

    public static RouteGroupBuilder RequireEditor(this RouteGroupBuilder group) =>
        group.RequirePortalPolicy(PortalRoles.CanEdit, EditReason);

    public static RouteGroupBuilder RequireAdministrator(this RouteGroupBuilder group) =>
        group.RequirePortalPolicy(PortalRoles.CanAdminister, AdministerReason);
}
