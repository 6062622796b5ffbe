using EHalsostodet.Core.Content;

namespace EHalsostodet.Core.Sync;

/// <summary>
/// The <c>usync export --out DIR</c> and <c>usync import --from DIR [--dry-run] [--publish] [--overwrite] [--operator NAMN]</c>
/// subcommands. Exit codes: 0 done, 1 the files have problems (nothing changed), 2 wrong usage,
/// 3 done, but items changed since the files were taken were left as they are (conflicts).
/// The audit log names the operator, or the command line and the operating-system user.
/// </summary>
public sealed class SyncCommand(SyncExporter exporter, SyncImporter importer)
{
    public const int Ok = 0;
    public const int Problems = 1;
    public const int Usage = 2;
    public const int Conflicts = 3;

    private const string UsageText = """
        Användning:
          usync export --out MAPP
          usync import --from MAPP [--dry-run] [--publish] [--overwrite] [--operator NAMN]

        --dry-run   visar bara vad som skulle ändras.
        --publish   publicerar det som är publicerat i filerna; utan flaggan importeras allt som utkast.
        --overwrite skriver över innehåll och taggar som har ändrats sedan filerna togs fram; utan flaggan
                    lämnas de som de är och visas som konflikter.
        --operator  vem som gör importen, så som granskningsloggen ska visa det (t.ex. "Anna Andersson");
                    utan den står "Kommandorad (usync import)" och operativsystemets användare.
        """;

    /// <param name="args">The arguments after <c>usync</c>.</param>
    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        var (verb, options, flags) = Parse(args);
        return verb switch
        {
            "export" when options.TryGetValue("--out", out var folder) && flags.Count == 0 && options.Count == 1 =>
                await ExportAsync(folder, output, cancellationToken),
            "import" when options.TryGetValue("--from", out var folder) && options.Keys.All(k => k is "--from" or "--operator")
                && (!options.TryGetValue("--operator", out var name) || name.Trim().Length > 0) && flags.All(f => f is "--dry-run" or "--publish" or "--overwrite") =>
                await ImportAsync(folder, flags, Operator(options.GetValueOrDefault("--operator")), output, cancellationToken),
            _ => await UsageAsync(output),
        };
    }

    private async Task<int> ExportAsync(string folder, TextWriter output, CancellationToken cancellationToken)
    {
        var result = await exporter.ExportAsync(Path.GetFullPath(folder), cancellationToken);
        await output.WriteLineAsync($"Exporten är klar: {result.ContentFiles} innehåll, {result.Municipalities} kommuner, {result.Tags} taggar och {result.SynonymGroups} synonymgrupper.");
        return Ok;
    }

    /// <summary>Who the audit log names for an import from the command line.</summary>
    public static ContentAuthor Operator(string? name) => string.IsNullOrWhiteSpace(name)
        ? new(null, $"Kommandorad (usync import), användaren {Environment.UserName}")
        : new(null, $"{(name.Trim().Length > 200 ? name.Trim()[..200] : name.Trim())} (kommandorad, usync import)");

    private async Task<int> ImportAsync(string folder, IReadOnlyCollection<string> flags, ContentAuthor author, TextWriter output, CancellationToken cancellationToken)
    {
        var (dryRun, publish, overwrite) = (flags.Contains("--dry-run"), flags.Contains("--publish"), flags.Contains("--overwrite"));
        if (!Directory.Exists(folder))
        {
            await output.WriteLineAsync($"Mappen {folder} finns inte.");
            return Usage;
        }
        var plan = await importer.PlanAsync(Path.GetFullPath(folder), publish ? ImportPublishing.AsInFiles : ImportPublishing.AsDrafts, overwrite, cancellationToken);
        foreach (var line in SyncReport.Lines(plan))
        {
            await output.WriteLineAsync(line);
        }
        if (plan.HasProblems)
        {
            await output.WriteLineAsync("Inget har ändrats: rätta filerna och försök igen.");
            return Problems;
        }
        if (dryRun)
        {
            await output.WriteLineAsync("Provkörning: inget har ändrats.");
            return await ConflictsAsync(plan, output);
        }
        try
        {
            await importer.ApplyAsync(plan, author, cancellationToken);
        }
        catch (SyncImportException e)
        {
            foreach (var problem in e.Problems)
            {
                await output.WriteLineAsync(problem.ToString());
            }
            await output.WriteLineAsync("Inget har ändrats: rätta filerna och försök igen.");
            return Problems;
        }
        await output.WriteLineAsync(plan.HasChanges ? "Importen är genomförd." : "Inget att ändra.");
        return await ConflictsAsync(plan, output);
    }

    private static async Task<int> ConflictsAsync(SyncPlan plan, TextWriter output)
    {
        if (!plan.HasConflicts)
        {
            return Ok;
        }
        await output.WriteLineAsync($"{plan.Conflicts} {(plan.Conflicts == 1 ? "konflikt" : "konflikter")}: ändrat sedan filerna togs fram och lämnas som det är. Kör med --overwrite för att skriva över.");
        return Conflicts;
    }

    private static async Task<int> UsageAsync(TextWriter output)
    {
        await output.WriteLineAsync(UsageText);
        return Usage;
    }

    private static (string? Verb, Dictionary<string, string> Options, List<string> Flags) Parse(IReadOnlyList<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new List<string>();
        for (var i = 1; i < args.Count; i++)
        {
            if (args[i] is "--out" or "--from" or "--operator" && i + 1 < args.Count && !options.ContainsKey(args[i]))
            {
                options[args[i]] = args[++i];
            }
            else
            {
                flags.Add(args[i]);
            }
        }
        return (args.Count > 0 ? args[0] : null, options, flags);
    }
}
