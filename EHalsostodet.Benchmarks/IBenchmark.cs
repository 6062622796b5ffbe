namespace EHalsostodet.Benchmarks;

/// <summary>One benchmark, run as a subcommand: <c>dotnet run -c Release --project EHalsostodet.Benchmarks -- NAME [options]</c>.</summary>
public interface IBenchmark
{
    /// <summary>The subcommand, e.g. "search".</summary>
    string Name { get; }

    /// <summary>One line for the list of benchmarks.</summary>
    string Description { get; }

    /// <summary>The options, as shown by <c>NAME --help</c>.</summary>
    string Usage { get; }

    /// <exception cref="UsageException">The options are not valid.</exception>
    Task RunAsync(CommandLineArguments arguments, TextWriter output, CancellationToken cancellationToken);
}
