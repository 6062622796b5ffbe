namespace EHalsostodet.Core.Insights;

/// <summary>
/// How many times something happened to a subject on one day, e.g. (2026-11-30, saved, item id).
/// Anonymous by construction: no user, no address, no exact time. It outlives deleted accounts.
/// </summary>
public sealed class UsageCount
{
    public DateOnly Day { get; set; }
    /// <summary>One of <see cref="UsageMetrics"/>.</summary>
    public string Metric { get; set; } = "";
    /// <summary>An item id ("D" format, lower case) or a tag slug.</summary>
    public string Subject { get; set; } = "";
    public int Count { get; set; }
}

public static class UsageMetrics
{
    public const string Viewed = "viewed";
    public const string Saved = "saved";
    public const string Shared = "shared";
    public const string Exported = "exported";
    /// <summary>A tag chosen as a search filter or its page opened: what popular tags are built from.</summary>
    public const string TagUsed = "tag-used";
}
