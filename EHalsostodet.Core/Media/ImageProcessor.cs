using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetVips;

namespace EHalsostodet.Core.Media;

/// <summary>A WebP rendition of an image at one width.</summary>
public sealed record ImageVariant(int Width, byte[] Data);

/// <summary>
/// An upload as it is kept: the original turned upright, in sRGB, without any metadata and no
/// larger than <see cref="MediaOptions.MaxOriginalSide"/>, with its width and height as kept, its
/// WebP variants and its 16:9 card crops.
/// </summary>
public sealed record ProcessedImage(byte[] Original, int Width, int Height, IReadOnlyList<ImageVariant> Variants, IReadOnlyList<ImageVariant> Cards);

/// <summary>
/// Decodes uploads with libvips in this process and makes what is stored from them. An upload is
/// decoded once, by the loader of the format its bytes announced, failing on any decoding error,
/// and only after libvips has read the same size from the header as the sniffer did.
/// </summary>
public sealed class ImageProcessor(IOptions<MediaOptions> options, ILogger<ImageProcessor> logger) : IDisposable
{
    public const string Damaged = "Bilden är skadad eller ofullständig och kan inte visas. Spara den på nytt i ett bildprogram och ladda upp den igen.";
    public const string Unavailable = "Bildbehandlingen (libvips) fungerar inte på servern just nu, så bilden kan inte tas emot. Kontakta den som sköter driften.";

    private const int CardAspectWidth = 16;
    private const int CardAspectHeight = 9;

    /// <summary>libvips' largest coordinate: a thumbnail's width alone decides its size (without a height it would fit a square).</summary>
    private const int UnlimitedHeight = 10_000_000;

    /// <summary>libwebp's method 2 encodes a variant about 2.5 times faster than its default 4, for files about 2 % larger.</summary>
    private const int VariantEffort = 2;

    /// <summary>The IEND chunk that ends every whole PNG: length 0, type, CRC.</summary>
    private static ReadOnlySpan<byte> PngEnd => [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82];

    private readonly SemaphoreSlim gate = new(Math.Max(1, options.Value.MaxConcurrentProcessing));

    /// <summary>What to store for an upload whose header the sniffer accepted, or the Swedish reason it is refused.</summary>
    public async Task<(ProcessedImage? Image, string? Error)> ProcessAsync(ImageFormat format, byte[] data, FocalPoint focalPoint, CancellationToken cancellationToken)
    {
        if (!Libvips.IsAvailable)
        {
            return (null, Unavailable);
        }
        await gate.WaitAsync(cancellationToken);
        try
        {
            return Process(format, data, focalPoint);
        }
        catch (VipsException e)
        {
            logger.LogInformation("libvips kunde inte läsa en uppladdad bild ({Format}): {Message}", format, e.Message);
            return (null, Damaged);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The card crops of a stored original (already upright and in sRGB) around a new focal point, or the Swedish reason there are none.</summary>
    public async Task<(IReadOnlyList<ImageVariant>? Cards, string? Error)> CardsAsync(byte[] storedOriginal, FocalPoint focalPoint, CancellationToken cancellationToken)
    {
        if (!Libvips.IsAvailable)
        {
            return (null, Unavailable);
        }
        await gate.WaitAsync(cancellationToken);
        try
        {
            using var image = Image.NewFromBuffer(storedOriginal, access: Enums.Access.Sequential, failOn: Enums.FailOn.Error);
            using var working = WorkingCopy(image, image.Width);
            return (Cards(working, focalPoint), null);
        }
        catch (VipsException e)
        {
            logger.LogWarning("libvips kunde inte läsa en lagrad bild: {Message}", e.Message);
            return (null, Damaged);
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    private (ProcessedImage? Image, string? Error) Process(ImageFormat format, byte[] data, FocalPoint focalPoint)
    {
        // Only the header is read here; the pixels are decoded once, by CopyMemory below.
        using var header = Load(format, data, 1);
        if (ImageSniffer.TooLarge(header.Width, header.Height, options.Value) is { } tooLarge)
        {
            return (null, tooLarge);
        }
        if (format == ImageFormat.Png && data.AsSpan().IndexOf(PngEnd) < 0)
        {
            // libvips stops reading after the last row, so a file cut off just after its image data would pass.
            return (null, Damaged);
        }
        var maxSide = Math.Max(1, options.Value.MaxOriginalSide);
        var reduction = Math.Max(header.Width, header.Height) / (double)maxSide;
        using var loaded = reduction > 1 && format != ImageFormat.Png ? Load(format, data, reduction) : header.Copy();
        using var srgb = ToSrgb(loaded);
        using var decoded = srgb.CopyMemory();
        using var capped = Math.Max(decoded.Width, decoded.Height) > maxSide
            ? decoded.ThumbnailImage(maxSide, height: maxSide, noRotate: true).CopyMemory()
            : decoded.Copy();
        using var upright = capped.Autorot();
        var original = format switch
        {
            ImageFormat.Jpeg => upright.JpegsaveBuffer(q: 85, keep: Enums.ForeignKeep.None),
            ImageFormat.Png => upright.PngsaveBuffer(compression: 6, keep: Enums.ForeignKeep.None),
            _ => upright.WebpsaveBuffer(q: 85, effort: 0, keep: Enums.ForeignKeep.None),
        };
        using var working = WorkingCopy(capped, upright.Width);
        var variants = options.Value.VariantWidths.Where(w => w > 0 && w < upright.Width).Order()
            .Select(width => new ImageVariant(width, Webp(working, width)))
            .ToList();
        return (new ProcessedImage(original, upright.Width, upright.Height, variants, Cards(working, focalPoint)), null);
    }

    /// <summary>
    /// Opens an upload with the loader of its format, for an image about <paramref name="reduction"/>
    /// times smaller than stored (never smaller than that): JPEG decodes at 1/2, 1/4 or 1/8 scale
    /// (sparing most of the decoding) and WebP at any scale (sparing its colour conversion), and
    /// neither re-encodes pixels the capped original would throw away. PNG has no such shortcut.
    /// </summary>
    private static Image Load(ImageFormat format, byte[] data, double reduction) => format switch
    {
        ImageFormat.Jpeg => Image.JpegloadBuffer(data, shrink: JpegShrink(reduction), access: Enums.Access.Sequential, failOn: Enums.FailOn.Error),
        ImageFormat.Png => Image.PngloadBuffer(data, access: Enums.Access.Sequential, failOn: Enums.FailOn.Error),
        _ => reduction > 1
            ? Image.WebploadBuffer(data, scale: 1 / reduction, access: Enums.Access.Sequential, failOn: Enums.FailOn.Error)
            : Image.WebploadBuffer(data, access: Enums.Access.Sequential, failOn: Enums.FailOn.Error),
    };

    /// <summary>The largest shrink-on-load factor libjpeg offers that still leaves at least the capped size.</summary>
    private static int JpegShrink(double reduction) => reduction >= 8 ? 8 : reduction >= 4 ? 4 : reduction >= 2 ? 2 : 1;

    /// <summary>
    /// The image turned upright and shrunk once, in memory, to the widest variant or crop it
    /// needs, so that every variant and crop is made from that rather than from all the
    /// original's pixels (and the turning is done on the small image).
    /// </summary>
    private Image WorkingCopy(Image decoded, int uprightWidth)
    {
        var widest = options.Value.VariantWidths.Concat(options.Value.CardWidths).DefaultIfEmpty(uprightWidth).Max();
        if (widest >= uprightWidth)
        {
            using var upright = decoded.Autorot();
            return upright.CopyMemory();
        }
        using var shrunk = decoded.ThumbnailImage(widest, height: UnlimitedHeight);
        return shrunk.CopyMemory();
    }

    private List<ImageVariant> Cards(Image working, FocalPoint focalPoint)
    {
        var area = FocalCrop.Area(working.Width, working.Height, CardAspectWidth, CardAspectHeight, focalPoint);
        using var crop = working.ExtractArea(area.Left, area.Top, area.Width, area.Height);
        var widths = options.Value.CardWidths.Where(w => w > 0 && w <= area.Width).Order().ToList();
        if (widths.Count == 0)
        {
            widths.Add(area.Width);
        }
        return widths.Select(width => new ImageVariant(width, Webp(crop, width))).ToList();
    }

    private static byte[] Webp(Image image, int width)
    {
        if (width == image.Width)
        {
            return image.WebpsaveBuffer(q: 80, effort: VariantEffort, keep: Enums.ForeignKeep.None);
        }
        using var resized = image.ThumbnailImage(width, height: UnlimitedHeight, noRotate: true);
        return resized.WebpsaveBuffer(q: 80, effort: VariantEffort, keep: Enums.ForeignKeep.None);
    }

    /// <summary>
    /// The image in 8-bit sRGB (or grey), so that it shows the same colours once its ICC profile is
    /// dropped with the rest of the metadata; CMYK without a profile gets libvips' own.
    /// </summary>
    private static Image ToSrgb(Image image)
    {
        if (image.Interpretation == Enums.Interpretation.Cmyk || image.Contains("icc-profile-data"))
        {
            var inputProfile = image.Interpretation == Enums.Interpretation.Cmyk ? "cmyk" : "srgb";
            return image.IccTransform("srgb", embedded: true, inputProfile: inputProfile, intent: Enums.Intent.Perceptual);
        }
        return image.Interpretation switch
        {
            Enums.Interpretation.Srgb or Enums.Interpretation.Bw when image.Format == Enums.BandFormat.Uchar => image.Copy(),
            Enums.Interpretation.Grey16 or Enums.Interpretation.Bw => image.Colourspace(Enums.Interpretation.Bw),
            _ => image.Colourspace(Enums.Interpretation.Srgb),
        };
    }
}
