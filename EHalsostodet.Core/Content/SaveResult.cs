namespace EHalsostodet.Core.Content;

/// <summary>What became of a save: a new version, or the reason there is none.</summary>
public abstract record SaveResult
{
    public sealed record Saved(ContentItem Item, ContentVersion Version) : SaveResult;
    public sealed record Invalid(IReadOnlyList<ValidationError> Errors) : SaveResult;
    public sealed record Conflict(string Message) : SaveResult;
    public sealed record NotFound : SaveResult;
}
