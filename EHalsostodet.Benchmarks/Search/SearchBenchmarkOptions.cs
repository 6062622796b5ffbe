using EHalsostodet.Benchmarks.Infrastructure;
using EHalsostodet.Benchmarks.Search.Queries;

namespace EHalsostodet.Benchmarks.Search;

public sealed record SearchBenchmarkOptions
{
    public const string Usage = """
        Usage: dotnet run -c Release --project EHalsostodet.Benchmarks -- search [options]

          --stories N    corpus size; repeat for several sizes (default 10000)
          --queries N    queries in the mix, split evenly over the five kinds (default 200)
          --warmup N     untimed queries of each kind before timing (default 5)
          --reindex N    items re-indexed one by one to time IndexAsync on the full index (default 10)
          --batch N      stories per transaction when loading and indexing (default 1000)
          --seed N       seed of the corpus and the query mix (default 20261122)
        """;

    private static readonly string[] Known = ["stories", "queries", "warmup", "reindex", "batch", "seed"];

    public IReadOnlyList<int> StoryCounts { get; init; } = [10_000];

    public int Queries { get; init; } = 200;

    public int WarmupPerKind { get; init; } = 5;

    public int ReindexSamples { get; init; } = 10;

    public int BatchSize { get; init; } = 1000;

    public int Seed { get; init; } = 20261122;

    /// <summary>The hits per page, as on the search page.</summary>
    public int PageSize { get; init; } = 20;

    public string SeedFolder { get; init; } = BenchmarkDatabase.DefaultSeedFolder;

    public int QueriesPerKind => Math.Max(1, Queries / Enum.GetValues<QueryKind>().Length);

    /// <exception cref="UsageException">An option is unknown or out of range.</exception>
    public static SearchBenchmarkOptions Parse(CommandLineArguments arguments)
    {
        if (arguments.Names.FirstOrDefault(n => !Known.Contains(n)) is { } unknown)
        {
            throw new UsageException($"Unknown option --{unknown}.");
        }
        return new SearchBenchmarkOptions
        {
            StoryCounts = arguments.Numbers("stories", 1, 10_000_000, 10_000),
            Queries = arguments.Number("queries", 5, 100_000, 200),
            WarmupPerKind = arguments.Number("warmup", 0, 1000, 5),
            ReindexSamples = arguments.Number("reindex", 0, 1000, 10),
            BatchSize = arguments.Number("batch", 1, 100_000, 1000),
            Seed = arguments.Number("seed", 0, int.MaxValue, 20261122),
        };
    }
}
