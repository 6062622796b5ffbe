namespace EHalsostodet.Core.ExternalLinks;

/// <summary>The last check of one external address used in published content.</summary>
public sealed class ExternalLink
{
    public required string Url { get; set; }
    public DateTime CheckedAt { get; set; }
    /// <summary>The HTTP status of the last answer; null when there was none.</summary>
    public int? StatusCode { get; set; }
    public bool IsBroken { get; set; }
    /// <summary>What went wrong, in Swedish; empty when the address works.</summary>
    public string Problem { get; set; } = "";
    /// <summary>The first check in the current run of failures.</summary>
    public DateTime? BrokenSince { get; set; }
}

/// <summary>Where a published item uses an external address.</summary>
public sealed record ExternalLinkUse(string Url, Guid ItemId, string ItemTitle, string ItemType);

/// <summary>A broken address and every published item that uses it.</summary>
public sealed record BrokenLink(ExternalLink Link, IReadOnlyList<ExternalLinkUse> UsedIn);
