using System.Buffers.Binary;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Core.Media;

/// <summary>What the file's own headers say it is.</summary>
public sealed record ImageHeader(ImageFormat Format, int Width, int Height);

/// <summary>
/// Decides an upload's type from its magic bytes and reads its size from the headers, without
/// decoding any pixels, so oversized images are refused before anything expensive happens.
/// </summary>
public sealed class ImageSniffer(IOptions<MediaOptions> options)
{
    public const string NotAnImage = "Filen är inte en JPEG-, PNG- eller WebP-bild.";
    public const string Unreadable = "Bildens storlek gick inte att läsa. Filen verkar vara skadad.";

    /// <summary>The header, or the Swedish reason the file is refused.</summary>
    public (ImageHeader? Header, string? Error) Inspect(ReadOnlySpan<byte> data)
    {
        var limits = options.Value;
        if (data.Length > limits.MaxBytes)
        {
            return (null, TooManyBytes(data.Length, limits.MaxBytes));
        }
        var format = FormatOf(data);
        if (format is null)
        {
            return (null, NotAnImage);
        }
        var size = format switch
        {
            ImageFormat.Jpeg => JpegSize(data),
            ImageFormat.Png => PngSize(data),
            _ => WebPSize(data),
        };
        if (size is not { } dimensions || dimensions.Width <= 0 || dimensions.Height <= 0)
        {
            return (null, Unreadable);
        }
        var (width, height) = dimensions;
        if (TooLarge(width, height, limits) is { } tooLarge)
        {
            return (null, tooLarge);
        }
        return (new ImageHeader(format.Value, width, height), null);
    }

    /// <summary>The Swedish refusal when an image of this size is over the limits, else null.</summary>
    public static string? TooLarge(int width, int height, MediaOptions limits) =>
        width > limits.MaxSide || height > limits.MaxSide || (long)width * height > limits.MaxPixels
            ? $"Bilden är {width} × {height} pixlar, vilket är för stort. Högst {limits.MaxPixels / 1_000_000.0:0.#} megapixlar och {limits.MaxSide} pixlar per sida är tillåtet. Förminska bilden och försök igen."
            : null;

    public static string TooManyBytes(long actual, long max) =>
        $"Filen är för stor ({actual / 1024.0 / 1024.0:0.#} MB). Högst {max / 1024.0 / 1024.0:0.#} MB är tillåtet.";

    public static ImageFormat? FormatOf(ReadOnlySpan<byte> data)
    {
        if (data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
        {
            return ImageFormat.Jpeg;
        }
        if (data.Length >= 8 && data[..8].SequenceEqual(PngSignature))
        {
            return ImageFormat.Png;
        }
        if (data.Length >= 12 && data[..4].SequenceEqual("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8))
        {
            return ImageFormat.WebP;
        }
        return null;
    }

    internal static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static (int Width, int Height)? JpegSize(ReadOnlySpan<byte> data)
    {
        var position = 2;
        while (position + 4 <= data.Length)
        {
            if (data[position] != 0xFF)
            {
                return null;
            }
            var marker = data[position + 1];
            if (marker == 0xFF)
            {
                position++; // fill byte
                continue;
            }
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                position += 2;
                continue;
            }
            if (marker is 0xD9 or 0xDA)
            {
                return null; // end of image or start of scan before any frame header
            }
            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(position + 2)..]);
            if (length < 2)
            {
                return null;
            }
            var isFrameHeader = marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;
            if (isFrameHeader)
            {
                if (position + 9 > data.Length)
                {
                    return null;
                }
                var height = BinaryPrimitives.ReadUInt16BigEndian(data[(position + 5)..]);
                var width = BinaryPrimitives.ReadUInt16BigEndian(data[(position + 7)..]);
                return (width, height);
            }
            position += 2 + length;
        }
        return null;
    }

    private static (int Width, int Height)? PngSize(ReadOnlySpan<byte> data)
    {
        if (data.Length < 24 || !data[12..16].SequenceEqual("IHDR"u8))
        {
            return null;
        }
        var width = BinaryPrimitives.ReadUInt32BigEndian(data[16..]);
        var height = BinaryPrimitives.ReadUInt32BigEndian(data[20..]);
        return width > int.MaxValue || height > int.MaxValue ? (int.MaxValue, int.MaxValue) : ((int)width, (int)height);
    }

    private static (int Width, int Height)? WebPSize(ReadOnlySpan<byte> data)
    {
        if (data.Length < 30)
        {
            return null;
        }
        var chunk = data[12..16];
        if (chunk.SequenceEqual("VP8X"u8))
        {
            var width = 1 + (data[24] | data[25] << 8 | data[26] << 16);
            var height = 1 + (data[27] | data[28] << 8 | data[29] << 16);
            return (width, height);
        }
        if (chunk.SequenceEqual("VP8L"u8))
        {
            if (data[20] != 0x2F)
            {
                return null;
            }
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(data[21..]);
            return ((int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }
        if (chunk.SequenceEqual("VP8 "u8))
        {
            if (data[23] != 0x9D || data[24] != 0x01 || data[25] != 0x2A)
            {
                return null;
            }
            return (BinaryPrimitives.ReadUInt16LittleEndian(data[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(data[28..]) & 0x3FFF);
        }
        return null;
    }
}
