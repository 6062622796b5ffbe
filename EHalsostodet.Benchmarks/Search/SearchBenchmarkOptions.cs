using EHalsostodet.Benchmarks.Infrastructure;
using EHalsostodet.Benchmarks.Search.Queries;

namespace EHalsostodet.Benchmarks.Search;

public sealed record SearchBenchmarkOptions
{
    public const string Usage = """
        Usage: dotnet run -c Release --project EHalsostodet.Benchmarks -- search [options]

          --stories N    corpus size; repeat for several sizes (default 10000)
          --queries N    queries in the mix, split evenly over the five kinds (default 200)
          --warmup N     untimed queries of each kind before timing, its queries in turn (default:
                         five rounds of the mix, so that the JIT's tiers have settled as in a
                         portal that has run for a while)
          --reindex N    items synced one by one (SyncAsync) on the full index, after one untimed (default 40)
          --batch N      stories per transaction when storing the corpus (default 1000)
          --seed N       seed of the corpus and the query mix (default 20261122)
          --database F   keep the corpus in this SQLite file: stored there when the file is new,
                         reused without generating when it already holds the stories (one --stories)
          --profile N    after the run, each distinct query of the mix N times in variants that
                         leave parts of the engine's work out, to see where its time goes (default 0: off)
        """;

    private static readonly string[] Known = ["stories", "queries", "warmup", "reindex", "batch", "seed", "profile", "database"];

    public IReadOnlyList<int> StoryCounts { get; init; } = [10_000];

    public int Queries { get; init; } = 200;

    /// <summary>Untimed queries of each kind before timing; null: the whole mix once.</summary>
    public int? WarmupPerKind { get; init; }

    public int Warmup => WarmupPerKind ?? 5 * QueriesPerKind;

    public int ReindexSamples { get; init; } = 40;

    public int BatchSize { get; init; } = 1000;

    public int Seed { get; init; } = 20261122;

    /// <summary>Repetitions of each distinct query when profiling the engine; 0 leaves the profile out.</summary>
    public int ProfileRepetitions { get; init; }

    /// <summary>The hits per page, as on the search page.</summary>
    public int PageSize { get; init; } = 20;

    /// <summary>A kept database to store the corpus in or reuse it from; null: a new temporary one.</summary>
    public string? DatabasePath { get; init; }

    public string SeedFolder { get; init; } = BenchmarkDatabase.DefaultSeedFolder;

    /// <summary>Full garbage collections around each phase, so its live heap is measured without garbage; off only in the suite's tiny run.</summary>
    public bool SettleHeapBetweenPhases { get; init; } = true;

    public int QueriesPerKind => Math.Max(1, Queries / Enum.GetValues<QueryKind>().Length);

    /// <exception cref="UsageException">An option is unknown or out of range.</exception>
    public static SearchBenchmarkOptions Parse(CommandLineArguments arguments)
    {
        if (arguments.Names.FirstOrDefault(n => !Known.Contains(n)) is { } unknown)
        {
            throw new UsageException($"Unknown option --{unknown}.");
        }
        if (arguments.Has("database") && arguments.Numbers("stories", 1, 10_000_000, 10_000).Count != 1)
        {
            throw new UsageException("--database keeps one corpus: give one --stories with it.");
        }
        return new SearchBenchmarkOptions
        {
            StoryCounts = arguments.Numbers("stories", 1, 10_000_000, 10_000),
            Queries = arguments.Number("queries", 5, 100_000, 200),
            WarmupPerKind = arguments.Has("warmup") ? arguments.Number("warmup", 0, 100_000, 0) : null,
            ReindexSamples = arguments.Number("reindex", 0, 1000, 40),
            BatchSize = arguments.Number("batch", 1, 100_000, 1000),
            Seed = arguments.Number("seed", 0, int.MaxValue, 20261122),
            ProfileRepetitions = arguments.Number("profile", 0, 10_000, 0),
            DatabasePath = arguments.Text("database"),
        };
    }
}
