namespace EHalsostodet.Core.Content;

/// <summary>One saved state of a document. Never changed once written, except for <see cref="PublicChangeNote"/>.</summary>
public sealed class ContentVersion
{
    public const int PublicChangeNoteMaxLength = 500;

    public Guid Id { get; init; }
    public Guid ItemId { get; init; }
    /// <summary>1, 2, 3 … per item, in the order the versions were saved.</summary>
    public int Number { get; init; }
    public required string DocumentJson { get; init; }
    public string? AuthorId { get; init; }
    public string AuthorName { get; init; } = "";
    public DateTime CreatedAt { get; init; }
    /// <summary>The editors' own note, for the back office only.</summary>
    public string ChangeNote { get; init; } = "";
    /// <summary>
    /// What changed, in words for the public: written when the version is sent to review or
    /// approved, and the only text of a version that members' notices and mails show.
    /// </summary>
    public string? PublicChangeNote { get; set; }
}
