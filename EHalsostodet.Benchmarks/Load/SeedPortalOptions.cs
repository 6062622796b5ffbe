using EHalsostodet.Benchmarks.Infrastructure;

namespace EHalsostodet.Benchmarks.Load;

public sealed record SeedPortalOptions
{
    public const string Usage = """
        Usage: dotnet run -c Release --project EHalsostodet.Benchmarks -- seed-portal --database FILE [options]

          --database FILE     the SQLite file to create, for the portal's ConnectionStrings:Sqlite (required);
                              its search index is made in the folder search/ beside it, where the portal
                              looks by default (give each database a folder of its own)
          --stories N         synthetic published stories besides the seed content (default 10000)
          --story-list FILE   also write the synthetic stories' slugs there, one a line
          --usync FOLDER      the seed content imported first (default: the repository's uSync)
          --replace           delete FILE and search/ beside it first if they exist (otherwise either is an error)
          --batch N           stories per transaction (default 1000)
          --seed N            seed of the synthetic corpus (default 20261122, as the search benchmark)
        """;

    private static readonly string[] Known = ["database", "stories", "story-list", "usync", "replace", "batch", "seed"];

    public required string DatabasePath { get; init; }

    public int Stories { get; init; } = 10_000;

    public string? StoryListPath { get; init; }

    public required string SeedFolder { get; init; }

    public bool Replace { get; init; }

    public int BatchSize { get; init; } = 1000;

    public int Seed { get; init; } = 20261122;

    /// <exception cref="UsageException">An option is unknown, missing or out of range.</exception>
    public static SeedPortalOptions Parse(CommandLineArguments arguments)
    {
        if (arguments.Names.FirstOrDefault(n => !Known.Contains(n)) is { } unknown)
        {
            throw new UsageException($"Unknown option --{unknown}.");
        }
        return new SeedPortalOptions
        {
            DatabasePath = arguments.Text("database") ?? throw new UsageException("--database FILE is required."),
            Stories = arguments.Number("stories", 0, 10_000_000, 10_000),
            StoryListPath = arguments.Text("story-list"),
            SeedFolder = arguments.Text("usync") ?? RepositorySeedFolder.Find(),
            Replace = arguments.Has("replace"),
            BatchSize = arguments.Number("batch", 1, 100_000, 1000),
            Seed = arguments.Number("seed", 0, int.MaxValue, 20261122),
        };
    }
}
