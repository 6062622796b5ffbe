namespace EHalsostodet.Core.Search;

/// <summary>
/// A search that found nothing, counted per normalised query: what editors should write about.
/// Holds no personal data: no user, no address, no exact time of each search, and personal data
/// typed in the search masked (see <see cref="PersonalDataMask"/>).
/// </summary>
public sealed class SearchMiss
{
    public string Query { get; set; } = "";
    public int Count { get; set; }
    public DateOnly LastSearched { get; set; }
}
