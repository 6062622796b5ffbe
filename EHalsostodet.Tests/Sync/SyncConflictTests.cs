using System.Net;
using AngleSharp.Html.Parser;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Sync;
using EHalsostodet.Core.Taxonomy;
using EHalsostodet.Core.Workflow;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.Sync;

/// <summary>
/// An import never silently undoes newer work: an item changed since its file was taken is a
/// conflict, reported with Swedish field names and left alone unless the import overwrites it.
/// The case of the issue: an export taken before a tag merge, imported after it.
/// </summary>
[TestClass]
public sealed class SyncConflictTests
{
    private const string MergedTag = "E-tjänster";
    private const string TargetTag = "Automatisering";

    private static readonly WorkflowActor Reviewer = new("granskare", "Greta Granskare", new HashSet<string> { PortalRoles.Reviewer });

    private static async Task<CoreHost> SeededHostAsync()
    {
        var host = await CoreHost.StartAsync();
        Assert.AreEqual(SyncCommand.Ok, (await RunAsync(host, "import", "--from", TestPaths.SeedFolder, "--publish")).ExitCode);
        return host;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(CoreHost host, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var code = await host.RunAsync<SyncCommand, int>(c => c.RunAsync(args, output, CancellationToken.None));
        return (code, output.ToString());
    }

    /// <summary>Merges the tag into the other, as a reviewer does on the tags page.</summary>
    private static async Task<TagChangeResult> MergeAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var source = await db.Tags.AsNoTracking().SingleAsync(t => t.Name == MergedTag);
        var target = await db.Tags.AsNoTracking().SingleAsync(t => t.Name == TargetTag);
        var merged = await services.GetRequiredService<TagManager>().MergeAsync(source.Id, target.Id, Reviewer, CancellationToken.None);
        Assert.IsTrue(merged.Succeeded, merged.Message);
        return merged;
    }

    private static Task MergeAsync(CoreHost host) => host.RunAsync<IServiceProvider, TagChangeResult>(MergeAsync);

    private sealed record Snapshot(Dictionary<Guid, (Guid Version, string Tags)> Items, List<string> Tags);

    /// <summary>Every item's latest version and its tags, and the tags that exist.</summary>
    private static async Task<Snapshot> SnapshotAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var items = await db.ContentItems.AsNoTracking().ToListAsync();
        var versions = await db.ContentVersions.AsNoTracking().ToDictionaryAsync(v => v.Id, v => v.DocumentJson);
        string Tags(ContentItem item) => ContentDocumentSerializer.Deserialize(item.Type, versions[item.LatestVersionId!.Value]) switch
        {
            StoryDocument story => string.Join(", ", story.Tags),
            CollectionDocument collection => string.Join(", ", collection.Tags),
            _ => "",
        };
        return new(items.ToDictionary(i => i.Id, i => (i.LatestVersionId!.Value, Tags(i))), await db.Tags.AsNoTracking().Select(t => t.Name).OrderBy(n => n).ToListAsync());
    }

    private static Task<Snapshot> SnapshotAsync(CoreHost host) => host.RunAsync<IServiceProvider, Snapshot>(SnapshotAsync);

    /// <summary>"Taggar: ”now” → ”in the file”": the merge's tag now, the merged-away one in the file.</summary>
    private static void AssertTagsChange(string line)
    {
        StringAssert.StartsWith(line, "Taggar: ”");
        var (now, file) = (line.Split(" → ")[0], line.Split(" → ")[1]);
        StringAssert.Contains(now, TargetTag, line);
        Assert.IsFalse(now.Contains(MergedTag, StringComparison.Ordinal), line);
        StringAssert.Contains(file, MergedTag, line);
    }

    [TestMethod]
    public async Task An_export_taken_before_a_tag_merge_is_reported_as_conflicts_in_Swedish_and_changes_nothing()
    {
        await using var host = await SeededHostAsync();
        var folder = TestPaths.NewTempFolder();
        Assert.AreEqual(SyncCommand.Ok, (await RunAsync(host, "export", "--out", folder)).ExitCode);
        StringAssert.Contains(await File.ReadAllTextAsync(Path.Combine(folder, "content/pages/kontakt.yml")), "\nversion: 1\nversionId: ");
        await MergeAsync(host);
        var merged = await SnapshotAsync(host);
        var affected = merged.Items.Where(i => i.Value.Tags.Contains(TargetTag, StringComparison.Ordinal) && !i.Value.Tags.Contains(MergedTag, StringComparison.Ordinal)).ToList();

        var (code, output) = await RunAsync(host, "import", "--from", folder, "--publish");

        Assert.AreEqual(SyncCommand.Conflicts, code, output);
        var conflicts = output.Split('\n').Where(l => l.EndsWith(": konflikt: har ändrats sedan filen togs fram och lämnas som den är", StringComparison.Ordinal)).ToList();
        Assert.AreEqual(4, conflicts.Count, output);
        StringAssert.Contains(output, "  Filen exporterades från version 1, men innehållet har ändrats sedan dess. Senaste versionen är 2, sparad ");
        StringAssert.Contains(output, $"av Greta Granskare: ”Taggen ”{MergedTag}” slogs ihop med ”{TargetTag}””.");
        foreach (var tags in output.Split('\n').Where(l => l.StartsWith("  Taggar: ”", StringComparison.Ordinal)))
        {
            AssertTagsChange(tags["  ".Length..]);
        }
        Assert.IsFalse(output.Contains("tags[", StringComparison.Ordinal), "field names are Swedish, not JSON paths");
        StringAssert.Contains(output, $"taxonomies/tags.yml: ”{MergedTag}” läggs inte till igen: taggen har bytt namn till eller slagits ihop med ”{TargetTag}”");
        StringAssert.Contains(output, "0 uppdateras, ");
        StringAssert.Contains(output, " 5 konflikter som lämnas som de är, ");
        StringAssert.Contains(output, "5 konflikter: ändrat sedan filerna togs fram och lämnas som det är. Kör med --overwrite för att skriva över.");

        var after = await SnapshotAsync(host);
        CollectionAssert.AreEquivalent(merged.Items.ToList(), after.Items.ToList(), "no item changed");
        CollectionAssert.AreEqual(merged.Tags, after.Tags, "the merged tag is not brought back");
        Assert.AreEqual(4, affected.Count);
    }

    [TestMethod]
    public async Task The_same_stale_export_is_applied_when_the_import_is_told_to_overwrite()
    {
        await using var host = await SeededHostAsync();
        var folder = TestPaths.NewTempFolder();
        await RunAsync(host, "export", "--out", folder);
        var before = await SnapshotAsync(host);
        await MergeAsync(host);

        var (code, output) = await RunAsync(host, "import", "--from", folder, "--publish", "--overwrite");

        Assert.AreEqual(SyncCommand.Ok, code, output);
        Assert.AreEqual(4, output.Split('\n').Count(l => l.EndsWith(": uppdateras och skriver över nyare ändringar, publiceras", StringComparison.Ordinal)), output);
        StringAssert.Contains(output, $"”{MergedTag}” läggs till igen");
        var after = await SnapshotAsync(host);
        CollectionAssert.AreEqual(before.Tags, after.Tags, "the tag is back");
        CollectionAssert.AreEquivalent(before.Items.ToDictionary(i => i.Key, i => i.Value.Tags).ToList(), after.Items.ToDictionary(i => i.Key, i => i.Value.Tags).ToList(),
            "every item carries the file's tags again");
        var redirects = await host.QueryAsync(db => db.TagRedirects.CountAsync());
        Assert.AreEqual(0, redirects, "the tag that is back has its own address again");
    }

    [TestMethod]
    public async Task A_file_without_a_version_counts_as_taken_from_the_version_it_equals()
    {
        await using var host = await SeededHostAsync();
        await MergeAsync(host);
        // The repository's seed files name no version: an older export, or files written by hand.
        var folder = TestPaths.CopyFolder(TestPaths.SeedFolder);
        var kontakt = Path.Combine(folder, "content/pages/kontakt.yml");
        await File.WriteAllTextAsync(kontakt, (await File.ReadAllTextAsync(kontakt)).Replace("title: Kontakt\n", "title: Kontakta redaktionen\n", StringComparison.Ordinal));

        var (code, output) = await RunAsync(host, "import", "--from", folder, "--dry-run");

        Assert.AreEqual(SyncCommand.Conflicts, code, output);
        Assert.AreEqual(4, output.Split('\n').Count(l => l.StartsWith("  Filen har samma innehåll som version 1, men innehållet har ändrats sedan dess.", StringComparison.Ordinal)), output);
        StringAssert.Contains(output, "content/pages/kontakt.yml: uppdateras\n  Titel: ”Kontakt” → ”Kontakta redaktionen”\n", "a file that equals no earlier version is new text, applied as before");
        StringAssert.Contains(output, "Provkörning: inget har ändrats.");
    }

    [TestMethod]
    public async Task The_back_office_shows_conflicts_with_Swedish_field_names_and_overwrites_only_when_ticked()
    {
        var uploads = TestPaths.NewTempFolder();
        using var factory = new PortalFactory(settings: new Dictionary<string, string?> { ["Sync:UploadFolder"] = uploads });
        await factory.CreateUserAsync("konflikt.admin@example.se", PortalRoles.Administrator, "Ada Admin");
        var admin = await factory.SignInAsync("konflikt.admin@example.se");
        var zip = await SyncBackOfficeTests.ExportAsync(admin);
        await factory.WithScopeAsync(MergeAsync);
        var merged = await factory.WithScopeAsync(SnapshotAsync);

        using var upload = await SyncBackOfficeTests.UploadAsync(admin, zip);

        var page = await new HtmlParser().ParseDocumentAsync(await upload.Content.ReadAsStringAsync());
        var conflicts = page.QuerySelectorAll("table.sync-plan tbody tr.sync-conflict");
        Assert.AreEqual(4, conflicts.Length, page.QuerySelector("main")!.TextContent);
        var first = conflicts[0];
        StringAssert.StartsWith(first.QuerySelectorAll("td")[1].TextContent.Trim(), "konflikt: har ändrats sedan filen togs fram och lämnas som den är");
        StringAssert.Contains(first.QuerySelector(".sync-changed-since")!.TextContent, "Filen exporterades från version 1");
        var change = first.QuerySelector(".sync-changes li")!.TextContent.Trim();
        AssertTagsChange(change);
        StringAssert.Contains(page.QuerySelector(".sync-tag-conflicts")!.TextContent, $"”{MergedTag}” läggs inte till igen");
        Assert.IsNull(page.QuerySelector("form.sync-apply"), "nothing else to change");
        StringAssert.Contains(page.QuerySelector(".sync-conflicts-hint")!.TextContent, "ladda upp zip-filen igen");
        Assert.IsNotNull(page.QuerySelector("label[for='usync-skriv-over']"));
        CollectionAssert.AreEquivalent(merged.Items.ToList(), (await factory.WithScopeAsync(SnapshotAsync)).Items.ToList());

        using var overwrite = await SyncBackOfficeTests.UploadAsync(admin, zip, overwrite: true);
        var report = await new HtmlParser().ParseDocumentAsync(await overwrite.Content.ReadAsStringAsync());
        Assert.AreEqual(0, report.QuerySelectorAll("tr.sync-conflict").Length);
        var form = report.QuerySelector("form.sync-apply")!;
        var fields = form.QuerySelectorAll("input[type='hidden']").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value")!);
        Assert.AreEqual("true", fields["overwrite"]);
        using var apply = await admin.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), new FormUrlEncodedContent(fields));

        Assert.AreEqual(HttpStatusCode.SeeOther, apply.StatusCode);
        var after = await factory.WithScopeAsync(SnapshotAsync);
        Assert.AreEqual(4, after.Items.Count(i => i.Value.Tags.Contains(MergedTag, StringComparison.Ordinal)), "the four items carry the file's tags in a new version");
        CollectionAssert.Contains(after.Tags, MergedTag);
    }
}
