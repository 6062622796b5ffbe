using NetVips;

namespace EHalsostodet.Benchmarks.Media;

/// <summary>One generated image to upload: its format, pixel size and bytes.</summary>
public sealed record BenchmarkImage(string Format, int Width, int Height, byte[] Data)
{
    public double Megapixels => (double)Width * Height / 1_000_000;
}

/// <summary>
/// Makes the benchmark's images with libvips: a photo-like JPEG (a gradient with grain, taken by a
/// phone held upright, so it carries an EXIF orientation), the same as a lossy WebP, and a
/// diagram-like PNG (flat colour bands, which compress as screenshots and charts do).
/// </summary>
public static class BenchmarkImages
{
    /// <summary>The largest 3:2 size of about <paramref name="megapixels"/> within the pixel and side limits.</summary>
    public static (int Width, int Height) SizeFor(double megapixels, long maxPixels, int maxSide)
    {
        var pixels = Math.Min(megapixels * 1_000_000, maxPixels);
        var width = Math.Min((int)Math.Sqrt(pixels * 1.5), maxSide);
        var height = Math.Min((int)(pixels / width), maxSide);
        return (width, height);
    }

    public static IEnumerable<BenchmarkImage> Make(int width, int height)
    {
        using (var photo = Photo(width, height))
        using (var upright = photo.Mutate(m => m.Set(GValue.GIntType, "orientation", 6)))
        {
            yield return new BenchmarkImage("JPEG", width, height, upright.JpegsaveBuffer(q: 85));
            yield return new BenchmarkImage("WebP", width, height, photo.WebpsaveBuffer(q: 80, effort: 2));
        }
        using var diagram = Diagram(width, height);
        yield return new BenchmarkImage("PNG", width, height, diagram.PngsaveBuffer(compression: 6));
    }

    private static Image Photo(int width, int height)
    {
        using var xy = Image.Xyz(width, height);
        using var x = xy[0];
        using var y = xy[1];
        using var red = x * (200.0 / width) + 30;
        using var green = y * (180.0 / height) + 40;
        using var blue = (x + y) * (120.0 / (width + height)) + 90;
        using var rgb = red.Bandjoin(green, blue);
        using var grain = Image.Gaussnoise(width, height, mean: 0, sigma: 10);
        using var grainy = rgb + grain;
        using var bytes = grainy.Cast(Enums.BandFormat.Uchar);
        return bytes.Copy(interpretation: Enums.Interpretation.Srgb).CopyMemory();
    }

    private static Image Diagram(int width, int height)
    {
        using var xy = Image.Xyz(width, height);
        using var x = xy[0];
        using var y = xy[1];
        using var bandsX = (x / Math.Max(1, width / 12)).Cast(Enums.BandFormat.Uchar) * 20;
        using var bandsY = (y / Math.Max(1, height / 8)).Cast(Enums.BandFormat.Uchar) * 30;
        using var rgb = bandsX.Bandjoin(bandsY, bandsX + bandsY);
        using var bytes = rgb.Cast(Enums.BandFormat.Uchar);
        return bytes.Copy(interpretation: Enums.Interpretation.Srgb).CopyMemory();
    }
}
