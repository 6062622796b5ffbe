namespace EHalsostodet.Web.Api.Management;

/// <summary>
/// What comes with a workflow action. Times in ISO 8601; a time without an offset is read as UTC.
/// </summary>
public sealed record WorkflowActionRequest
{
    public string? Comment { get; init; }
    public DateTime? PublishAt { get; init; }
    public DateTime? UnpublishAt { get; init; }
    /// <summary>On submit and approve: what changed, in words for members who follow the item; null keeps the version's text.</summary>
    public string? PublicChangeNote { get; init; }
}

/// <summary>The item's state after the action, with the Swedish message for the user.</summary>
public sealed record WorkflowActionResponse(Guid Id, string State, string StateLabel, string Message);
