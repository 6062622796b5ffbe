namespace EHalsostodet.Core.Export;

/// <summary>The Export section of the configuration.</summary>
public sealed class ExportOptions
{
    public const string Section = "Export";

    /// <summary>The folder with the DejaVu TrueType fonts the PDF export embeds (Debian package fonts-dejavu-core).</summary>
    public string FontFolder { get; set; } = "/usr/share/fonts/truetype/dejavu";

    /// <summary>How many megabytes of finished exports one instance keeps in memory; 0 keeps none.</summary>
    public int CacheMegabytes { get; set; } = 256;
}
