namespace EHalsostodet.Core.Media;

/// <summary>The "Media" settings.</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>Where originals and variants are kept; relative to the content root unless rooted.</summary>
    public string Folder { get; set; } = "App_Data/media";

    public long MaxBytes { get; set; } = 15 * 1024 * 1024;

    public long MaxPixels { get; set; } = 40_000_000;

    public int MaxSide { get; set; } = 12_000;

    /// <summary>The libvips program that makes the WebP variants; a name on PATH or a full path.</summary>
    public string VipsThumbnailPath { get; set; } = "vipsthumbnail";

    public TimeSpan VipsTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Variant widths in pixels; never wider than the original.</summary>
    public int[] VariantWidths { get; set; } = [480, 960, 1600];
}
