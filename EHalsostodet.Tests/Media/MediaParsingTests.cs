using EHalsostodet.Core.Media;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Tests.Media;

/// <summary>Type sniffing, header sizes, limits and metadata stripping, without the web host.</summary>
[TestClass]
public sealed class MediaParsingTests
{
    private static readonly ImageSniffer Sniffer = new(Options.Create(new MediaOptions()));
    private static readonly MetadataStripper Stripper = new();

    [TestMethod]
    public void A_jpeg_is_recognised_with_its_size_from_the_frame_header()
    {
        var (header, error) = Sniffer.Inspect(TestImages.JpegWithGps());
        Assert.IsNull(error);
        Assert.AreEqual(new ImageHeader(ImageFormat.Jpeg, 8, 8), header);
    }

    [TestMethod]
    public void Exif_gps_xmp_and_comments_are_stripped_from_a_jpeg_and_the_image_remains()
    {
        var original = TestImages.JpegWithGps();
        Assert.IsTrue(TestImages.Contains(original, "Exif"));
        var stripped = Stripper.Strip(ImageFormat.Jpeg, original)!;
        Assert.IsFalse(TestImages.Contains(stripped, "Exif"));
        Assert.IsFalse(TestImages.Contains(stripped, "GPS"));
        Assert.IsFalse(TestImages.Contains(stripped, "xmpmeta"));
        Assert.IsTrue(TestImages.Contains(stripped, "JFIF"), "APP0 JFIF stays");
        CollectionAssert.AreEqual(new byte[] { 0xFF, 0xD8 }, stripped[..2]);
        CollectionAssert.AreEqual(new byte[] { 0xFF, 0xD9 }, stripped[^2..]);
        Assert.AreEqual(new ImageHeader(ImageFormat.Jpeg, 8, 8), Sniffer.Inspect(stripped).Header);
        CollectionAssert.AreEqual(TestImages.PlainJpeg[^40..], stripped[^40..], "the scan data is copied untouched");
    }

    [TestMethod]
    public void Text_and_exif_chunks_are_stripped_from_a_png()
    {
        var stripped = Stripper.Strip(ImageFormat.Png, TestImages.Png(4, 3, withMetadata: true))!;
        Assert.IsFalse(TestImages.Contains(stripped, "tEXt"));
        Assert.IsFalse(TestImages.Contains(stripped, "eXIf"));
        Assert.IsFalse(TestImages.Contains(stripped, "GPS"));
        CollectionAssert.AreEqual(TestImages.Png(4, 3), stripped);
    }

    [TestMethod]
    public void Exif_and_xmp_chunks_and_their_flags_are_stripped_from_a_webp()
    {
        var original = TestImages.WebPWithMetadata(300, 200);
        Assert.AreEqual(new ImageHeader(ImageFormat.WebP, 300, 200), Sniffer.Inspect(original).Header);
        var stripped = Stripper.Strip(ImageFormat.WebP, original)!;
        Assert.IsFalse(TestImages.Contains(stripped, "EXIF"));
        Assert.IsFalse(TestImages.Contains(stripped, "XMP "));
        Assert.AreEqual(0, stripped[20] & 0x0C, "VP8X no longer announces EXIF or XMP");
        Assert.AreEqual((uint)(stripped.Length - 8), BitConverter.ToUInt32(stripped, 4), "RIFF size");
        Assert.AreEqual(new ImageHeader(ImageFormat.WebP, 300, 200), Sniffer.Inspect(stripped).Header);
    }

    [TestMethod]
    public void Bytes_after_the_end_of_the_image_are_dropped()
    {
        byte[] trailer = [.. "<script>alert(1)</script>"u8];
        var jpeg = Stripper.Strip(ImageFormat.Jpeg, [.. TestImages.PlainJpeg, .. trailer])!;
        var png = Stripper.Strip(ImageFormat.Png, [.. TestImages.Png(2, 2), .. trailer])!;
        var webp = Stripper.Strip(ImageFormat.WebP, [.. TestImages.WebPWithMetadata(2, 2), .. trailer])!;
        Assert.IsFalse(TestImages.Contains(jpeg, "script"));
        Assert.IsFalse(TestImages.Contains(png, "script"));
        Assert.IsFalse(TestImages.Contains(webp, "script"));
    }

    [TestMethod]
    public void The_type_comes_from_the_bytes_and_anything_else_is_refused()
    {
        Assert.AreEqual(ImageFormat.Png, Sniffer.Inspect(TestImages.Png(2, 2)).Header!.Format);
        Assert.AreEqual(ImageSniffer.NotAnImage, Sniffer.Inspect("<svg onload=alert(1)>"u8).Error);
        Assert.AreEqual(ImageSniffer.NotAnImage, Sniffer.Inspect("GIF89a"u8).Error);
    }

    [TestMethod]
    public void A_decompression_bomb_is_refused_from_its_header()
    {
        var (header, error) = Sniffer.Inspect(TestImages.PngHeaderOnly(30_000, 30_000));
        Assert.IsNull(header);
        StringAssert.Contains(error, "30000 × 30000 pixlar");
        StringAssert.Contains(Sniffer.Inspect(TestImages.PngHeaderOnly(13_000, 10)).Error, "per sida");
    }

    [TestMethod]
    public void Too_many_bytes_are_refused_before_anything_else()
    {
        var small = new ImageSniffer(Options.Create(new MediaOptions { MaxBytes = 100 }));
        StringAssert.StartsWith(small.Inspect(TestImages.JpegWithGps()).Error, "Filen är för stor");
    }

    [TestMethod]
    public void Uploaded_names_are_kept_for_display_only_and_made_harmless()
    {
        Assert.AreEqual("passwd", MediaFileNames.Sanitise("../../etc/passwd", ImageFormat.Png));
        Assert.AreEqual("_script_.png", MediaFileNames.Sanitise("<script>.png", ImageFormat.Png));
        Assert.AreEqual("bild.jpg", MediaFileNames.Sanitise("", ImageFormat.Jpeg));
        Assert.AreEqual("Bild på äldreboende.jpg", MediaFileNames.Sanitise("C:\\Users\\x\\Bild på äldreboende.jpg", ImageFormat.Jpeg));
    }
}
