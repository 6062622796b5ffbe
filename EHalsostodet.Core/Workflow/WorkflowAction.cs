namespace EHalsostodet.Core.Workflow;

/// <summary>What a user can do to an item in the workflow.</summary>
public enum WorkflowAction
{
    Submit,
    Approve,
    Reject,
    Unpublish,
    Archive,
    Trash,
    Restore,
}

public static class WorkflowActionNames
{
    /// <summary>The key in URLs and the API: submit, approve, …</summary>
    public static string Key(this WorkflowAction action) => action.ToString().ToLowerInvariant();

    public static bool TryParseKey(string? key, out WorkflowAction action) =>
        Enum.TryParse(key, ignoreCase: true, out action) && Enum.IsDefined(action) && !int.TryParse(key, out _);

    public static string Label(this WorkflowAction action) => action switch
    {
        WorkflowAction.Submit => "Skicka på granskning",
        WorkflowAction.Approve => "Godkänn och publicera",
        WorkflowAction.Reject => "Skicka tillbaka",
        WorkflowAction.Unpublish => "Avpublicera",
        WorkflowAction.Archive => "Arkivera",
        WorkflowAction.Trash => "Lägg i papperskorgen",
        WorkflowAction.Restore => "Återställ",
        _ => action.ToString(),
    };

    /// <summary>The audit log's word for it.</summary>
    public static string PastTense(this WorkflowAction action) => action switch
    {
        WorkflowAction.Submit => "Skickad på granskning",
        WorkflowAction.Approve => "Godkänd",
        WorkflowAction.Reject => "Skickad tillbaka",
        WorkflowAction.Unpublish => "Avpublicerad",
        WorkflowAction.Archive => "Arkiverad",
        WorkflowAction.Trash => "Lagd i papperskorgen",
        WorkflowAction.Restore => "Återställd",
        _ => action.ToString(),
    };
}
