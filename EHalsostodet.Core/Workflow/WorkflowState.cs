namespace EHalsostodet.Core.Workflow;

/// <summary>Where an item is in the editorial workflow.</summary>
public enum WorkflowState
{
    Draft,
    InReview,
    Published,
    Scheduled,
    Unpublished,
    Archived,
    Trashed,
}

public static class WorkflowStateLabels
{
    public static string Label(this WorkflowState state) => state switch
    {
        WorkflowState.Draft => "Utkast",
        WorkflowState.InReview => "Under granskning",
        WorkflowState.Published => "Publicerad",
        WorkflowState.Scheduled => "Schemalagd",
        WorkflowState.Unpublished => "Avpublicerad",
        WorkflowState.Archived => "Arkiverad",
        WorkflowState.Trashed => "Papperskorg",
        _ => state.ToString(),
    };
}
