namespace EHalsostodet.Core.Content;

/// <summary>One saved state of a document. Never changed once written.</summary>
public sealed class ContentVersion
{
    public Guid Id { get; init; }
    public Guid ItemId { get; init; }
    /// <summary>1, 2, 3 … per item, in the order the versions were saved.</summary>
    public int Number { get; init; }
    public required string DocumentJson { get; init; }
    public string? AuthorId { get; init; }
    public string AuthorName { get; init; } = "";
    public DateTime CreatedAt { get; init; }
    public string ChangeNote { get; init; } = "";
}
