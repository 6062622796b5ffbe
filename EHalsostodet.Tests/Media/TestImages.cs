using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using EHalsostodet.Core.Media;
using NetVips;

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

    /// <summary>
    /// A phone photo as the camera stores it: <paramref name="storedWidth"/> × <paramref name="storedHeight"/>
    /// pixels of blue with a red block in the stored top-left corner, and an APP1 Exif whose
    /// orientation 6 says "turn 90° clockwise to show" (so upright the block is top right), with
    /// GPS; an XMP packet, a comment and an ICC profile as well.
    /// </summary>
    public static byte[] SidewaysPhoneJpeg(int storedWidth, int storedHeight)
    {
        using var blue = Image.Black(storedWidth, storedHeight).NewFromImage(30, 60, 200);
        using var pattern = blue.Mutate(m => m.DrawRect([220, 20, 20], 0, 0, storedWidth / 4, storedHeight / 4, fill: true));
        using var srgb = pattern.Copy(interpretation: Enums.Interpretation.Srgb);
        var withProfile = srgb.JpegsaveBuffer(q: 95, profile: "srgb", keep: Enums.ForeignKeep.Icc);
        using var output = new MemoryStream();
        output.Write(withProfile, 0, 2);
        Segment(output, 0xE1, [.. "Exif\0\0"u8, .. ExifTiffWithGps(orientation: 6)]);
        Segment(output, 0xE1, [.. "http://ns.adobe.com/xap/1.0/\0"u8, .. "<x:xmpmeta><exif:GPSLatitude>59,20N</exif:GPSLatitude></x:xmpmeta>"u8]);
        Segment(output, 0xFE, [.. "Taken at home GPS 59.33 18.06"u8]);
        output.Write(withProfile, 2, withProfile.Length - 2);
        return output.ToArray();
    }

    /// <summary>
    /// A <paramref name="width"/> × <paramref name="height"/> image, blue, with a red square
    /// <paramref name="side"/> pixels wide centred at (<paramref name="centreX"/>, <paramref name="centreY"/>).
    /// </summary>
    public static byte[] BlueWithRedSquare(ImageFormat format, int width, int height, int centreX, int centreY, int side)
    {
        using var blue = Image.Black(width, height).NewFromImage(30, 60, 200);
        using var pattern = blue.Mutate(m => m.DrawRect([220, 20, 20], centreX - side / 2, centreY - side / 2, side, side, fill: true));
        using var srgb = pattern.Copy(interpretation: Enums.Interpretation.Srgb);
        return format switch
        {
            ImageFormat.Jpeg => srgb.JpegsaveBuffer(q: 90),
            ImageFormat.Png => srgb.PngsaveBuffer(),
            _ => srgb.WebpsaveBuffer(q: 90),
        };
    }

    /// <summary>Whether the pixel at the given place (in percent of the width and height) is mostly red.</summary>
    public static bool IsRedAt(byte[] image, double xPercent, double yPercent)
    {
        using var decoded = Image.NewFromBuffer(image);
        var pixel = decoded.Getpoint((int)(decoded.Width * xPercent / 100), (int)(decoded.Height * yPercent / 100));
        return pixel[0] > 150 && pixel[2] < 100;
    }

    /// <summary>Whether any pixel of the image is mostly red.</summary>
    public static bool HasRed(byte[] image)
    {
        using var decoded = Image.NewFromBuffer(image);
        using var red = decoded[0] > 150;
        using var notBlue = decoded[2] < 100;
        using var both = red & notBlue;
        return both.Max() > 0;
    }

    /// <summary>Width and height as libvips reads them, and the metadata fields it finds.</summary>
    public static (int Width, int Height, string[] Metadata) Read(byte[] image)
    {
        using var decoded = Image.NewFromBuffer(image);
        string[] kinds = ["exif-", "xmp-data", "iptc-data", "icc-profile-data", "jpeg-comment", "png-comment-", "orientation"];
        return (decoded.Width, decoded.Height, decoded.GetFields().Where(f => kinds.Any(k => f.StartsWith(k, StringComparison.Ordinal))).ToArray());
    }

    private static byte[] ExifTiffWithGps(ushort? orientation = null)
    {
        var withGps = ExifTiffWithGps();
        if (orientation is not { } value)
        {
            return withGps;
        }
        // The same TIFF with a second IFD0 entry, 0x0112 Orientation, before GPSInfo (entries are sorted by tag).
        var tiff = new byte[withGps.Length + 12];
        withGps.AsSpan(0, 10).CopyTo(tiff);
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(8), 2);
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(10), 0x0112);
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(12), 3);
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(14), 1);
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(18), value);
        withGps.AsSpan(10).CopyTo(tiff.AsSpan(22));
        // The GPS IFD moved 12 bytes on.
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(30), 26 + 12);
        return tiff;
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
