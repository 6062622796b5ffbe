using EHalsostodet.Core.Media;

namespace EHalsostodet.Web.Media;

/// <summary>Where an image and its variants are served.</summary>
public static class MediaUrls
{
    public const string OriginalVariant = "original";

    public static string Original(Guid id) => $"/media/{id}/{OriginalVariant}";

    public static string Variant(Guid id, int width) => $"/media/{id}/{width}";

    /// <summary>The variants, then the original as the widest candidate.</summary>
    public static string SrcSet(MediaItem item) =>
        string.Join(", ", item.Variants.Select(w => $"{Variant(item.Id, w)} {w}w").Append($"{Original(item.Id)} {item.Width}w"));
}
