using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Content;

namespace EHalsostodet.Core.Workflow;

/// <summary>The signed-in user as the workflow sees them.</summary>
public sealed record WorkflowActor(string UserId, string Name, IReadOnlySet<string> Roles)
{
    public bool CanEdit => Roles.Contains(PortalRoles.Editor) || CanReview;
    public bool CanReview => Roles.Contains(PortalRoles.Reviewer) || IsAdministrator;
    public bool IsAdministrator => Roles.Contains(PortalRoles.Administrator);

    public ContentAuthor AsAuthor() => new(UserId, Name);

    /// <summary>The scheduler, which carries out what a reviewer already approved.</summary>
    public static WorkflowActor Scheduler { get; } = new("system:scheduler", "Schemaläggaren", new HashSet<string> { PortalRoles.Administrator });
}
