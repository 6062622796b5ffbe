namespace EHalsostodet.Core.Media;

/// <summary>The image formats the library accepts.</summary>
public enum ImageFormat
{
    Jpeg,
    Png,
    WebP,
}

public static class ImageFormats
{
    public static string ContentType(this ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => "image/jpeg",
        ImageFormat.Png => "image/png",
        _ => "image/webp",
    };

    public static string Extension(this ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => ".jpg",
        ImageFormat.Png => ".png",
        _ => ".webp",
    };
}
