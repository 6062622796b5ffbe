using EHalsostodet.Core.Content;
using EHalsostodet.Core.Sync;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Tests.Sync;

/// <summary>The usync export and import commands: round trips, reports, problems and exit codes.</summary>
[TestClass]
public sealed class SyncExportTests
{
    private static async Task<CoreHost> SeededHostAsync()
    {
        var host = await CoreHost.StartAsync();
        Assert.AreEqual(SyncCommand.Ok, (await RunAsync(host, "import", "--from", TestPaths.SeedFolder, "--publish")).ExitCode);
        return host;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(CoreHost host, params string[] args)
    {
        var output = new StringWriter();
        var code = await host.RunAsync<SyncCommand, int>(c => c.RunAsync(args, output, CancellationToken.None));
        return (code, output.ToString());
    }

    private static Task<List<(Guid Id, ContentType Type, string State, DateOnly ReviewBy, string Json)>> SnapshotAsync(CoreHost host) =>
        host.QueryAsync(async db =>
        {
            var items = await db.ContentItems.AsNoTracking().OrderBy(i => i.Id).ToListAsync();
            var versions = await db.ContentVersions.AsNoTracking().ToDictionaryAsync(v => v.Id, v => v.DocumentJson);
            return items.Select(i => (i.Id, i.Type, i.State.ToString(), i.ReviewBy, versions[i.LatestVersionId!.Value])).ToList();
        });

    [TestMethod]
    public async Task Export_then_import_into_an_empty_database_reproduces_every_item()
    {
        await using var source = await SeededHostAsync();
        var folder = TestPaths.NewTempFolder();
        var export = await RunAsync(source, "export", "--out", folder);
        Assert.AreEqual(SyncCommand.Ok, export.ExitCode, export.Output);

        await using var target = await CoreHost.StartAsync();
        var import = await RunAsync(target, "import", "--from", folder, "--publish");

        Assert.AreEqual(SyncCommand.Ok, import.ExitCode, import.Output);
        var expected = await SnapshotAsync(source);
        var actual = await SnapshotAsync(target);
        Assert.AreEqual(expected.Count, actual.Count);
        Assert.AreEqual(SyncFolder.ContentFiles(TestPaths.SeedFolder).Count(), actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.AreEqual(expected[i], actual[i], $"innehåll {expected[i].Id}");
        }
        Assert.AreEqual(await source.CountAsync<EHalsostodet.Core.Taxonomy.Municipality>(), await target.CountAsync<EHalsostodet.Core.Taxonomy.Municipality>());
        Assert.AreEqual(await source.CountAsync<EHalsostodet.Core.Taxonomy.Tag>(), await target.CountAsync<EHalsostodet.Core.Taxonomy.Tag>());
        Assert.AreEqual(expected.Count, await target.CountAsync<EHalsostodet.Core.Publishing.PublishedContent>());
    }

    [TestMethod]
    public async Task Importing_the_export_back_into_the_same_database_leaves_every_item_unchanged()
    {
        await using var host = await SeededHostAsync();
        var folder = TestPaths.NewTempFolder();
        await RunAsync(host, "export", "--out", folder);

        var plan = await host.RunAsync<SyncImporter, SyncPlan>(i => i.PlanAsync(folder, ImportPublishing.AsInFiles, overwriteChanged: false, CancellationToken.None));

        Assert.IsFalse(plan.HasProblems, string.Join('\n', plan.Problems));
        Assert.IsFalse(plan.HasChanges, string.Join('\n', SyncReport.Lines(plan)));
        Assert.AreEqual(SyncFolder.ContentFiles(TestPaths.SeedFolder).Count(), plan.Count(SyncAction.Unchanged));
        CollectionAssert.AreEquivalent(
            SyncFolder.ContentFiles(TestPaths.SeedFolder).ToList(), SyncFolder.ContentFiles(folder).ToList(),
            "the export uses the repository's layout and file names");
        StringAssert.Contains(await File.ReadAllTextAsync(Path.Combine(folder, SyncFolder.MunicipalitiesFile)), "{code: \"0114\", name: Upplands Väsby");
    }

    [TestMethod]
    public async Task An_edited_field_shows_exactly_that_change_in_the_dry_run_and_nothing_changes()
    {
        await using var host = await SeededHostAsync();
        var folder = TestPaths.NewTempFolder();
        await RunAsync(host, "export", "--out", folder);
        var path = Path.Combine(folder, "content/pages/kontakt.yml");
        var yaml = await File.ReadAllTextAsync(path);
        var title = yaml.Split('\n').First(l => l.StartsWith("  title:", StringComparison.Ordinal));
        await File.WriteAllTextAsync(path, yaml.Replace(title, "  title: Kontakta redaktionen", StringComparison.Ordinal));
        var before = await SnapshotAsync(host);

        var (code, output) = await RunAsync(host, "import", "--from", folder, "--dry-run", "--publish");

        Assert.AreEqual(SyncCommand.Ok, code, output);
        var changed = output.Split('\n').Where(l => l.Contains(".yml: ", StringComparison.Ordinal) && !l.Contains("oförändrad", StringComparison.Ordinal)).ToList();
        Assert.AreEqual(1, changed.Count, output);
        Assert.AreEqual("content/pages/kontakt.yml: uppdateras, publiceras", changed[0].TrimEnd());
        StringAssert.Contains(output, "content/pages/kontakt.yml: uppdateras, publiceras\n  Titel: ”Kontakt” → ”Kontakta redaktionen”\n");
        StringAssert.Contains(output, "Provkörning: inget har ändrats.");
        CollectionAssert.AreEqual(before, await SnapshotAsync(host));
    }

    [TestMethod]
    public async Task A_second_import_reports_no_changes()
    {
        await using var host = await SeededHostAsync();

        var (code, output) = await RunAsync(host, "import", "--from", TestPaths.SeedFolder, "--publish");

        Assert.AreEqual(SyncCommand.Ok, code);
        Assert.IsFalse(output.Contains(": skapas", StringComparison.Ordinal) || output.Contains(": uppdateras", StringComparison.Ordinal), output);
        StringAssert.Contains(output, "Inget att ändra.");
    }

    [TestMethod]
    public async Task A_malformed_file_is_reported_with_path_and_line_exit_code_1_and_nothing_changes()
    {
        await using var host = await SeededHostAsync();
        var folder = TestPaths.NewTempFolder();
        await RunAsync(host, "export", "--out", folder);
        var path = Path.Combine(folder, "content/pages/om.yml");
        var lines = (await File.ReadAllTextAsync(path)).Split('\n');
        lines[5] = "  title: [inte stängd";
        await File.WriteAllTextAsync(path, string.Join('\n', lines));
        await File.WriteAllTextAsync(Path.Combine(folder, "content/pages/kontakt.yml"),
            (await File.ReadAllTextAsync(Path.Combine(folder, "content/pages/kontakt.yml"))).Replace("title:", "title: Ändrad\n  x:", StringComparison.Ordinal));
        var before = await SnapshotAsync(host);

        var (code, output) = await RunAsync(host, "import", "--from", folder, "--publish");

        Assert.AreEqual(SyncCommand.Problems, code, output);
        StringAssert.Contains(output, "content/pages/om.yml:6: ");
        StringAssert.Contains(output, "Inget har ändrats");
        CollectionAssert.AreEqual(before, await SnapshotAsync(host));
    }

    [TestMethod]
    public async Task Without_publish_changes_become_drafts_while_the_published_version_stays_live()
    {
        await using var host = await SeededHostAsync();
        var folder = TestPaths.NewTempFolder();
        await RunAsync(host, "export", "--out", folder);
        var path = Path.Combine(folder, "content/pages/kontakt.yml");
        var yaml = await File.ReadAllTextAsync(path);
        var title = yaml.Split('\n').First(l => l.StartsWith("  title:", StringComparison.Ordinal));
        await File.WriteAllTextAsync(path, yaml.Replace(title, "  title: Kontakta redaktionen", StringComparison.Ordinal));

        var (code, output) = await RunAsync(host, "import", "--from", folder);

        Assert.AreEqual(SyncCommand.Ok, code, output);
        StringAssert.Contains(output, "content/pages/kontakt.yml: uppdateras\n  Titel: ”Kontakt” → ”Kontakta redaktionen”\n");
        var published = await host.QueryAsync(db => db.PublishedContent.SingleAsync(p => p.Slug == "kontakt"));
        Assert.AreNotEqual("Kontakta redaktionen", published.Title);
        var item = await host.QueryAsync(db => db.ContentItems.SingleAsync(i => i.Id == published.ItemId));
        Assert.AreNotEqual(item.PublishedVersionId, item.LatestVersionId);
    }

    [TestMethod]
    [DataRow(new string[0])]
    [DataRow(new[] { "export" })]
    [DataRow(new[] { "import", "--from" })]
    [DataRow(new[] { "import", "--from", "x", "--force" })]
    [DataRow(new[] { "delete" })]
    public async Task Wrong_usage_gives_exit_code_2_and_the_usage(string[] args)
    {
        await using var host = await CoreHost.StartAsync();

        var (code, output) = await RunAsync(host, args);

        Assert.AreEqual(SyncCommand.Usage, code);
        StringAssert.Contains(output, "Användning:");
    }

    [TestMethod]
    public async Task Import_from_a_missing_folder_is_a_usage_error()
    {
        await using var host = await CoreHost.StartAsync();

        var (code, output) = await RunAsync(host, "import", "--from", Path.Combine(TestPaths.NewTempFolder(), "saknas"));

        Assert.AreEqual(SyncCommand.Usage, code);
        StringAssert.Contains(output, "finns inte");
    }
}
