using EHalsostodet.Core.Content;
using EHalsostodet.Core.Events;

namespace EHalsostodet.Core.Workflow;

/// <summary>An item was sent for review; reviewers should hear of it.</summary>
public sealed record ContentSubmitted(ContentItem Item, WorkflowActor SubmittedBy, string Comment) : IContentEvent;

/// <summary>A reviewer sent an item back to its editors with a comment.</summary>
public sealed record ContentRejected(ContentItem Item, WorkflowActor RejectedBy, string Comment) : IContentEvent;

/// <summary>
/// An editor saved a new version of an item that was waiting for review, so it is a draft again
/// and the review is off; reviewers and whoever submitted it should hear of it.
/// </summary>
public sealed record ContentReturnedToDraft(ContentItem Item, ContentAuthor EditedBy, string? SubmittedById) : IContentEvent;
