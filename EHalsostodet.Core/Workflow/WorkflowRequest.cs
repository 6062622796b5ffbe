namespace EHalsostodet.Core.Workflow;

/// <summary>What comes with a workflow action: a comment, and times for scheduled publishing.</summary>
/// <param name="PublicChangeNote">
/// On submit and approve: what changed, for members who follow the item (never the internal change note).
/// Null keeps what the version has; an empty text removes it.
/// </param>
public sealed record WorkflowRequest(string? Comment = null, DateTime? PublishAt = null, DateTime? UnpublishAt = null, string? PublicChangeNote = null);

/// <summary>The outcome of a workflow action.</summary>
public abstract record WorkflowResult
{
    public sealed record Done(Content.ContentItem Item, string Message) : WorkflowResult;
    /// <summary>The role or the four-eyes rule forbids it.</summary>
    public sealed record Forbidden(string Reason) : WorkflowResult;
    /// <summary>The action does not fit the item's state or the request.</summary>
    public sealed record Invalid(string Reason) : WorkflowResult;
    /// <summary>The latest version lacks what review and publication need; <see cref="Errors"/> name the fields.</summary>
    public sealed record Incomplete(string Reason, IReadOnlyList<Content.ValidationError> Errors) : WorkflowResult;
    public sealed record NotFound : WorkflowResult;
}
