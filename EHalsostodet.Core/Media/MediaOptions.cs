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

    /// <summary>
    /// The longest side of the original as kept, in pixels; a larger upload is scaled down to it.
    /// Decoding a large JPEG or WebP straight at the reduced size and re-encoding only that keeps
    /// an upload at the pixel limit well under a second of CPU (see docs/benchmarks.md, Media).
    /// </summary>
    public int MaxOriginalSide { get; set; } = 3200;

    /// <summary>Variant widths in pixels; never wider than the original.</summary>
    public int[] VariantWidths { get; set; } = [480, 960, 1600];

    /// <summary>Widths of the 16:9 crops around the focal point that cards show; never wider than the crop.</summary>
    public int[] CardWidths { get; set; } = [480, 960];

    /// <summary>
    /// How many uploads libvips processes at once; more wait. Each holds its decoded pixels in
    /// memory (up to about 160 MB at the pixel limit), and libvips already uses every core for one.
    /// </summary>
    public int MaxConcurrentProcessing { get; set; } = 2;
}
