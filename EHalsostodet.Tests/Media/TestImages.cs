using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace EHalsostodet.Tests.Media;

/// <summary>Images built in code: real enough for the portal's parsers and for libvips.</summary>
internal static class TestImages
{
    /// <summary>An 8 × 8 baseline JPEG written by libvips without metadata.</summary>
    private const string PlainJpegBase64 =
        "/9j/2wBDAAMCAgMCAgMDAwMEAwMEBQgFBQQEBQoHBwYIDAoMDAsKCwsNDhIQDQ4RDgsLEBYQERMUFRUVDA8XGBYUGBIUFRT/wAALCAAIAAgBAREA/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/9oACAEBAAA/APyqr//Z";

    public static byte[] PlainJpeg => Convert.FromBase64String(PlainJpegBase64);

    /// <summary>
    /// The plain JPEG with APP0 JFIF, APP1 Exif (a TIFF IFD whose GPSInfo tag points at a GPS IFD
    /// with latitude "N"), an XMP APP1 and a comment inserted after SOI.
    /// </summary>
    public static byte[] JpegWithGps()
    {
        var plain = PlainJpeg;
        using var output = new MemoryStream();
        output.Write(plain, 0, 2);
        Segment(output, 0xE0, [.. "JFIF\0"u8, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        Segment(output, 0xE1, [.. "Exif\0\0"u8, .. ExifTiffWithGps()]);
        Segment(output, 0xE1, [.. "http://ns.adobe.com/xap/1.0/\0"u8, .. "<x:xmpmeta><exif:GPSLatitude>59,20N</exif:GPSLatitude></x:xmpmeta>"u8]);
        Segment(output, 0xFE, [.. "Taken at home GPS 59.33 18.06"u8]);
        output.Write(plain, 2, plain.Length - 2);
        return output.ToArray();
    }

    private static byte[] ExifTiffWithGps()
    {
        // Big-endian TIFF: header, IFD0 with one entry (0x8825 GPSInfo → offset 26), GPS IFD with GPSLatitudeRef "N".
        var tiff = new byte[44];
        "MM"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(2), 42);
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(4), 8);
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(8), 1);
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(10), 0x8825);
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(12), 4);
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(14), 1);
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(18), 26);
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(22), 0);
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(26), 1);
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(28), 0x0001);
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(30), 2);
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(32), 2);
        tiff[36] = (byte)'N';
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(40), 0);
        return tiff;
    }

    private static void Segment(Stream output, byte marker, byte[] payload)
    {
        output.WriteByte(0xFF);
        output.WriteByte(marker);
        output.WriteByte((byte)((payload.Length + 2) >> 8));
        output.WriteByte((byte)((payload.Length + 2) & 0xFF));
        output.Write(payload);
    }

    /// <summary>A real grey RGB PNG, with a tEXt and an eXIf chunk when asked.</summary>
    public static byte[] Png(int width, int height, bool withMetadata = false)
    {
        using var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), (uint)height);
        header[8] = 8;
        header[9] = 2;
        Chunk(output, "IHDR", header);
        if (withMetadata)
        {
            Chunk(output, "tEXt", [.. "Comment\0GPS 59.33 18.06"u8]);
            Chunk(output, "eXIf", [.. "MM\0*"u8, 0, 0, 0, 8]);
        }
        using (var pixels = new MemoryStream())
        {
            using (var zlib = new ZLibStream(pixels, CompressionLevel.Fastest, leaveOpen: true))
            {
                var row = new byte[1 + width * 3];
                for (var x = 1; x < row.Length; x++)
                {
                    row[x] = (byte)(x % 251);
                }
                for (var y = 0; y < height; y++)
                {
                    zlib.Write(row);
                }
            }
            Chunk(output, "IDAT", pixels.ToArray());
        }
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    /// <summary>Only a PNG signature and an IHDR claiming the given size: a decompression bomb's header.</summary>
    public static byte[] PngHeaderOnly(int width, int height)
    {
        using var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), (uint)height);
        header[8] = 8;
        header[9] = 2;
        Chunk(output, "IHDR", header);
        Chunk(output, "IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    /// <summary>A WebP container with VP8X (EXIF and XMP flags set), a lossless bitstream header and EXIF/XMP chunks.</summary>
    public static byte[] WebPWithMetadata(int width, int height)
    {
        using var body = new MemoryStream();
        var vp8x = new byte[10];
        vp8x[0] = 0x08 | 0x04;
        WriteUInt24(vp8x.AsSpan(4), width - 1);
        WriteUInt24(vp8x.AsSpan(7), height - 1);
        RiffChunk(body, "VP8X", vp8x);
        var vp8l = new byte[5];
        vp8l[0] = 0x2F;
        BinaryPrimitives.WriteUInt32LittleEndian(vp8l.AsSpan(1), (uint)((width - 1) | (height - 1) << 14));
        RiffChunk(body, "VP8L", vp8l);
        RiffChunk(body, "EXIF", [.. "MM\0*GPS"u8]);
        RiffChunk(body, "XMP ", [.. "<x:xmpmeta/>"u8]);
        using var output = new MemoryStream();
        output.Write("RIFF"u8);
        var size = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)(4 + body.Length));
        output.Write(size);
        output.Write("WEBP"u8);
        body.Position = 0;
        body.CopyTo(output);
        return output.ToArray();
    }

    private static void WriteUInt24(Span<byte> target, int value)
    {
        target[0] = (byte)value;
        target[1] = (byte)(value >> 8);
        target[2] = (byte)(value >> 16);
    }

    private static void RiffChunk(Stream output, string type, byte[] data)
    {
        output.Write(Encoding.ASCII.GetBytes(type));
        var size = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)data.Length);
        output.Write(size);
        output.Write(data);
        if (data.Length % 2 == 1)
        {
            output.WriteByte(0);
        }
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)data.Length);
        output.Write(length);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        output.Write(typeAndData);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typeAndData));
        output.Write(crc);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }
        return crc ^ 0xFFFFFFFFu;
    }

    public static bool Contains(byte[] data, string text) =>
        data.AsSpan().IndexOf(Encoding.ASCII.GetBytes(text)) >= 0;
}
