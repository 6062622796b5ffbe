namespace EHalsostodet.Benchmarks;

/// <summary>Picks the benchmark named by the first argument and runs it with the rest.</summary>
public static class BenchmarkCommand
{
    public const int UsageError = 2;

    public static async Task<int> RunAsync(IReadOnlyList<IBenchmark> benchmarks, string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (args.Length == 0 || args[0] is "--help" or "-h")
        {
            await WriteListAsync(benchmarks, args.Length == 0 ? error : output);
            return args.Length == 0 ? UsageError : 0;
        }
        var benchmark = benchmarks.FirstOrDefault(b => b.Name == args[0]);
        if (benchmark is null)
        {
            await error.WriteLineAsync($"Unknown benchmark \"{args[0]}\".");
            await WriteListAsync(benchmarks, error);
            return UsageError;
        }
        try
        {
            var arguments = CommandLineArguments.Parse(args.Skip(1));
            if (arguments.Has("help"))
            {
                await output.WriteLineAsync(benchmark.Usage);
                return 0;
            }
            await benchmark.RunAsync(arguments, output, cancellationToken);
            return 0;
        }
        catch (UsageException e)
        {
            await error.WriteLineAsync(e.Message);
            await error.WriteLineAsync(benchmark.Usage);
            return UsageError;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("Cancelled.");
            return 130;
        }
    }

    private static async Task WriteListAsync(IReadOnlyList<IBenchmark> benchmarks, TextWriter writer)
    {
        await writer.WriteLineAsync("Usage: dotnet run -c Release --project EHalsostodet.Benchmarks -- BENCHMARK [options]");
        await writer.WriteLineAsync();
        foreach (var benchmark in benchmarks)
        {
            await writer.WriteLineAsync($"  {benchmark.Name,-10} {benchmark.Description}");
        }
        await writer.WriteLineAsync();
        await writer.WriteLineAsync("BENCHMARK --help lists its options.");
    }
}
