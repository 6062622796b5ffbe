namespace EHalsostodet.Core.Content;

/// <summary>What became of a save: a new version, or the reason there is none.</summary>
public abstract record SaveResult
{
    /// <param name="Message">What the editor is told, in Swedish: the version, and what became of a review or a schedule.</param>
    public sealed record Saved(ContentItem Item, ContentVersion Version, string Message = "") : SaveResult;
    public sealed record Invalid(IReadOnlyList<ValidationError> Errors) : SaveResult;
    public sealed record Conflict(string Message) : SaveResult;
    /// <summary>The save started from a version that is no longer the latest: someone saved in between.</summary>
    public sealed record Outdated : SaveResult
    {
        public const string Message = "Någon annan sparade en nyare version samtidigt. Försök igen.";
    }
    public sealed record NotFound : SaveResult;
}
