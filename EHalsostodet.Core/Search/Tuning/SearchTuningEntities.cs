namespace EHalsostodet.Core.Search.Tuning;

/// <summary>
/// Words that search treats as the same, maintained by editors: a search for any of them finds
/// the others too (robot, automat; läkemedel, medicin). A word may be a phrase of several words.
/// </summary>
public sealed class SearchSynonym
{
    public int Id { get; set; }

    /// <summary>The words of the group, separated by commas, as the editor wrote them.</summary>
    public string Words { get; set; } = "";

    public DateTime UpdatedAt { get; set; }
}

/// <summary>A chosen item shown first for a query (a "best bet", like Wagtail's promoted results).</summary>
public sealed class SearchBestBet
{
    public int Id { get; set; }

    /// <summary>The query as <see cref="SearchMissCounter.Normalise"/> makes it, so "Larmen!" and "larm" share one.</summary>
    public string Query { get; set; } = "";

    public Guid ItemId { get; set; }

    public DateTime CreatedAt { get; set; }
}
