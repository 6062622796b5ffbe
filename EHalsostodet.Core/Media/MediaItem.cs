namespace EHalsostodet.Core.Media;

/// <summary>
/// An image in the media library. The stored file is the original turned upright, in sRGB,
/// without metadata; its width and height are those of the upright image.
/// </summary>
public sealed class MediaItem
{
    public const int AltTextMaxLength = 300;

    public Guid Id { get; set; }
    /// <summary>The uploaded file name, sanitised; shown to editors only, never used as a path.</summary>
    public string OriginalFileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public int Width { get; set; }
    public int Height { get; set; }
    public long ByteSize { get; set; }
    public string AltText { get; set; } = "";
    public string? UploadedById { get; set; }
    public string UploadedByName { get; set; } = "";
    public DateTime UploadedAt { get; set; }
    /// <summary>The server-made file name under the media folder.</summary>
    public string StorageKey { get; set; } = "";
    /// <summary>Widths of the WebP variants made, ascending, comma-separated; empty when none were made.</summary>
    public string VariantWidths { get; set; } = "";
    /// <summary>The focal point, in percent of the width from the left.</summary>
    public int FocalPointX { get; set; } = 50;
    /// <summary>The focal point, in percent of the height from the top.</summary>
    public int FocalPointY { get; set; } = 50;
    /// <summary>Widths of the 16:9 card crops made around the focal point, as <see cref="VariantWidths"/>; empty for images stored before crops existed.</summary>
    public string CardWidths { get; set; } = "";

    public IReadOnlyList<int> Variants => Widths(VariantWidths);

    public IReadOnlyList<int> Cards => Widths(CardWidths);

    public FocalPoint FocalPoint
    {
        get => new(FocalPointX, FocalPointY);
        set => (FocalPointX, FocalPointY) = (value.X, value.Y);
    }

    private static List<int> Widths(string widths) =>
        widths.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
}
