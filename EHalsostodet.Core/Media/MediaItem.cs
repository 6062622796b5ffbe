namespace EHalsostodet.Core.Media;

/// <summary>An image in the media library. The stored file is the original with its metadata stripped.</summary>
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

    public IReadOnlyList<int> Variants =>
        VariantWidths.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
}
