using System.Security.Claims;
using EHalsostodet.Core.Workflow;

namespace EHalsostodet.Web.BackOffice;

public static class CurrentActor
{
    /// <summary>The signed-in user as the workflow sees them.</summary>
    public static WorkflowActor ToActor(this ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Ingen inloggad användare."),
        user.FindFirstValue(PortalClaimsFactory.DisplayNameClaim) ?? user.Identity?.Name ?? "",
        user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet());
}
