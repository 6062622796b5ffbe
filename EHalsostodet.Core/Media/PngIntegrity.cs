using System.Buffers.Binary;
using System.IO.Compression;

namespace EHalsostodet.Core.Media;

/// <summary>
/// Whether a PNG that passed the size check is whole: every chunk inside the file with a correct
/// CRC, IHDR first with valid values, PLTE before the image data when the palette needs it, the
/// image data (IDAT) in one run that inflates to exactly the rows the header promises, each row
/// with a known filter, and IEND last. A file with a valid signature and broken chunks is refused
/// before it is stored or handed to libvips. The size limits are checked first, so inflating is bounded.
/// </summary>
public static class PngIntegrity
{
    public const string Damaged = "PNG-bilden är skadad och kan inte visas. Spara den på nytt i ett bildprogram och försök igen.";

    private static readonly uint[] CrcTable = MakeCrcTable();

    /// <summary>Adam7's passes: x start, y start, x step, y step.</summary>
    private static readonly (int X, int Y, int DX, int DY)[] Adam7 =
        [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)];

    public static bool IsIntact(ReadOnlySpan<byte> data)
    {
        if (data.Length < 8 || !data[..8].SequenceEqual(ImageSniffer.PngSignature))
        {
            return false;
        }
        var position = 8;
        var header = default(Header?);
        var sawPalette = false;
        var idatRunEnded = false;
        using var imageData = new MemoryStream();
        while (position + 12 <= data.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(data[position..]);
            if (length > int.MaxValue || position + 12L + length > data.Length)
            {
                return false;
            }
            var typeAndData = data.Slice(position + 4, 4 + (int)length);
            var type = typeAndData[..4];
            var body = typeAndData[4..];
            if (!IsChunkType(type) || BinaryPrimitives.ReadUInt32BigEndian(data[(position + 8 + (int)length)..]) != Crc(typeAndData))
            {
                return false;
            }
            position += 12 + (int)length;
            if (header is null)
            {
                if (!type.SequenceEqual("IHDR"u8) || (header = ReadHeader(body)) is null)
                {
                    return false;
                }
                continue;
            }
            if (type.SequenceEqual("IDAT"u8))
            {
                if (idatRunEnded || (header.Value.ColorType == 3 && !sawPalette))
                {
                    return false;
                }
                imageData.Write(body);
            }
            else
            {
                idatRunEnded |= imageData.Length > 0;
                if (type.SequenceEqual("IEND"u8))
                {
                    return length == 0 && imageData.Length > 0 && position == data.Length && Inflates(imageData, header.Value);
                }
                if (type.SequenceEqual("PLTE"u8))
                {
                    sawPalette = length > 0 && length % 3 == 0 && length <= 768 && imageData.Length == 0;
                    if (!sawPalette)
                    {
                        return false;
                    }
                }
                else if (type.SequenceEqual("IHDR"u8) || (type[0] & 0x20) == 0)
                {
                    // A second header, or a critical chunk no decoder knows.
                    return false;
                }
            }
        }
        return false;
    }

    private readonly record struct Header(int Width, int Height, int BitsPerPixel, byte ColorType, bool Interlaced);

    private static Header? ReadHeader(ReadOnlySpan<byte> body)
    {
        if (body.Length != 13)
        {
            return null;
        }
        var width = BinaryPrimitives.ReadUInt32BigEndian(body);
        var height = BinaryPrimitives.ReadUInt32BigEndian(body[4..]);
        var (depth, colorType, compression, filter, interlace) = (body[8], body[9], body[10], body[11], body[12]);
        int? channels = colorType switch
        {
            0 when depth is 1 or 2 or 4 or 8 or 16 => 1,
            2 when depth is 8 or 16 => 3,
            3 when depth is 1 or 2 or 4 or 8 => 1,
            4 when depth is 8 or 16 => 2,
            6 when depth is 8 or 16 => 4,
            _ => null,
        };
        if (width == 0 || height == 0 || width > int.MaxValue || height > int.MaxValue || channels is null || compression != 0 || filter != 0 || interlace > 1)
        {
            return null;
        }
        return new Header((int)width, (int)height, depth * channels.Value, colorType, interlace == 1);
    }

    /// <summary>The image data inflates to exactly the promised rows, each starting with filter 0–4.</summary>
    private static bool Inflates(MemoryStream imageData, Header header)
    {
        var passes = header.Interlaced
            ? Adam7.Select(p => (Width: (header.Width - p.X + p.DX - 1) / p.DX, Height: (header.Height - p.Y + p.DY - 1) / p.DY))
                .Where(p => p.Width > 0 && p.Height > 0).ToList()
            : [(header.Width, header.Height)];
        var rows = passes.Select(p => (RowBytes: 1 + (p.Width * (long)header.BitsPerPixel + 7) / 8, Count: (long)p.Height)).ToList();
        var expected = rows.Sum(r => r.RowBytes * r.Count);

        imageData.Position = 0;
        var pass = 0;
        var rowsLeft = rows[0].Count;
        var offsetInRow = 0L;
        long total = 0;
        var buffer = new byte[64 * 1024];
        try
        {
            using var zlib = new ZLibStream(imageData, CompressionMode.Decompress, leaveOpen: true);
            int read;
            while (total < expected && (read = zlib.Read(buffer, 0, (int)Math.Min(buffer.Length, expected - total))) > 0)
            {
                for (var i = 0; i < read; i++)
                {
                    if (offsetInRow == 0 && buffer[i] > 4)
                    {
                        return false;
                    }
                    if (++offsetInRow == rows[pass].RowBytes)
                    {
                        offsetInRow = 0;
                        if (--rowsLeft == 0 && ++pass < rows.Count)
                        {
                            rowsLeft = rows[pass].Count;
                        }
                    }
                }
                total += read;
            }
        }
        catch (InvalidDataException)
        {
            return false;
        }
        return total == expected;
    }

    private static bool IsChunkType(ReadOnlySpan<byte> type)
    {
        foreach (var b in type)
        {
            if (b is not (>= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z'))
            {
                return false;
            }
        }
        return true;
    }

    private static uint Crc(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }
        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] MakeCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }
            table[n] = c;
        }
        return table;
    }
}
