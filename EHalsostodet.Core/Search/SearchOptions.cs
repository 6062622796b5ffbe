namespace EHalsostodet.Core.Search;

public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>How many different searches one instance keeps the results of; 0 keeps none.</summary>
    public int ResultCacheEntries { get; set; } = 1000;

    /// <summary>The longest a kept result is used, even when no change to the content evicted it.</summary>
    public int ResultCacheMinutes { get; set; } = 10;
}
