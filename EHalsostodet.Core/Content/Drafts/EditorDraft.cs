namespace EHalsostodet.Core.Content.Drafts;

/// <summary>
/// The edit form of one account for one item as it was last typed and not saved as a version:
/// kept while the editor types, when a save met a newer version, and when the session had ended
/// by the time the form was sent. Only its own account ever sees it.
/// </summary>
public sealed class EditorDraft
{
    /// <summary>Drafts longer than this are not kept (a whole story's form is a few tens of kilobytes).</summary>
    public const int MaxFormLength = 1_000_000;

    public required string UserId { get; init; }
    /// <summary><see cref="DraftTarget.Key"/>.</summary>
    public required string Target { get; init; }
    /// <summary>The version the form started from; null for a new item.</summary>
    public Guid? BaseVersionId { get; set; }
    /// <summary>The form's fields as typed: a JSON object of field name → values.</summary>
    public required string FormJson { get; set; }
    public DateTime SavedAt { get; set; }
}
