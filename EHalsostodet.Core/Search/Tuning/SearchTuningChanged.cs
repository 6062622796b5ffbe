namespace EHalsostodet.Core.Search.Tuning;

/// <summary>
/// Makes a change to synonyms or best bets take effect at once on this instance: the next search
/// reads the tuning again, and no result kept from before the change is shown. Other instances
/// read the tuning again within <see cref="SearchTuningCache.MaxAge"/>, but results they already
/// keep are used until they expire (<see cref="SearchOptions.ResultCacheMinutes"/>).
/// </summary>
public sealed class SearchTuningChanged(SearchTuningCache tuning, SearchResultCache results)
{
    public void Apply()
    {
        tuning.Clear();
        results.Clear();
    }
}
