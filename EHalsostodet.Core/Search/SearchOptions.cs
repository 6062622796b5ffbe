namespace EHalsostodet.Core.Search;

public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>
    /// Where this instance keeps its Lucene index files. Default: the folder <c>search</c> beside the
    /// SQLite database, or <c>App_Data/search</c> under the content root on PostgreSQL.
    /// </summary>
    public string? IndexFolder { get; set; }

    /// <summary>How many different searches one instance keeps the results of; 0 keeps none.</summary>
    public int ResultCacheEntries { get; set; } = 1000;

    /// <summary>The longest a kept result is used, even when no change to the content evicted it.</summary>
    public int ResultCacheMinutes { get; set; } = 10;
}
