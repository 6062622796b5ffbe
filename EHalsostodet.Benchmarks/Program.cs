using EHalsostodet.Benchmarks.Export;
using EHalsostodet.Benchmarks.Load;
using EHalsostodet.Benchmarks.Media;
using EHalsostodet.Benchmarks.Search;

namespace EHalsostodet.Benchmarks;

// A named class, not top-level statements: the tests reference both this project and the Web project's Program.
internal static class Program
{
    private static readonly IBenchmark[] Benchmarks = [new SearchBenchmark(), new ExportBenchmark(), new MediaBenchmark(), new SeedPortalCommand()];

    public static async Task<int> Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        return await BenchmarkCommand.RunAsync(Benchmarks, args, Console.Out, Console.Error, cancellation.Token);
    }
}
