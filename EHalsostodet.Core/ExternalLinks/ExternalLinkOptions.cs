namespace EHalsostodet.Core.ExternalLinks;

/// <summary>Configuration section "LinkCheck": the background check of external links in published content.</summary>
public sealed class ExternalLinkOptions
{
    public const string Section = "LinkCheck";

    /// <summary>Off: the background job checks nothing (the editors' page still shows the last results).</summary>
    public bool Enabled { get; set; } = true;

    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long one address may take to answer before it counts as not answering.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The pause between two requests to the same host, so that no site is hammered.</summary>
    public TimeSpan DelayPerHost { get; set; } = TimeSpan.FromSeconds(2);
}
