using EHalsostodet.Core.Content;
using EHalsostodet.Core.Workflow;

namespace EHalsostodet.Web.BackOffice;

/// <summary>What the back office says about an item's regular review, and whether the user may mark it as reviewed now.</summary>
public sealed record ReviewStatus(Guid ItemId, DateOnly ReviewBy, bool IsDue, DateTime? LastReviewedAt, string? LastReviewedByName, bool CanMarkReviewed)
{
    /// <summary>The form field that says where "Markera som granskad" returns to.</summary>
    public const string ReturnField = "returnTo";
    public const string ReturnToDashboard = "oversikt";
    public const string ReturnToEditor = "redigera";
    public const string ReturnToDetails = "innehall";

    public static ReviewStatus Of(ContentItem item, WorkflowActor actor, DateOnly today) =>
        Of(item.Id, item.PublishedVersionId is not null, item.ReviewBy, item.LastReviewedAt, item.LastReviewedByName, actor, today);

    public static ReviewStatus Of(EditorialItem item, WorkflowActor actor, DateOnly today) =>
        Of(item.Id, item.IsLive, item.ReviewBy, item.LastReviewedAt, item.LastReviewedByName, actor, today);

    private static ReviewStatus Of(Guid id, bool isLive, DateOnly reviewBy, DateTime? lastReviewedAt, string? lastReviewedByName, WorkflowActor actor, DateOnly today) =>
        new(id, reviewBy, reviewBy < today, lastReviewedAt, lastReviewedByName,
            ContentReviews.Check(isLive, reviewBy, actor, today).Reason is null);
}
