using EHalsostodet.Core.Workflow;

namespace EHalsostodet.Core.Content;

/// <summary>
/// The identity of a piece of content across all its versions: where it is in the workflow,
/// which version is the latest and which one the public sees.
/// </summary>
public sealed class ContentItem
{
    public Guid Id { get; set; }
    public ContentType Type { get; set; }
    /// <summary>The slug of the latest version; the public slug lives in the read model.</summary>
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    public WorkflowState State { get; set; } = WorkflowState.Draft;
    public Guid? LatestVersionId { get; set; }
    public Guid? PublishedVersionId { get; set; }
    public DateOnly ReviewBy { get; set; }
    /// <summary>When a reviewer last approved the item or marked the live content as still accurate.</summary>
    public DateTime? LastReviewedAt { get; set; }
    /// <summary>Who did it (account id and the name at the time); null before this was recorded.</summary>
    public string? LastReviewedById { get; set; }
    public string? LastReviewedByName { get; set; }
    /// <summary>When an approved version goes live: state Schemalagd, or Utkast when a newer draft was saved on top of it.</summary>
    public DateTime? PublishAt { get; set; }
    /// <summary>The version approved for the scheduled publication, which need not be the latest.</summary>
    public Guid? ScheduledVersionId { get; set; }
    /// <summary>When the live version is taken down again.</summary>
    public DateTime? UnpublishAt { get; set; }
    /// <summary>Who sent the latest version for review; they may not approve it.</summary>
    public string? SubmittedById { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>Changes on every write; a save that read an older value is refused.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}
