using EHalsostodet.Core.Media;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Tests.Media;

/// <summary>Type sniffing, header sizes, limits and the focal crop, without the web host.</summary>
[TestClass]
[TestCategory(Infrastructure.TestDatabase.NotUsed)]
public sealed class MediaParsingTests
{
    private static readonly ImageSniffer Sniffer = new(Options.Create(new MediaOptions()));

    [TestMethod]
    public void A_jpeg_is_recognised_with_its_size_from_the_frame_header()
    {
        var (header, error) = Sniffer.Inspect(TestImages.JpegWithGps());
        Assert.IsNull(error);
        Assert.AreEqual(new ImageHeader(ImageFormat.Jpeg, 8, 8), header);
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

    [TestMethod]
    public void A_webp_is_recognised_with_its_size_from_the_vp8x_header()
    {
        Assert.AreEqual(new ImageHeader(ImageFormat.WebP, 300, 200), Sniffer.Inspect(TestImages.WebPWithMetadata(300, 200)).Header);
    }

    [TestMethod]
    public void A_16_by_9_crop_of_a_wide_image_is_full_height_and_follows_the_focal_point_to_the_edge()
    {
        Assert.AreEqual(new CropArea(144, 0, 711, 400), FocalCrop.Area(1000, 400, 16, 9, FocalPoint.Centre));
        Assert.AreEqual(new CropArea(289, 0, 711, 400), FocalCrop.Area(1000, 400, 16, 9, new FocalPoint(90, 10)), "pushed against the right edge");
        Assert.AreEqual(new CropArea(0, 0, 711, 400), FocalCrop.Area(1000, 400, 16, 9, new FocalPoint(0, 100)), "pushed against the left edge");
        Assert.AreEqual(new CropArea(44, 0, 711, 400), FocalCrop.Area(1000, 400, 16, 9, new FocalPoint(40, 50)));
    }

    [TestMethod]
    public void A_16_by_9_crop_of_a_tall_image_is_full_width_and_follows_the_focal_point_vertically()
    {
        Assert.AreEqual(new CropArea(0, 0, 900, 506), FocalCrop.Area(900, 1600, 16, 9, new FocalPoint(50, 0)));
        Assert.AreEqual(new CropArea(0, 547, 900, 506), FocalCrop.Area(900, 1600, 16, 9, FocalPoint.Centre));
        Assert.AreEqual(new CropArea(0, 1094, 900, 506), FocalCrop.Area(900, 1600, 16, 9, new FocalPoint(50, 95)));
        Assert.AreEqual(new CropArea(0, 0, 3, 2), FocalCrop.Area(3, 2, 16, 9, FocalPoint.Centre), "a tiny image keeps at least a pixel");
    }
}
