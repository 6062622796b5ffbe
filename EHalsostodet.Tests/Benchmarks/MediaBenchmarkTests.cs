using System.Globalization;
using EHalsostodet.Benchmarks;
using EHalsostodet.Benchmarks.Media;

namespace EHalsostodet.Tests.Benchmarks;

/// <summary>The media benchmark on one small size: it uploads real images of each format through the library. Nothing here is timed.</summary>
[TestClass]
[TestCategory(Infrastructure.TestDatabase.NotUsed)]
public sealed class MediaBenchmarkTests
{
    [TestMethod]
    public async Task A_small_run_uploads_a_jpeg_a_webp_and_a_png_and_reports_their_variants()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var status = await BenchmarkCommand.RunAsync([new MediaBenchmark()], ["media", "--megapixels", "1", "--runs", "1"], output, error, CancellationToken.None);

        Assert.AreEqual(0, status, error.ToString());
        StringAssert.Contains(output.ToString(), "Median ms");
        var lines = output.ToString().Split('\n');
        foreach (var format in new[] { "JPEG", "WebP", "PNG" })
        {
            var row = lines.SingleOrDefault(l => l.StartsWith(format + " ", StringComparison.Ordinal));
            Assert.IsNotNull(row, format);
            var cells = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.AreEqual("1224×816", cells[1], format);
            Assert.IsGreaterThan(0, double.Parse(cells[5], CultureInfo.InvariantCulture), format);
            Assert.AreEqual(format == "JPEG" ? "480" : "480,960", cells[^1], $"{format}: stored, with variants below its upright width (the JPEG is a portrait photo turned by its EXIF orientation)");
        }
    }

    [TestMethod]
    public void The_largest_size_stays_within_the_pixel_and_side_limits()
    {
        var (width, height) = BenchmarkImages.SizeFor(1000, 40_000_000, 12_000);
        Assert.IsLessThanOrEqualTo(40_000_000L, (long)width * height);
        Assert.IsGreaterThan(39_900_000L, (long)width * height);
        Assert.AreEqual((6000, 6000), BenchmarkImages.SizeFor(1000, 40_000_000, 6000), "no side longer than the limit");
    }
}
