namespace EHalsostodet.Core.Export;

/// <summary>The Export section of the configuration.</summary>
public sealed class ExportOptions
{
    public const string Section = "Export";

    /// <summary>The folder with the DejaVu TrueType fonts the PDF export embeds (Debian package fonts-dejavu-core).</summary>
    public string FontFolder { get; set; } = "/usr/share/fonts/truetype/dejavu";

    /// <summary>How many megabytes of finished exports one instance keeps on disk; 0 keeps none.</summary>
    public int CacheMegabytes { get; set; } = 256;

    /// <summary>
    /// The folder the finished exports are kept in, on this instance's own disk; it is emptied at start.
    /// Without it, a folder of the instance's own under the system's temporary folder.
    /// </summary>
    public string? CacheFolder { get; set; }

    /// <summary>How many exports one instance renders at once; more wait their turn. One per processor by default.</summary>
    public int MaxConcurrentRendering { get; set; } = Environment.ProcessorCount;
}
