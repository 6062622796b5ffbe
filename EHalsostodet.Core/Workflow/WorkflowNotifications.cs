using EHalsostodet.Core.Content;
using EHalsostodet.Core.Notifications;

namespace EHalsostodet.Core.Workflow;

/// <summary>An item was sent for review; reviewers should hear of it.</summary>
public sealed record ContentSubmittedNotification(ContentItem Item, WorkflowActor SubmittedBy, string Comment) : INotification;

/// <summary>A reviewer sent an item back to its editors with a comment.</summary>
public sealed record ContentRejectedNotification(ContentItem Item, WorkflowActor RejectedBy, string Comment) : INotification;

/// <summary>
/// An editor saved a new version of an item that was waiting for review, so it is a draft again
/// and the review is off; reviewers and whoever submitted it should hear of it.
/// </summary>
public sealed record ContentReturnedToDraftNotification(ContentItem Item, ContentAuthor EditedBy, string? SubmittedById) : INotification;
