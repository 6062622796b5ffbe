using EHalsostodet.Core.Content;

namespace EHalsostodet.Core.Workflow;

/// <summary>
/// Who made the change an approval would publish: the authors of the versions saved since the last
/// approved version, and whoever sent the item for review since then. None of them may approve it.
/// </summary>
public sealed record ChangeContributors(IReadOnlySet<string> Authors, IReadOnlySet<string> Submitters)
{
    public static ChangeContributors None { get; } = new(new HashSet<string>(), new HashSet<string>());
}

/// <summary>
/// Who may do what in which state. Returns the reason in Swedish when an action is not
/// allowed, so the back office can explain a missing button and the API a 403.
/// </summary>
public static class WorkflowRules
{
    public static (bool Forbidden, string? Reason) Check(
        WorkflowAction action, ContentItem item, WorkflowActor actor, ChangeContributors contributors, bool fourEyes)
    {
        var role = RoleReason(action, item, actor);
        if (role is not null)
        {
            return (true, role);
        }
        var state = StateReason(action, item);
        if (state is not null)
        {
            return (false, state);
        }
        if (action == WorkflowAction.Approve && fourEyes)
        {
            if (item.SubmittedById == actor.UserId || contributors.Submitters.Contains(actor.UserId))
            {
                return (true, "Du skickade själv ändringen på granskning. En annan granskare måste godkänna den (fyraögonsprincipen).");
            }
            if (contributors.Authors.Contains(actor.UserId))
            {
                return (true, "Du har själv skrivit en del av ändringen. En annan granskare måste godkänna den (fyraögonsprincipen).");
            }
        }
        return (false, null);
    }

    /// <summary>The actions that must say why in a comment.</summary>
    public static bool RequiresComment(WorkflowAction action) => action is WorkflowAction.Reject or WorkflowAction.Archive;

    /// <summary>
    /// Why what came with the action (comment, times, public change note) cannot be used at
    /// <paramref name="now"/>; null when it can.
    /// </summary>
    public static string? RequestReason(WorkflowAction action, WorkflowRequest request, DateTime now)
    {
        if (RequiresComment(action) && string.IsNullOrWhiteSpace(request.Comment))
        {
            return action == WorkflowAction.Reject
                ? "Skriv en kommentar som förklarar vad som behöver ändras."
                : "Ange varför innehållet arkiveras.";
        }
        if (request.PublishAt is { } publishAt && request.UnpublishAt is { } unpublishAt && unpublishAt <= publishAt)
        {
            return "Avpubliceringen måste ligga efter publiceringen.";
        }
        if (request.UnpublishAt is { } until && until <= now && action is WorkflowAction.Approve)
        {
            return "Tiden för avpublicering har redan passerat.";
        }
        if (request.PublicChangeNote?.Trim().Length > ContentVersion.PublicChangeNoteMaxLength)
        {
            return $"Texten om vad som har ändrats får vara högst {ContentVersion.PublicChangeNoteMaxLength} tecken.";
        }
        return null;
    }

    /// <summary>The actions the actor can take now, for the back office's buttons.</summary>
    public static IReadOnlyList<WorkflowAction> Available(ContentItem item, WorkflowActor actor, ChangeContributors contributors, bool fourEyes) =>
        Enum.GetValues<WorkflowAction>().Where(a => Check(a, item, actor, contributors, fourEyes).Reason is null).ToList();

    private static string? RoleReason(WorkflowAction action, ContentItem item, WorkflowActor actor) => action switch
    {
        WorkflowAction.Submit when !actor.CanEdit => "Du behöver rollen Redaktör för att skicka innehåll på granskning.",
        WorkflowAction.Approve or WorkflowAction.Reject or WorkflowAction.Unpublish or WorkflowAction.Archive when !actor.CanReview =>
            "Bara en Granskare eller Administratör kan göra det.",
        WorkflowAction.Trash when !actor.CanReview && !(actor.CanEdit && item.PublishedVersionId is null && item.PublishAt is null) =>
            "Bara en Granskare eller Administratör kan lägga innehåll som är publicerat eller schemalagt i papperskorgen.",
        WorkflowAction.Restore when !actor.IsAdministrator => "Bara en Administratör kan återställa innehåll från papperskorgen.",
        _ => null,
    };

    private static string? StateReason(WorkflowAction action, ContentItem item)
    {
        if (item.State == WorkflowState.Trashed && action != WorkflowAction.Restore)
        {
            return "Innehållet ligger i papperskorgen. Återställ det först.";
        }
        return action switch
        {
            WorkflowAction.Submit when item.State is WorkflowState.InReview => "Innehållet väntar redan på granskning.",
            WorkflowAction.Submit when item.State is WorkflowState.Scheduled => "Innehållet är redan godkänt och schemalagt.",
            WorkflowAction.Submit when item.LatestVersionId == item.PublishedVersionId => "Det finns inga ändringar att skicka på granskning: den senaste versionen är redan publicerad.",
            WorkflowAction.Approve or WorkflowAction.Reject when item.State != WorkflowState.InReview => "Bara innehåll som väntar på granskning kan godkännas eller skickas tillbaka.",
            WorkflowAction.Unpublish when item.PublishedVersionId is null && item.PublishAt is null => "Innehållet är varken publicerat eller schemalagt.",
            WorkflowAction.Archive when item.State == WorkflowState.Archived => "Innehållet är redan arkiverat.",
            WorkflowAction.Restore when item.State != WorkflowState.Trashed => "Bara innehåll i papperskorgen kan återställas.",
            _ => null,
        };
    }
}
