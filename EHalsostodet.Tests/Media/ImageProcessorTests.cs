using EHalsostodet.Core.Media;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NetVips;

namespace EHalsostodet.Tests.Media;

/// <summary>libvips' processing without the web host: colours, metadata in every format, limits libvips reads itself.</summary>
[TestClass]
[TestCategory(Infrastructure.TestDatabase.NotUsed)]
public sealed class ImageProcessorTests
{
    private static readonly ImageProcessor Processor = new(Options.Create(new MediaOptions()), NullLogger<ImageProcessor>.Instance);

    [ClassCleanup]
    public static void Stop() => Processor.Dispose();

    private static async Task<ProcessedImage> ProcessAsync(ImageFormat format, byte[] data)
    {
        var (image, error) = await Processor.ProcessAsync(format, data, FocalPoint.Centre, CancellationToken.None);
        Assert.IsNull(error);
        return image!;
    }

    [TestMethod]
    public async Task A_cmyk_jpeg_is_stored_in_srgb_with_its_colours()
    {
        using var blue = Image.Black(600, 400).NewFromImage(30, 60, 200).Copy(interpretation: Enums.Interpretation.Srgb);
        using var cmyk = blue.IccTransform("cmyk", intent: Enums.Intent.Perceptual);
        var cmykJpeg = cmyk.JpegsaveBuffer(q: 95, keep: Enums.ForeignKeep.None);
        using (var check = Image.NewFromBuffer(cmykJpeg))
        {
            Assert.AreEqual(Enums.Interpretation.Cmyk, check.Interpretation);
        }

        var stored = await ProcessAsync(ImageFormat.Jpeg, cmykJpeg);

        using var decoded = Image.NewFromBuffer(stored.Original);
        Assert.AreEqual(3, decoded.Bands, "three bands: RGB");
        var pixel = decoded.Getpoint(300, 200);
        // CMYK cannot hold this blue exactly, but read as RGB its inks would come out orange.
        Assert.IsTrue(pixel[2] > pixel[0] + 60 && pixel[2] > pixel[1] + 40, $"still blue after CMYK and back: {string.Join(", ", pixel)}");
        Assert.IsEmpty(TestImages.Read(stored.Original).Metadata, "no profile kept: the pixels are sRGB");
    }

    [TestMethod]
    public async Task Exif_and_xmp_in_a_webp_and_text_in_a_png_are_not_kept()
    {
        using var blue = Image.Black(800, 500).NewFromImage(30, 60, 200).Copy(interpretation: Enums.Interpretation.Srgb);
        using var tagged = blue.Mutate(m =>
        {
            m.Set(GValue.BlobType, "xmp-data", "<x:xmpmeta><exif:GPSLatitude>59,20N</exif:GPSLatitude></x:xmpmeta>"u8.ToArray());
            m.Set(GValue.GStrType, "png-comment-0-Comment", "GPS 59.33 18.06");
        });
        var webp = tagged.WebpsaveBuffer(q: 90, keep: Enums.ForeignKeep.All);
        var png = tagged.PngsaveBuffer(keep: Enums.ForeignKeep.All);
        CollectionAssert.IsSubsetOf(new[] { "xmp-data" }, TestImages.Read(webp).Metadata, "the WebP upload carries metadata");
        CollectionAssert.IsSubsetOf(new[] { "xmp-data", "png-comment-1-Comment" }, TestImages.Read(png).Metadata, "the PNG upload carries metadata");

        foreach (var (format, data) in new[] { (ImageFormat.WebP, webp), (ImageFormat.Png, png) })
        {
            var stored = await ProcessAsync(format, data);
            foreach (var file in stored.Variants.Concat(stored.Cards).Select(v => v.Data).Prepend(stored.Original))
            {
                Assert.IsEmpty(TestImages.Read(file).Metadata, format.ToString());
                Assert.IsFalse(TestImages.Contains(file, "xmpmeta") || TestImages.Contains(file, "GPS") || TestImages.Contains(file, "EXIF") || TestImages.Contains(file, "tEXt"), format.ToString());
            }
            Assert.AreEqual((800, 500), (stored.Width, stored.Height));
            CollectionAssert.AreEqual(new[] { 480 }, stored.Variants.Select(v => v.Width).ToArray());
            CollectionAssert.AreEqual(new[] { 480 }, stored.Cards.Select(v => v.Width).ToArray(), "the 16:9 crop is 800 × 450: no 960 px card");
        }
    }

    [TestMethod]
    public async Task Libvips_checks_the_pixel_limit_from_the_header_it_reads_itself()
    {
        var small = new ImageProcessor(Options.Create(new MediaOptions { MaxPixels = 100_000 }), NullLogger<ImageProcessor>.Instance);
        using (small)
        {
            var (image, error) = await small.ProcessAsync(ImageFormat.Png, TestImages.Png(400, 300), FocalPoint.Centre, CancellationToken.None);
            Assert.IsNull(image);
            StringAssert.Contains(error, "400 × 300 pixlar");
        }
    }
}
