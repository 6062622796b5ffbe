using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Search.Tuning;
using EHalsostodet.Core.Sync;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.Sync;

/// <summary>The search synonyms as uSync/search/synonyms.yml: seeded, exported, imported with a report, refused with problems.</summary>
[TestClass]
public sealed class SyncSynonymsTests
{
    private const string Url = "/redaktion/innehall-som-filer";
    private const string AdminEmail = "synonymer.admin@example.se";

    private static async Task<(PortalFactory Factory, HttpClient Admin)> StartAsync()
    {
        var factory = new PortalFactory(settings: new Dictionary<string, string?> { ["Sync:UploadFolder"] = TestPaths.NewTempFolder() });
        await factory.CreateUserAsync(AdminEmail, PortalRoles.Administrator, "Sylvia Synonym");
        return (factory, await factory.SignInAsync(AdminEmail));
    }

    private static async Task<byte[]> ExportWithSynonymsAsync(HttpClient admin, Func<string, string> edit, Action<ZipArchive>? more = null)
    {
        using var response = await admin.GetAsync(new Uri(Url + "?handler=Export", UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var buffer = new MemoryStream();
        buffer.Write(await response.Content.ReadAsByteArrayAsync());
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = archive.GetEntry(SyncFolder.SynonymsFile) ?? throw new AssertFailedException("the export has no synonym file");
            string text;
            using (var reader = new StreamReader(entry.Open()))
            {
                text = reader.ReadToEnd();
            }
            entry.Delete();
            using (var writer = new StreamWriter(archive.CreateEntry(SyncFolder.SynonymsFile).Open()))
            {
                writer.Write(edit(text));
            }
            more?.Invoke(archive);
        }
        return buffer.ToArray();
    }

    private static async Task<AngleSharp.Dom.IDocument> UploadAsync(HttpClient admin, byte[] zip)
    {
        var token = await Forms.TokenAsync(admin, Url);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("true"), "publish" },
        };
        var file = new ByteArrayContent(zip);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        content.Add(file, "file", "usync.zip");
        using var response = await admin.PostAsync(new Uri(Url + "?handler=Upload", UriKind.Relative), content);
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    private static Task<List<string>> GroupsAsync(PortalFactory factory) =>
        factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().Set<SearchSynonym>().AsNoTracking().OrderBy(g => g.Id).Select(g => g.Words).ToListAsync());

    private static async Task<int> TotalAsync(PortalFactory factory, string query)
    {
        using var response = await factory.CreateClient().GetAsync(new Uri("/api/v1/search?q=" + Uri.EscapeDataString(query), UriKind.Relative));
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["total"]!.GetValue<int>();
    }

    private static async Task<(int Code, string Output)> RunAsync(CoreHost host, params string[] args)
    {
        var output = new StringWriter();
        var code = await host.RunAsync<SyncCommand, int>(c => c.RunAsync(args, output, CancellationToken.None));
        return (code, output.ToString());
    }

    [TestMethod]
    public async Task An_upload_with_a_broken_synonym_file_reports_file_and_line_and_changes_nothing()
    {
        var (factory, admin) = await StartAsync();
        using var _ = factory;
        var groups = await GroupsAsync(factory);
        var titles = await factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().PublishedContent.AsNoTracking().OrderBy(p => p.ItemId).Select(p => p.Title).ToListAsync());
        var zip = await ExportWithSynonymsAsync(admin, _ => """
            # Trasig fil
            - qwzxvk, samtycke
            - robot
            - samtycke, medgivande
            - bra, , dåligt
            """, archive =>
        {
            var entry = archive.GetEntry("content/pages/kontakt.yml")!;
            string text;
            using (var reader = new StreamReader(entry.Open()))
            {
                text = reader.ReadToEnd();
            }
            entry.Delete();
            using var writer = new StreamWriter(archive.CreateEntry("content/pages/kontakt.yml").Open());
            writer.Write(text.Replace("title: Kontakt", "title: Kontakta oss", StringComparison.Ordinal));
        });

        var page = await UploadAsync(admin, zip);

        var problems = page.QuerySelector("ul.sync-problems")!.TextContent;
        StringAssert.Contains(problems, "search/synonyms.yml:3: Skriv minst två olika ord");
        StringAssert.Contains(problems, "search/synonyms.yml:4: ”samtycke” finns också i gruppen på rad 2");
        StringAssert.Contains(problems, "search/synonyms.yml:5: Ett av orden är tomt");
        Assert.IsNull(page.QuerySelector("form.sync-apply"));
        CollectionAssert.AreEqual(groups, await GroupsAsync(factory));
        CollectionAssert.AreEqual(titles, await factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().PublishedContent.AsNoTracking().OrderBy(p => p.ItemId).Select(p => p.Title).ToListAsync()));
        Assert.AreEqual(0, await TotalAsync(factory, "qwzxvk"));

        var notAList = await UploadAsync(admin, await ExportWithSynonymsAsync(admin, _ => "robot: automat\n"));
        StringAssert.Contains(notAList.QuerySelector("ul.sync-problems")!.TextContent, "search/synonyms.yml:1: Filen ska vara en lista");
        var notYaml = await UploadAsync(admin, await ExportWithSynonymsAsync(admin, _ => "- robot, automat\n- [inte stängd\n"));
        StringAssert.Contains(notYaml.QuerySelector("ul.sync-problems")!.TextContent, "search/synonyms.yml:");
        CollectionAssert.AreEqual(groups, await GroupsAsync(factory));
    }

    [TestMethod]
    public async Task An_upload_reports_created_updated_and_unchanged_groups_and_applying_takes_effect_at_once()
    {
        var (factory, admin) = await StartAsync();
        using var _ = factory;
        var groups = await GroupsAsync(factory);
        var zip = await ExportWithSynonymsAsync(admin, text => text.Replace("- chatt, chat\n", "- chatt, chat, chattjänst\n", StringComparison.Ordinal) + "- qwzxvk, samtycke\n");

        var page = await UploadAsync(admin, zip);

        var rows = page.QuerySelectorAll("table.sync-synonyms tbody tr")
            .ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelectorAll("td")[1].TextContent.Trim());
        Assert.AreEqual(groups.Count + 1, rows.Count);
        Assert.AreEqual("skapas", rows["qwzxvk, samtycke"]);
        Assert.AreEqual("uppdateras (var: ”chatt, chat”)", rows["chatt, chat, chattjänst"]);
        Assert.AreEqual("oförändrad", rows["robot, automat"]);
        StringAssert.Contains(page.QuerySelector(".sync-summary")!.TextContent, "2 synonymgrupper nya eller ändrade");
        CollectionAssert.AreEqual(groups, await GroupsAsync(factory), "the report changes nothing");
        Assert.AreEqual(0, await TotalAsync(factory, "qwzxvk"));

        var form = page.QuerySelector("form.sync-apply")!;
        var fields = form.QuerySelectorAll("input[type='hidden']").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value")!);
        using var apply = await admin.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), new FormUrlEncodedContent(fields));

        Assert.AreEqual(HttpStatusCode.SeeOther, apply.StatusCode);
        var after = await GroupsAsync(factory);
        CollectionAssert.Contains(after, "chatt, chat, chattjänst");
        CollectionAssert.Contains(after, "qwzxvk, samtycke");
        CollectionAssert.DoesNotContain(after, "chatt, chat");
        Assert.AreEqual(groups.Count + 1, after.Count);
        Assert.IsGreaterThan(0, await TotalAsync(factory, "qwzxvk"), "the imported synonym works without a restart");
    }

    [TestMethod]
    public async Task Export_writes_the_seed_synonyms_as_they_were_and_import_reports_each_changed_group_by_line()
    {
        await using var host = await CoreHost.StartAsync();
        Assert.AreEqual(SyncCommand.Ok, (await RunAsync(host, "import", "--from", TestPaths.SeedFolder, "--publish")).Code);
        var folder = TestPaths.NewTempFolder();

        var (code, output) = await RunAsync(host, "export", "--out", folder);

        Assert.AreEqual(SyncCommand.Ok, code, output);
        var seed = await File.ReadAllTextAsync(Path.Combine(TestPaths.SeedFolder, SyncFolder.SynonymsFile));
        var exported = await File.ReadAllTextAsync(Path.Combine(folder, SyncFolder.SynonymsFile));
        Assert.AreEqual(seed, exported, "an export of the seed writes the seed file");
        StringAssert.Contains(output, $"{seed.Split('\n').Count(l => l.StartsWith("- ", StringComparison.Ordinal))} synonymgrupper");

        var lines = exported.Split('\n').ToList();
        var robot = lines.IndexOf("- robot, automat");
        lines[robot] = "- robot, automat, maskin";
        lines.Insert(lines.Count - 1, "- qwzxvk, samtycke");
        await File.WriteAllTextAsync(Path.Combine(folder, SyncFolder.SynonymsFile), string.Join('\n', lines));
        var groups = await host.QueryAsync(db => db.Set<SearchSynonym>().OrderBy(g => g.Id).Select(g => g.Words).ToListAsync());

        var dryRun = await RunAsync(host, "import", "--from", folder, "--dry-run");

        Assert.AreEqual(SyncCommand.Ok, dryRun.Code, dryRun.Output);
        StringAssert.Contains(dryRun.Output, $"search/synonyms.yml:{robot + 1}: ”robot, automat, maskin” uppdateras (var: ”robot, automat”)\n");
        StringAssert.Contains(dryRun.Output, $"search/synonyms.yml:{robot + 2}: ”läkemedel, medicin” oförändrad\n");
        StringAssert.Contains(dryRun.Output, $"search/synonyms.yml:{lines.Count - 1}: ”qwzxvk, samtycke” skapas\n");
        StringAssert.Contains(dryRun.Output, "och 2 synonymgrupper nya eller ändrade");
        CollectionAssert.AreEqual(groups, await host.QueryAsync(db => db.Set<SearchSynonym>().OrderBy(g => g.Id).Select(g => g.Words).ToListAsync()));

        var import = await RunAsync(host, "import", "--from", folder);

        Assert.AreEqual(SyncCommand.Ok, import.Code, import.Output);
        var after = await host.QueryAsync(db => db.Set<SearchSynonym>().Select(g => g.Words).ToListAsync());
        CollectionAssert.Contains(after, "robot, automat, maskin");
        CollectionAssert.Contains(after, "qwzxvk, samtycke");
        CollectionAssert.DoesNotContain(after, "robot, automat");
        Assert.AreEqual(groups.Count + 1, after.Count);
        StringAssert.Contains((await RunAsync(host, "import", "--from", folder)).Output, "Inget att ändra.");
    }

    [TestMethod]
    public void A_group_that_shares_words_with_two_groups_replaces_both_and_each_group_is_claimed_once()
    {
        var records = new[] { "robot, automat, maskin", "verktyg, redskap", "kamera, kameratillsyn" }
            .Select((text, i) => new SynonymRecord(i + 1, SynonymGroupRules.Parse(text)))
            .ToList();
        var existing = new List<SearchSynonym>
        {
            new() { Id = 1, Words = "robot, automat" },
            new() { Id = 2, Words = "maskin, apparatur, verktyg" },
            new() { Id = 3, Words = "kamera, kameratillsyn" },
        };

        var plan = SyncSynonyms.Plan(records, existing);

        Assert.AreEqual(SyncAction.Update, plan[0].Action);
        CollectionAssert.AreEqual(new[] { 1, 2 }, plan[0].Replaces.Select(r => r.Id).ToArray());
        Assert.AreEqual(SyncAction.Create, plan[1].Action, "the group it shares ”verktyg” with is already replaced by line 1");
        Assert.AreEqual(SyncAction.Unchanged, plan[2].Action);
    }
}
