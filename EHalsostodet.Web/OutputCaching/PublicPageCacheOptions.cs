namespace EHalsostodet.Web.OutputCaching;

/// <summary>The OutputCache section of the configuration.</summary>
public sealed class PublicPageCacheOptions
{
    public const string Section = "OutputCache";

    /// <summary>Whether public pages are kept at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// A Redis connection string (StackExchange.Redis format, e.g. <c>redis:6379</c>) for a store shared by
    /// every instance; without it each instance keeps pages on its own disk.
    /// </summary>
    public string? Redis { get; set; }

    /// <summary>The prefix of the portal's keys in Redis, so that several portals can share one server.</summary>
    public string RedisPrefix { get; set; } = "ehalsostodet:";

    /// <summary>How long a page is kept when nothing it shows changes.</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a page that shows what visitors use most (popular tags) is kept: it changes with every visit, not with publishing.</summary>
    public TimeSpan PopularityDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many megabytes of pages an instance without Redis keeps on its disk.</summary>
    public int DiskMegabytes { get; set; } = 256;

    /// <summary>
    /// The folder an instance without Redis keeps pages in, on its own disk; it is emptied at start.
    /// Without it, a folder of the instance's own under the system's temporary folder.
    /// </summary>
    public string? Folder { get; set; }

    /// <summary>How long a shared cache (a CDN or proxy) may keep a public page (<c>s-maxage</c>); browsers ask again each time, with the ETag.</summary>
    public int SharedMaxAgeSeconds { get; set; } = 30;
}
