using EHalsostodet.Benchmarks;
using EHalsostodet.Benchmarks.Export;

namespace EHalsostodet.Tests.Export;

/// <summary>The export benchmark runs end to end and reports every format against the JSON baseline.</summary>
[TestClass]
[TestCategory(Infrastructure.TestDatabase.NotUsed)]
public sealed class ExportBenchmarkTests
{
    [TestMethod]
    public async Task The_export_benchmark_reports_the_median_and_p95_of_each_format()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var status = await BenchmarkCommand.RunAsync([new ExportBenchmark()], ["export", "--runs", "1"], output, error, CancellationToken.None);

        Assert.AreEqual(0, status, error.ToString());
        var lines = output.ToString().Split('\n');
        // Columns widen with the figures (a slow run's p95 has more digits).
        StringAssert.Matches(output.ToString(), new System.Text.RegularExpressions.Regex(@"Median ms +p95 ms"));
        foreach (var format in new[] { "JSON (grundvärde)", "PDF", "PPTX", "DOCX" })
        {
            var row = lines.SingleOrDefault(l => l.StartsWith(format + " ", StringComparison.Ordinal));
            Assert.IsNotNull(row, format);
            var median = double.Parse(row[format.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
            Assert.IsGreaterThan(0, median, format);
        }
    }

    [TestMethod]
    public async Task A_bad_run_count_is_refused_with_the_usage()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var status = await BenchmarkCommand.RunAsync([new ExportBenchmark()], ["export", "--runs", "0"], output, error, CancellationToken.None);

        Assert.AreEqual(BenchmarkCommand.UsageError, status);
        StringAssert.Contains(error.ToString(), "--runs");
    }
}
