using System.Globalization;
using System.Runtime.InteropServices;
using EHalsostodet.Benchmarks.Infrastructure;
using EHalsostodet.Benchmarks.Measurement;
using EHalsostodet.Core.Media;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Benchmarks.Media;

/// <summary>
/// The "media" subcommand: the upload path end to end (sniffing, metadata stripping, storing,
/// variants, the database row) through the portal's own <see cref="MediaLibrary"/>, per generated
/// image of several sizes up to the largest the limits allow.
/// </summary>
public sealed class MediaBenchmark : IBenchmark
{
    private static readonly int[] DefaultMegapixels = [1, 6, 12, 24, 40];

    public string Name => "media";

    public string Description => "Image upload time (sniff, strip, store, variants) for JPEG, WebP and PNG of 1 to 40 megapixels";

    public string Usage => """
        Options:
          --megapixels N   an image size to generate (3:2, capped at Media:MaxPixels and Media:MaxSide);
                           repeat for several (default 1, 6, 12, 24, 40)
          --runs N         timed uploads of each image (1–100, default 3), after one untimed upload of the smallest
        """;

    public async Task RunAsync(CommandLineArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        var sizes = arguments.Numbers("megapixels", 1, 1000, DefaultMegapixels);
        var runs = arguments.Number("runs", 1, 100, 3);
        await output.WriteLineAsync($"{RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        await output.WriteLineAsync($"Load average (1 min) at the start: {Timing.LoadAverage() ?? "unknown"}");

        await using var database = await BenchmarkDatabase.CreateAsync(BenchmarkDatabase.DefaultSeedFolder, cancellationToken);
        var limits = await database.RunAsync(s => Task.FromResult(s.GetRequiredService<IOptions<MediaOptions>>().Value));
        var images = sizes.Order()
            .Select(mp => BenchmarkImages.SizeFor(mp, limits.MaxPixels, limits.MaxSide))
            .Distinct()
            .SelectMany(size => BenchmarkImages.Make(size.Width, size.Height))
            .ToList();

        // One untimed upload first, so start-up costs (JIT, loading libvips) are not counted.
        await UploadAsync(database, images[0], cancellationToken);
        var table = new TextTable("Image", "Pixels", "MP", "File MB", "Uploads", "Median ms", "p95 ms", "Max ms", "Median CPU ms", "Variants");
        foreach (var image in images)
        {
            var timings = new List<double>();
            var processorTimes = new List<double>();
            var variants = "";
            for (var run = 0; run < runs; run++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var processorBefore = Timing.ProcessorTimeWithChildren();
                var (outcome, elapsed) = await Timing.MeasureAsync(() => UploadAsync(database, image, cancellationToken));
                timings.Add(elapsed);
                if (processorBefore is { } before && Timing.ProcessorTimeWithChildren() is { } after)
                {
                    processorTimes.Add((after - before).TotalMilliseconds);
                }
                variants = outcome switch
                {
                    MediaUploadOutcome.Stored stored => stored.Item.VariantWidths.Length > 0 ? stored.Item.VariantWidths : "none",
                    MediaUploadOutcome.Refused refused => "refused: " + refused.Message,
                    _ => "",
                };
            }
            var summary = LatencySummary.From(timings);
            table.Add(image.Format, $"{image.Width}×{image.Height}", Number(image.Megapixels, "0.0"), Number(image.Data.Length / 1024.0 / 1024.0, "0.0"),
                summary.Count.ToString(CultureInfo.InvariantCulture), Number(summary.P50, "0"), Number(summary.P95, "0"), Number(summary.Max, "0"),
                processorTimes.Count > 0 ? Number(LatencySummary.From(processorTimes).P50, "0") : "?", variants);
        }
        await output.WriteLineAsync($"Each upload through MediaLibrary.UploadAsync in its own scope, as one request; limits {limits.MaxPixels / 1_000_000.0:0.#} MP, {limits.MaxSide} px a side, {limits.MaxBytes / 1024.0 / 1024.0:0.#} MB.");
        await output.WriteLineAsync("CPU ms: this process's threads and the programs it ran, on all cores (10 ms steps); less swayed by other load than the wall time.");
        await output.WriteLineAsync();
        await output.WriteLineAsync(table.ToString());
        await output.WriteLineAsync($"Load average (1 min) at the end: {Timing.LoadAverage() ?? "unknown"}");
    }

    private static Task<MediaUploadOutcome> UploadAsync(BenchmarkDatabase database, BenchmarkImage image, CancellationToken cancellationToken) =>
        database.RunAsync(s => s.GetRequiredService<MediaLibrary>().UploadAsync(
            new MediaUpload(image.Data, $"benchmark.{image.Format.ToLowerInvariant()}", "Genererad bild för mätningen", null, "Benchmark"), cancellationToken));

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
