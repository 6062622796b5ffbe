using System.Globalization;
using EHalsostodet.Core.Media;

namespace EHalsostodet.Web.Media;

/// <summary>Where an image, its variants and its card crops are served.</summary>
public static class MediaUrls
{
    public const string OriginalVariant = "original";

    private const string CardPrefix = "kort-";

    public static string Original(Guid id) => $"/media/{id}/{OriginalVariant}";

    public static string Variant(Guid id, int width) => $"/media/{id}/{width}";

    /// <summary>A 16:9 crop; the address names the focal point it was cut around, so a new focal point is a new address.</summary>
    public static string Card(MediaItem item, int width) => $"/media/{item.Id}/{CardPrefix}{item.FocalPointX}-{item.FocalPointY}-{width}";

    /// <summary>The variants, then the original as the widest candidate.</summary>
    public static string SrcSet(MediaItem item) =>
        string.Join(", ", item.Variants.Select(w => $"{Variant(item.Id, w)} {w}w").Append($"{Original(item.Id)} {item.Width}w"));

    public static string CardSrcSet(MediaItem item) => string.Join(", ", item.Cards.Select(w => $"{Card(item, w)} {w}w"));

    /// <summary>The focal point and width a card address names, when it is one.</summary>
    public static bool TryParseCard(string variant, out FocalPoint focalPoint, out int width)
    {
        (focalPoint, width) = (default, 0);
        if (!variant.StartsWith(CardPrefix, StringComparison.Ordinal))
        {
            return false;
        }
        var parts = variant[CardPrefix.Length..].Split('-');
        if (parts.Length != 3 || !parts.All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            return false;
        }
        var numbers = parts.Select(p => int.Parse(p, NumberStyles.None, CultureInfo.InvariantCulture)).ToArray();
        (focalPoint, width) = (new FocalPoint(numbers[0], numbers[1]), numbers[2]);
        return true;
    }
}
