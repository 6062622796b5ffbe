using System.Buffers.Binary;

namespace EHalsostodet.Core.Media;

/// <summary>
/// Removes EXIF, GPS, XMP, IPTC, comments and text chunks from JPEG, PNG and WebP files by
/// copying only the parts needed to show the image. Pixel data is copied untouched.
/// </summary>
public sealed class MetadataStripper
{
    /// <summary>The file without metadata, or null when its structure cannot be followed.</summary>
    public byte[]? Strip(ImageFormat format, ReadOnlySpan<byte> data) => format switch
    {
        ImageFormat.Jpeg => StripJpeg(data),
        ImageFormat.Png => StripPng(data),
        _ => StripWebP(data),
    };

    private static byte[]? StripJpeg(ReadOnlySpan<byte> data)
    {
        using var output = new MemoryStream(data.Length);
        output.Write(data[..2]);
        var position = 2;
        while (position < data.Length)
        {
            if (position + 2 > data.Length || data[position] != 0xFF)
            {
                return null;
            }
            var marker = data[position + 1];
            if (marker == 0xFF)
            {
                position++;
                continue;
            }
            if (marker == 0xD9)
            {
                output.Write(data.Slice(position, 2));
                return output.ToArray();
            }
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                output.Write(data.Slice(position, 2));
                position += 2;
                continue;
            }
            if (position + 4 > data.Length)
            {
                return null;
            }
            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(position + 2)..]);
            var end = position + 2 + length;
            if (length < 2 || end > data.Length)
            {
                return null;
            }
            var segment = data[position..end];
            if (KeepJpegSegment(marker, segment[4..]))
            {
                output.Write(segment);
            }
            position = end;
            if (marker == 0xDA)
            {
                // Entropy-coded data runs until a marker that is neither a stuffed 0xFF00 nor a restart marker.
                var scanEnd = position;
                while (scanEnd + 1 < data.Length &&
                       !(data[scanEnd] == 0xFF && data[scanEnd + 1] is not 0x00 and not (>= 0xD0 and <= 0xD7) and not 0xFF))
                {
                    scanEnd++;
                }
                if (scanEnd + 1 >= data.Length)
                {
                    return null;
                }
                output.Write(data[position..scanEnd]);
                position = scanEnd;
            }
        }
        return null;
    }

    private static bool KeepJpegSegment(byte marker, ReadOnlySpan<byte> payload)
    {
        if (marker == 0xFE)
        {
            return false; // COM
        }
        if (marker is < 0xE0 or > 0xEF)
        {
            return true; // tables, frame and scan headers
        }
        return marker switch
        {
            0xE0 => payload.StartsWith("JFIF\0"u8) || payload.StartsWith("JFXX\0"u8),
            0xE2 => payload.StartsWith("ICC_PROFILE\0"u8),
            // Adobe's APP14 says how CMYK/YCCK samples are coded; without it those files decode with wrong colours.
            0xEE => payload.StartsWith("Adobe"u8),
            _ => false,
        };
    }

    private static readonly string[] PngMetadataChunks = ["eXIf", "tEXt", "zTXt", "iTXt", "tIME"];

    private static byte[]? StripPng(ReadOnlySpan<byte> data)
    {
        using var output = new MemoryStream(data.Length);
        output.Write(data[..8]);
        var position = 8;
        while (position + 12 <= data.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(data[position..]);
            if (length > int.MaxValue || position + 12 + (long)length > data.Length)
            {
                return null;
            }
            var type = System.Text.Encoding.ASCII.GetString(data.Slice(position + 4, 4));
            var end = position + 12 + (int)length;
            if (!PngMetadataChunks.Contains(type, StringComparer.Ordinal))
            {
                output.Write(data[position..end]);
            }
            position = end;
            if (type == "IEND")
            {
                return output.ToArray();
            }
        }
        return null;
    }

    private const byte WebPExifFlag = 0x08;
    private const byte WebPXmpFlag = 0x04;

    private static byte[]? StripWebP(ReadOnlySpan<byte> data)
    {
        // Bytes after the RIFF container are not part of the image and are dropped.
        var declaredEnd = 8 + (long)BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
        if (declaredEnd < data.Length)
        {
            data = data[..(int)declaredEnd];
        }
        using var output = new MemoryStream(data.Length);
        output.Write(data[..12]);
        var position = 12;
        while (position + 8 <= data.Length)
        {
            var size = BinaryPrimitives.ReadUInt32LittleEndian(data[(position + 4)..]);
            var padded = (long)size + (size & 1);
            if (position + 8 + padded > data.Length)
            {
                // Some writers leave out the last chunk's padding byte.
                if (position + 8 + (long)size != data.Length)
                {
                    return null;
                }
                padded = size;
            }
            var end = position + 8 + (int)padded;
            var type = data.Slice(position, 4);
            if (type.SequenceEqual("EXIF"u8) || type.SequenceEqual("XMP "u8))
            {
                position = end;
                continue;
            }
            var start = (int)output.Position;
            output.Write(data[position..end]);
            if (type.SequenceEqual("VP8X"u8) && size >= 1)
            {
                var buffer = output.GetBuffer();
                buffer[start + 8] = (byte)(buffer[start + 8] & ~(WebPExifFlag | WebPXmpFlag));
            }
            position = end;
        }
        var result = output.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(4), (uint)(result.Length - 8));
        return result;
    }
}
