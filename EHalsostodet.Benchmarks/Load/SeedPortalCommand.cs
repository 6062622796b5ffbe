using EHalsostodet.Benchmarks.Measurement;

namespace EHalsostodet.Benchmarks.Load;

/// <summary>The "seed-portal" subcommand: a database for load tests of the real portal (scripts/load/run.sh).</summary>
public sealed class SeedPortalCommand : IBenchmark
{
    public string Name => "seed-portal";

    public string Description => "a portal database with the seed content and N synthetic published stories, indexed, for load tests";

    public string Usage => SeedPortalOptions.Usage;

    public async Task RunAsync(CommandLineArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        var options = SeedPortalOptions.Parse(arguments);
        var result = await new PortalDatabaseSeeder(options, output).SeedAsync(cancellationToken);
        await output.WriteLineAsync();
        var table = new TextTable("portal database", "value");
        table.Add("file", result.FilePath);
        table.Add("synthetic stories", $"{result.SyntheticStories:N0}");
        table.Add("published items in all", $"{result.PublishedItems:N0}");
        table.Add("search index", result.IndexFolder);
        table.Add("items in the search index", $"{result.IndexedItems:N0}");
        table.Add("size of the database", $"{result.Bytes / 1024d / 1024d:N1} MB");
        table.Add("size of the search index", $"{result.IndexBytes / 1024d / 1024d:N1} MB");
        table.Add("took", $"{result.Elapsed.TotalSeconds:N1} s");
        await output.WriteAsync(table.ToString());
    }
}
