using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Sync;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.Sync;

/// <summary>
/// Hostile YAML in uSync files (an alias "billion laughs", 10,000 levels of nesting, a million tiny
/// values) is refused with a Swedish problem naming the file and line, before it can take memory:
/// each test checks what the refusal allocated, not how long it took.
/// </summary>
[TestClass]
public sealed class SyncYamlLimitsTests
{
    private const string Path = "content/stories/bomb.yml";

    /// <summary>Far below what any of these files would take if they were expanded or built.</summary>
    private const long SmallAllocation = 16 * 1024 * 1024;

    private static string Story(string documentBody) => $"""
        id: 5e0a0000-0000-4000-8000-0000000000bb
        type: story
        state: draft
        document:
          title: Bomb
          slug: bomb
        {documentBody}
        """;

    /// <summary>Nine levels of nine aliases: 9^9 (387 million) strings once expanded.</summary>
    public static string BillionLaughs()
    {
        var yaml = new StringBuilder("  lessons:\n    tips: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
        for (var level = 'b'; level <= 'i'; level++)
        {
            var previous = (char)(level - 1);
            yaml.Append("  ").Append(level).Append(level).Append(": &").Append(level).Append(" [")
                .AppendJoin(", ", Enumerable.Repeat("*" + previous, 9)).Append("]\n");
        }
        yaml.Append("  tags: *i");
        return Story(yaml.ToString());
    }

    public static string DeeplyNested(int levels) => Story("  tags: " + new string('[', levels) + new string(']', levels));

    public static string ManyValues(int count) => Story("  tags: [" + string.Join(',', Enumerable.Repeat("a", count)) + "]");

    private static (SyncFile? File, SyncProblem? Problem, long Allocated) Read(string yaml)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var (file, problem) = SyncFileReader.Read(Path, yaml);
        return (file, problem, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [TestMethod]
    public void A_billion_laughs_is_refused_at_its_first_anchor_without_expanding()
    {
        var (file, problem, allocated) = Read(BillionLaughs());

        Assert.IsNull(file);
        Assert.AreEqual(Path, problem!.RelativePath);
        Assert.AreEqual(8, problem.Line, problem.ToString());
        StringAssert.Contains(problem.Message, "YAML-ankare (&a) stöds inte");
        Assert.IsLessThan(SmallAllocation, allocated, $"{allocated} bytes allocated");
    }

    [TestMethod]
    public void An_alias_without_an_anchor_is_refused_too()
    {
        var (file, problem, _) = Read(Story("  tags: *nowhere"));

        Assert.IsNull(file);
        Assert.AreEqual(7, problem!.Line, problem.ToString());
        StringAssert.Contains(problem.Message, "YAML-alias (*nowhere) stöds inte");
    }

    [TestMethod]
    public void Ten_thousand_levels_of_nesting_are_refused_at_the_limit()
    {
        var (file, problem, allocated) = Read(DeeplyNested(10_000));

        Assert.IsNull(file);
        Assert.AreEqual(7, problem!.Line, problem.ToString());
        StringAssert.Contains(problem.Message, $"för djupt nästlad: högst {SyncYaml.MaxDepth} nivåer");
        Assert.IsLessThan(SmallAllocation, allocated, $"{allocated} bytes allocated");
    }

    [TestMethod]
    public void A_million_tiny_values_are_refused_without_being_parsed()
    {
        var (file, problem, allocated) = Read(ManyValues(1_000_000));

        Assert.IsNull(file);
        Assert.AreEqual(1, problem!.Line);
        StringAssert.Contains(problem.Message, "Filen är för stor");
        Assert.IsLessThan(SmallAllocation, allocated, $"{allocated} bytes allocated");
    }

    [TestMethod]
    public void Too_many_values_within_the_size_limit_are_refused_at_the_value_over_the_limit()
    {
        var yaml = ManyValues(SyncYaml.MaxNodes + 1000);
        Assert.IsLessThan(SyncYaml.MaxFileBytes, yaml.Length);

        var (file, problem, allocated) = Read(yaml);

        Assert.IsNull(file);
        Assert.AreEqual(7, problem!.Line, problem.ToString());
        StringAssert.Contains(problem.Message, $"för många värden: högst {SyncYaml.MaxNodes}");
        Assert.IsLessThan(4 * SmallAllocation, allocated, $"{allocated} bytes allocated");
    }

    [TestMethod]
    [DataRow("dubbel nyckel", "  title: En\n  title: Två")]
    [DataRow("lista som nyckel", "  ? [a, b]\n  : värde")]
    [DataRow("två dokument", "---\nid: x\n---\nid: y")]
    [DataRow("ostängd lista", "  tags: [a, b")]
    [DataRow("NUL-tecken", "  title: \"a\0b\"")]
    [DataRow("tabb som indrag", "\ttitle: x")]
    [DataRow("egen tagg", "  title: !!python/object:os.system echo")]
    [DataRow("enorma tal", "  period: { startYear: 99999999999999999999999999999999 }")]
    public void Broken_or_hostile_yaml_becomes_a_problem_with_a_line_never_an_exception(string what, string body)
    {
        var yaml = body.StartsWith("---", StringComparison.Ordinal) ? body : Story(body);

        var (file, problem) = SyncFileReader.Read(Path, yaml);

        // Either a harmless document (a tag is ignored; the document rules judge the rest) or a problem.
        Assert.IsTrue(file is not null ^ problem is not null, what);
        if (problem is not null)
        {
            Assert.IsGreaterThanOrEqualTo(1, problem.Line, what);
            Assert.IsTrue(problem.Message.Any(c => "åäöÅÄÖ".Contains(c)), $"{what}: {problem}");
        }
    }

    [TestMethod]
    public void A_null_entry_in_a_file_is_refused_by_the_document_rules_at_its_line()
    {
        var yaml = Story("  roles:\n    actors:\n      - name: Projektledare\n      - null");

        var (file, problem) = SyncFileReader.Read(Path, yaml);

        Assert.IsNull(problem, problem?.ToString());
        var error = DocumentValidator.Validate(file!.Document).Single();
        Assert.AreEqual("roles.actors[1]", error.Field);
        StringAssert.Contains(error.Message, "roles.actors[1] är tom (null)");
        Assert.AreEqual(10, file.LineOf(error.Field));
    }

    [TestMethod]
    public async Task The_import_command_refuses_a_bomb_in_any_file_and_changes_nothing()
    {
        await using var host = await CoreHost.StartAsync();
        var folder = TestPaths.NewTempFolder();
        try
        {
            Directory.CreateDirectory(System.IO.Path.Combine(folder, "content/stories"));
            Directory.CreateDirectory(System.IO.Path.Combine(folder, "content/pages"));
            Directory.CreateDirectory(System.IO.Path.Combine(folder, "taxonomies"));
            Directory.CreateDirectory(System.IO.Path.Combine(folder, "search"));
            await File.WriteAllTextAsync(System.IO.Path.Combine(folder, "content/pages/om.yml"), """
                id: 9a9e0000-0000-4000-8000-0000000000ab
                type: page
                state: published
                document:
                  title: Om
                  slug: om
                """);
            await File.WriteAllTextAsync(System.IO.Path.Combine(folder, Path), BillionLaughs());
            await File.WriteAllTextAsync(System.IO.Path.Combine(folder, "content/stories/djup.yml"), DeeplyNested(10_000));
            await File.WriteAllTextAsync(System.IO.Path.Combine(folder, "content/stories/stor.yml"), ManyValues(1_000_000));
            await File.WriteAllTextAsync(System.IO.Path.Combine(folder, SyncFolder.TagsFile), "- &t { name: Larm, slug: larm }\n- *t\n");
            await File.WriteAllTextAsync(System.IO.Path.Combine(folder, SyncFolder.MunicipalitiesFile), new string('[', 10_000) + new string(']', 10_000));
            await File.WriteAllTextAsync(System.IO.Path.Combine(folder, SyncFolder.SynonymsFile), "- &s robot, automat\n- *s\n");
            var output = new StringWriter();
            var before = GC.GetTotalAllocatedBytes(precise: true);

            var exit = await host.RunAsync<SyncCommand, int>(command => command.RunAsync(["import", "--from", folder, "--publish"], output, CancellationToken.None));

            var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            var text = output.ToString();
            Assert.AreEqual(SyncCommand.Problems, exit, text);
            StringAssert.Contains(text, "content/stories/bomb.yml:8: YAML-ankare (&a) stöds inte");
            StringAssert.Contains(text, "content/stories/djup.yml:7: Filen är för djupt nästlad");
            StringAssert.Contains(text, "content/stories/stor.yml:1: Filen är för stor");
            StringAssert.Contains(text, "taxonomies/tags.yml:1: YAML-ankare (&t) stöds inte");
            StringAssert.Contains(text, "taxonomies/municipalities.yml:1: Filen är för djupt nästlad");
            StringAssert.Contains(text, "search/synonyms.yml:1: YAML-ankare (&s) stöds inte");
            StringAssert.Contains(text, "Inget har ändrats");
            Assert.AreEqual(0, await host.CountAsync<ContentItem>(), "nothing is imported, not even the valid page");
            Assert.IsLessThan(256L * 1024 * 1024, allocated, $"{allocated} bytes allocated by the whole import");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public async Task The_upload_page_refuses_the_bombs_with_file_and_line_and_changes_nothing()
    {
        using var factory = new PortalFactory(settings: new Dictionary<string, string?> { ["Sync:UploadFolder"] = TestPaths.NewTempFolder() });
        await factory.CreateUserAsync("bomb.admin@example.se", PortalRoles.Administrator, "Bo Admin");
        var admin = await factory.SignInAsync("bomb.admin@example.se");
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in new[] { (Path, BillionLaughs()), ("content/stories/djup.yml", DeeplyNested(10_000)), ("content/stories/stor.yml", ManyValues(1_000_000)) })
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(text);
            }
        }
        var versions = await factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().ContentVersions.CountAsync());
        var token = await Forms.TokenAsync(admin, "/redaktion/innehall-som-filer");
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("true"), "publish" } };
        var file = new ByteArrayContent(buffer.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        content.Add(file, "file", "usync.zip");
        var before = GC.GetTotalAllocatedBytes(precise: true);

        using var response = await admin.PostAsync(new Uri("/redaktion/innehall-som-filer?handler=Upload", UriKind.Relative), content);

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var problems = page.QuerySelector("ul.sync-problems")!.TextContent;
        StringAssert.Contains(problems, "content/stories/bomb.yml:8: YAML-ankare (&a) stöds inte");
        StringAssert.Contains(problems, "content/stories/djup.yml:7: Filen är för djupt nästlad");
        StringAssert.Contains(problems, "content/stories/stor.yml:1: Filen är för stor");
        Assert.IsNull(page.QuerySelector("form.sync-apply"), "a plan with problems cannot be applied");
        Assert.AreEqual(versions, await factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().ContentVersions.CountAsync()));
        Assert.IsLessThan(256L * 1024 * 1024, allocated, $"{allocated} bytes allocated by the upload");
    }
}
