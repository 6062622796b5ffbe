using System.Runtime.InteropServices;

namespace EHalsostodet.Benchmarks.Search;

/// <summary>The "search" subcommand: the portal's Lucene search against a LIKE scan on synthetic corpora.</summary>
public sealed class SearchBenchmark : IBenchmark
{
    public string Name => "search";

    public string Description => "Lucene index build, sync of one item, query latency against a naive LIKE scan, and memory, on synthetic stories";

    public string Usage => SearchBenchmarkOptions.Usage;

    public async Task RunAsync(CommandLineArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        var options = SearchBenchmarkOptions.Parse(arguments);
        await output.WriteLineAsync($"{RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores");
        var runner = new SearchBenchmarkRunner(options, output);
        foreach (var stories in options.StoryCounts)
        {
            var result = await runner.RunAsync(stories, cancellationToken);
            await output.WriteLineAsync();
            await output.WriteLineAsync(SearchReport.Write(result, options));
        }
    }
}
