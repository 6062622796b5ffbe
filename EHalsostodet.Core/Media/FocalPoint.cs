namespace EHalsostodet.Core.Media;

/// <summary>The point of an image that cropping keeps in view, in percent of its width and height from the top left.</summary>
public readonly record struct FocalPoint(int X, int Y)
{
    public static FocalPoint Centre { get; } = new(50, 50);

    public bool IsValid => X is >= 0 and <= 100 && Y is >= 0 and <= 100;
}

/// <summary>A rectangle within an image, in pixels.</summary>
public readonly record struct CropArea(int Left, int Top, int Width, int Height);

/// <summary>Where a crop to a fixed aspect ratio lies in an image so that it keeps the focal point in view.</summary>
public static class FocalCrop
{
    /// <summary>
    /// The largest area of the aspect ratio that fits the image, centred on the focal point as far
    /// as the image's edges allow.
    /// </summary>
    public static CropArea Area(int width, int height, int aspectWidth, int aspectHeight, FocalPoint focalPoint)
    {
        var cropWidth = width;
        var cropHeight = (int)Math.Round((double)width * aspectHeight / aspectWidth);
        if (cropHeight > height)
        {
            cropHeight = height;
            cropWidth = Math.Min(width, (int)Math.Round((double)height * aspectWidth / aspectHeight));
        }
        cropWidth = Math.Max(1, cropWidth);
        cropHeight = Math.Max(1, cropHeight);
        var left = (int)Math.Round(width * focalPoint.X / 100.0 - cropWidth / 2.0);
        var top = (int)Math.Round(height * focalPoint.Y / 100.0 - cropHeight / 2.0);
        return new CropArea(Math.Clamp(left, 0, width - cropWidth), Math.Clamp(top, 0, height - cropHeight), cropWidth, cropHeight);
    }
}
