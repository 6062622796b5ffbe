namespace EHalsostodet.Core.Search;

/// <summary>Free-text search for editors over every item's latest version, drafts included.</summary>
public interface IEditorialSearch
{
    /// <returns>The matching item ids, best first; or a message when the text holds nothing to search for.</returns>
    Task<EditorialSearchResult> SearchAsync(string text, CancellationToken cancellationToken);
}

public sealed record EditorialSearchResult(IReadOnlyList<Guid> RankedIds, string? Message = null);
