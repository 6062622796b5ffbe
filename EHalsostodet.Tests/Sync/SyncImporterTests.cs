using EHalsostodet.Core.Content;
using EHalsostodet.Core.Sync;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Tests.Sync;

[TestClass]
public sealed class SyncImporterTests
{
    private static Task<SyncPlan> PlanAsync(CoreHost host, string folder, ImportPublishing publishing = ImportPublishing.AsInFiles) =>
        host.RunAsync<SyncImporter, SyncPlan>(i => i.PlanAsync(folder, publishing, overwriteChanged: false, CancellationToken.None));

    private static async Task ImportAsync(CoreHost host, string folder, ImportPublishing publishing = ImportPublishing.AsInFiles)
    {
        var plan = await PlanAsync(host, folder, publishing);
        Assert.IsFalse(plan.HasProblems, string.Join('\n', plan.Problems));
        await host.RunAsync<SyncImporter>(i => i.ApplyAsync(plan, ContentAuthor.SeedImport, CancellationToken.None));
    }

    [TestMethod]
    public async Task The_seed_folder_imports_completely_and_publishes_it()
    {
        await using var host = await CoreHost.StartAsync();

        await ImportAsync(host, TestPaths.SeedFolder);

        var files = SyncFolder.ContentFiles(TestPaths.SeedFolder).Count();
        Assert.AreEqual(files, await host.CountAsync<ContentItem>());
        Assert.AreEqual(files, await host.CountAsync<EHalsostodet.Core.Publishing.PublishedContent>());
        Assert.AreEqual(298, await host.CountAsync<EHalsostodet.Core.Taxonomy.Municipality>());
        var versions = await host.QueryAsync(db => db.ContentVersions.Select(v => new { v.Number, v.AuthorName }).ToListAsync());
        Assert.IsTrue(versions.All(v => v.Number == 1 && v.AuthorName == ContentAuthor.SeedImport.Name));
    }

    [TestMethod]
    public async Task A_second_import_reports_no_changes_and_makes_no_versions()
    {
        await using var host = await CoreHost.StartAsync();
        await ImportAsync(host, TestPaths.SeedFolder);
        var versionsBefore = await host.CountAsync<ContentVersion>();

        var plan = await PlanAsync(host, TestPaths.SeedFolder);
        await host.RunAsync<SyncImporter>(i => i.ApplyAsync(plan, ContentAuthor.SeedImport, CancellationToken.None));

        Assert.IsFalse(plan.HasChanges);
        Assert.IsTrue(plan.Entries.All(e => e.Action == SyncAction.Unchanged));
        Assert.AreEqual(versionsBefore, await host.CountAsync<ContentVersion>());
    }

    [TestMethod]
    public async Task An_edited_file_shows_exactly_that_change_and_becomes_a_new_published_version()
    {
        await using var host = await CoreHost.StartAsync();
        await ImportAsync(host, TestPaths.SeedFolder);
        var folder = TestPaths.CopyFolder(TestPaths.SeedFolder);
        var path = Path.Combine(folder, "content/pages/kontakt.yml");
        var yaml = await File.ReadAllTextAsync(path);
        var title = yaml.Split('\n').First(l => l.TrimStart().StartsWith("title:", StringComparison.Ordinal));
        await File.WriteAllTextAsync(path, yaml.Replace(title, "  title: Kontakta redaktionen", StringComparison.Ordinal));

        var plan = await PlanAsync(host, folder);

        var changed = plan.Entries.Where(e => e.Action != SyncAction.Unchanged).ToList();
        Assert.AreEqual(1, changed.Count);
        Assert.AreEqual("content/pages/kontakt.yml", changed[0].File.RelativePath);
        Assert.AreEqual(new SyncChange("title", "Titel", "Kontakt", "Kontakta redaktionen"), changed[0].Changes.Single());

        await host.RunAsync<SyncImporter>(i => i.ApplyAsync(plan, ContentAuthor.SeedImport, CancellationToken.None));
        var published = await host.QueryAsync(db => db.PublishedContent.SingleAsync(p => p.Slug == "kontakt"));
        Assert.AreEqual("Kontakta redaktionen", published.Title);
        Assert.AreEqual(2, await host.QueryAsync(db => db.ContentVersions.CountAsync(v => v.ItemId == published.ItemId)));
    }

    [TestMethod]
    public async Task A_malformed_file_is_reported_with_path_and_line_and_nothing_is_imported()
    {
        await using var host = await CoreHost.StartAsync();
        var folder = TestPaths.CopyFolder(TestPaths.SeedFolder);
        var path = Path.Combine(folder, "content/pages/om.yml");
        var lines = (await File.ReadAllTextAsync(path)).Split('\n').ToList();
        var slugLine = lines.FindIndex(l => l.TrimStart().StartsWith("slug:", StringComparison.Ordinal));
        lines[slugLine] = "  slug: [trasig";
        await File.WriteAllTextAsync(path, string.Join('\n', lines));

        var plan = await PlanAsync(host, folder);

        var problem = plan.Problems.Single();
        Assert.AreEqual("content/pages/om.yml", problem.RelativePath);
        Assert.IsTrue(problem.Line >= slugLine + 1, problem.ToString());
        Assert.ThrowsExactly<InvalidOperationException>(() => host.RunAsync<SyncImporter>(i => i.ApplyAsync(plan, ContentAuthor.SeedImport, CancellationToken.None)).GetAwaiter().GetResult());
        Assert.AreEqual(0, await host.CountAsync<ContentItem>());
        Assert.AreEqual(0, await host.CountAsync<EHalsostodet.Core.Taxonomy.Municipality>());
    }

    [TestMethod]
    public async Task A_reference_to_a_missing_initiative_is_reported_at_its_line()
    {
        await using var host = await CoreHost.StartAsync();
        var folder = TestPaths.CopyFolder(TestPaths.SeedFolder);
        var initiative = Directory.EnumerateFiles(Path.Combine(folder, "content/initiatives")).First(f => File.ReadAllText(f).Contains("000000000061", StringComparison.Ordinal));
        File.Delete(initiative);

        var plan = await PlanAsync(host, folder);

        Assert.IsTrue(plan.HasProblems);
        Assert.IsTrue(plan.Problems.All(p => p.Message.Contains("000000000061", StringComparison.Ordinal)), string.Join('\n', plan.Problems));
        Assert.IsTrue(plan.Problems.All(p => p.RelativePath.StartsWith("content/stories/", StringComparison.Ordinal) && p.Line > 1));
    }

    [TestMethod]
    public async Task Drafts_mode_imports_without_publishing()
    {
        await using var host = await CoreHost.StartAsync();

        await ImportAsync(host, TestPaths.SeedFolder, ImportPublishing.AsDrafts);

        Assert.IsTrue(await host.CountAsync<ContentItem>() > 50);
        Assert.AreEqual(0, await host.CountAsync<EHalsostodet.Core.Publishing.PublishedContent>());
    }

    [TestMethod]
    public async Task A_story_file_with_a_nameless_actor_is_refused_with_the_forms_Swedish_message_at_its_line_and_nothing_changes()
    {
        await using var host = await CoreHost.StartAsync();
        await ImportAsync(host, TestPaths.SeedFolder);
        var folder = TestPaths.CopyFolder(TestPaths.SeedFolder);
        const string file = "content/stories/automatiserad-handlaggning-av-ekonomiskt-bistand-i-sjobacka.yml";
        var path = Path.Combine(folder, file);
        var yaml = await File.ReadAllTextAsync(path);
        const string actor = "      - name: Enhetschef för försörjningsstöd\n";
        Assert.Contains(actor, yaml);
        await File.WriteAllTextAsync(path, yaml.Replace(actor, "      - name: \"\"\n", StringComparison.Ordinal));
        var versions = await host.CountAsync<ContentVersion>();

        var plan = await PlanAsync(host, folder);

        var problem = plan.Problems.Single();
        Assert.AreEqual(file, problem.RelativePath);
        Assert.AreEqual(33, problem.Line);
        Assert.AreEqual("Ange aktörens namn.", problem.Message);
        await Assert.ThrowsExactlyAsync<InvalidOperationException>(() => host.RunAsync<SyncImporter>(i => i.ApplyAsync(plan, ContentAuthor.SeedImport, CancellationToken.None)));
        Assert.AreEqual(versions, await host.CountAsync<ContentVersion>());
        Directory.Delete(folder, recursive: true);
    }
}
