using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using EHalsostodet.Benchmarks.Infrastructure;
using EHalsostodet.Benchmarks.Measurement;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Export;
using EHalsostodet.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Benchmarks.Export;

/// <summary>
/// The "export" subcommand: renders every seed story to PDF, PowerPoint and Word without the
/// cache, and compares each format with serialising the same story to JSON in the same run.
/// </summary>
public sealed class ExportBenchmark : IBenchmark
{
    private const string BaseUrl = "https://ehalsostodet.example.se";

    public string Name => "export";

    public string Description => "PDF, PPTX and DOCX export time per seed story, against JSON serialisation of the same story";

    public string Usage => """
        Options:
          --runs N    renderings of each seed story per format (1–1000, default 20)
        The seed content is read from the repository's uSync folder.
        """;

    public async Task RunAsync(CommandLineArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        var runs = arguments.Number("runs", 1, 1000, 20);
        await output.WriteLineAsync($"{RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores");
        await using var database = await BenchmarkDatabase.CreateAsync(RepositorySeedFolder.Find(), cancellationToken);
        var result = await database.RunAsync(async services =>
        {
            var rows = await services.GetRequiredService<PortalDbContext>().PublishedContent.AsNoTracking()
                .Where(p => p.Type == ContentType.Story).OrderBy(p => p.Slug).ToListAsync(cancellationToken);
            var exports = services.GetRequiredService<PublishedExports>();
            var renderer = services.GetRequiredService<ExportRenderer>();
            var measurements = new ExportMeasurements();
            // One untimed round first, so start-up costs (font loading, JIT) are not counted.
            foreach (var round in Enumerable.Range(0, runs + 1))
            {
                foreach (var row in rows)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var timed = round > 0;
                    await measurements.TimeAsync("JSON (grundvärde)", timed, async () =>
                        JsonSerializer.SerializeToUtf8Bytes(await exports.BuildStoryAsync(row, BaseUrl, cancellationToken)));
                    foreach (var format in Enum.GetValues<ExportFormat>())
                    {
                        await measurements.TimeAsync(format.ToString().ToUpperInvariant(), timed, async () =>
                            await renderer.RenderAsync(await exports.BuildStoryAsync(row, BaseUrl, cancellationToken), format, cancellationToken));
                    }
                }
            }
            return (Stories: rows.Count, Measurements: measurements);
        });
        await output.WriteLineAsync($"{result.Stories} seed stories × {runs} runs per format, uncached, in-process (load from the read model + build + render).");
        await output.WriteLineAsync();
        await output.WriteLineAsync(result.Measurements.Report("JSON (grundvärde)"));
    }
}

/// <summary>Timings and output sizes per format.</summary>
internal sealed class ExportMeasurements
{
    private readonly Dictionary<string, List<double>> milliseconds = [];
    private readonly Dictionary<string, List<int>> sizes = [];

    public async Task TimeAsync(string format, bool record, Func<Task<byte[]>> work)
    {
        var (bytes, elapsed) = await Timing.MeasureAsync(work);
        if (!record)
        {
            return;
        }
        Add(milliseconds, format, elapsed);
        Add(sizes, format, bytes.Length);
    }

    public string Report(string baseline)
    {
        var baselineMedian = LatencySummary.From(milliseconds[baseline]).P50;
        var table = new TextTable("Format", "Exports", "Median ms", "p95 ms", "Max ms", "× JSON", "Median kB");
        foreach (var (format, timings) in milliseconds)
        {
            var summary = LatencySummary.From(timings);
            var size = sizes[format].Order().ElementAt(sizes[format].Count / 2);
            table.Add(format, summary.Count.ToString(CultureInfo.InvariantCulture), Ms(summary.P50), Ms(summary.P95), Ms(summary.Max),
                (summary.P50 / baselineMedian).ToString("0.0", CultureInfo.InvariantCulture), (size / 1024.0).ToString("0", CultureInfo.InvariantCulture));
        }
        return table.ToString();
    }

    private static string Ms(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static void Add<T>(Dictionary<string, List<T>> values, string key, T value)
    {
        if (!values.TryGetValue(key, out var list))
        {
            values[key] = list = [];
        }
        list.Add(value);
    }
}
