using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.Sync;

/// <summary>Innehåll som filer: administrators export a zip, upload one, see the plan and apply it.</summary>
[TestClass]
public sealed class SyncBackOfficeTests
{
    private const string Url = "/redaktion/innehall-som-filer";
    private const string AdminEmail = "filer.admin@example.se";
    private const string EditorEmail = "filer.redaktor@example.se";

    private static async Task<(PortalFactory Factory, HttpClient Admin, string Uploads)> StartAsync()
    {
        var uploads = TestPaths.NewTempFolder();
        var factory = new PortalFactory(settings: new Dictionary<string, string?> { ["Sync:UploadFolder"] = uploads });
        await factory.CreateUserAsync(AdminEmail, PortalRoles.Administrator, "Filip Filer");
        await factory.CreateUserAsync(EditorEmail, PortalRoles.Editor, "Rut Redaktör");
        return (factory, await factory.SignInAsync(AdminEmail), uploads);
    }

    internal static async Task<byte[]> ExportAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri(Url + "?handler=Export", UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("application/zip", response.Content.Headers.ContentType!.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    internal static byte[] Rewrite(byte[] zip, Action<ZipArchive> change)
    {
        var buffer = new MemoryStream();
        buffer.Write(zip);
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            change(archive);
        }
        return buffer.ToArray();
    }

    internal static void Replace(ZipArchive archive, string path, Func<string, string> edit)
    {
        var entry = archive.GetEntry(path)!;
        string text;
        using (var reader = new StreamReader(entry.Open()))
        {
            text = reader.ReadToEnd();
        }
        entry.Delete();
        using var writer = new StreamWriter(archive.CreateEntry(path).Open());
        writer.Write(edit(text));
    }

    internal static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] zip, bool publish = true, bool overwrite = false)
    {
        var token = await Forms.TokenAsync(client, Url);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(publish ? "true" : "false"), "publish" },
        };
        if (overwrite)
        {
            content.Add(new StringContent("true"), "overwrite");
        }
        var file = new ByteArrayContent(zip);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        content.Add(file, "file", "usync.zip");
        return await client.PostAsync(new Uri(Url + "?handler=Upload", UriKind.Relative), content);
    }

    private static Task<List<string>> TitlesAsync(PortalFactory factory) =>
        factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().PublishedContent.AsNoTracking().OrderBy(p => p.ItemId).Select(p => p.Title).ToListAsync());

    private static Task<int> VersionCountAsync(PortalFactory factory) =>
        factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().ContentVersions.CountAsync());

    [TestMethod]
    public async Task A_zip_round_trip_reports_the_edited_field_and_applies_exactly_that_plan()
    {
        var (factory, admin, uploads) = await StartAsync();
        using var _ = factory;
        var zip = await ExportAsync(admin);
        var edited = Rewrite(zip, a => Replace(a, "content/pages/kontakt.yml",
            text => string.Join('\n', text.Split('\n').Select(l => l.StartsWith("  title:", StringComparison.Ordinal) ? "  title: Kontakta redaktionen" : l))));
        var versions = await VersionCountAsync(factory);

        using var upload = await UploadAsync(admin, edited);

        Assert.AreEqual(HttpStatusCode.OK, upload.StatusCode);
        var page = await new HtmlParser().ParseDocumentAsync(await upload.Content.ReadAsStringAsync());
        var rows = page.QuerySelectorAll("table.sync-plan tbody tr");
        var changed = rows.Where(r => !r.QuerySelectorAll("td")[1].TextContent.Contains("oförändrad", StringComparison.Ordinal)).ToList();
        Assert.AreEqual(1, changed.Count, page.QuerySelector("table.sync-plan")!.TextContent);
        Assert.AreEqual("content/pages/kontakt.yml", changed[0].QuerySelector("th")!.TextContent.Trim());
        Assert.AreEqual("uppdateras, skickas på granskning", changed[0].QuerySelectorAll("td")[1].TextContent.Trim(), "four-eyes: another reviewer publishes");
        Assert.AreEqual("Titel: ”Kontakt” → ”Kontakta redaktionen”", changed[0].QuerySelectorAll("td")[2].TextContent.Trim());
        Assert.AreEqual(versions, await VersionCountAsync(factory), "the report changes nothing");
        Assert.AreEqual(1, Directory.GetDirectories(uploads).Length);

        var form = page.QuerySelector("form.sync-apply")!;
        var fields = form.QuerySelectorAll("input[type='hidden']").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value")!);
        using var apply = await admin.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), new FormUrlEncodedContent(fields));

        Assert.AreEqual(HttpStatusCode.SeeOther, apply.StatusCode);
        Assert.AreEqual(versions + 1, await VersionCountAsync(factory));
        CollectionAssert.DoesNotContain(await TitlesAsync(factory), "Kontakta redaktionen", "the live version stays until another reviewer approves");
        var state = await factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().ContentItems.AsNoTracking().Where(i => i.Title == "Kontakta redaktionen").Select(i => i.State).SingleAsync());
        Assert.AreEqual(EHalsostodet.Core.Workflow.WorkflowState.InReview, state);
        Assert.AreEqual(0, Directory.GetDirectories(uploads).Length, "the upload is removed once applied");
        var done = await admin.GetPageAsync(Url);
        StringAssert.Contains(done.MainText(), "Importen är genomförd");
    }

    [TestMethod]
    public async Task An_unchanged_export_reports_nothing_to_change()
    {
        var (factory, admin, _) = await StartAsync();
        using var __ = factory;

        using var upload = await UploadAsync(admin, await ExportAsync(admin));

        var page = await new HtmlParser().ParseDocumentAsync(await upload.Content.ReadAsStringAsync());
        Assert.IsNull(page.QuerySelector("form.sync-apply"));
        StringAssert.Contains(page.QuerySelector("main")!.TextContent, "Inget att ändra");
    }

    [TestMethod]
    [DataRow("../utanfor.yml")]
    [DataRow("content/../../utanfor.yml")]
    [DataRow("/etc/utanfor.yml")]
    [DataRow("content/pages/skript.cshtml")]
    public async Task Archives_with_paths_outside_the_folder_or_other_file_types_are_refused(string entryName)
    {
        var (factory, admin, uploads) = await StartAsync();
        using var _ = factory;
        var zip = Rewrite(await ExportAsync(admin), a =>
        {
            using var writer = new StreamWriter(a.CreateEntry(entryName).Open());
            writer.Write("id: x");
        });
        var versions = await VersionCountAsync(factory);

        using var upload = await UploadAsync(admin, zip);

        var page = await new HtmlParser().ParseDocumentAsync(await upload.Content.ReadAsStringAsync());
        Assert.IsNotNull(page.QuerySelector("main [role='alert']"));
        StringAssert.Contains(page.QuerySelector("main [role='alert']")!.TextContent, "Inget har packats upp");
        Assert.AreEqual(0, Directory.GetFileSystemEntries(uploads).Length);
        Assert.IsFalse(File.Exists(Path.Combine(Path.GetDirectoryName(uploads)!, "utanfor.yml")));
        Assert.AreEqual(versions, await VersionCountAsync(factory));
    }

    [TestMethod]
    public async Task A_malformed_file_is_shown_with_path_and_line_and_cannot_be_applied()
    {
        var (factory, admin, _) = await StartAsync();
        using var __ = factory;
        var zip = Rewrite(await ExportAsync(admin), a => Replace(a, "content/pages/om.yml", text => text.Replace("type: page", "type: [page", StringComparison.Ordinal)));
        var titles = await TitlesAsync(factory);

        using var upload = await UploadAsync(admin, zip);

        var page = await new HtmlParser().ParseDocumentAsync(await upload.Content.ReadAsStringAsync());
        StringAssert.Contains(page.QuerySelector("ul.sync-problems")!.TextContent, "content/pages/om.yml:2:");
        Assert.IsNull(page.QuerySelector("form.sync-apply"));
        CollectionAssert.AreEqual(titles, await TitlesAsync(factory));
    }

    [TestMethod]
    public async Task Only_administrators_see_and_use_the_page()
    {
        var (factory, admin, _) = await StartAsync();
        using var __ = factory;
        var editor = await factory.SignInAsync(EditorEmail);

        using var forbidden = await editor.GetAsync(new Uri(Url, UriKind.Relative));
        using var forbiddenExport = await editor.GetAsync(new Uri(Url + "?handler=Export", UriKind.Relative));
        var editorHome = await editor.GetPageAsync("/redaktion");
        var adminHome = await admin.GetPageAsync("/redaktion");

        Assert.AreNotEqual(HttpStatusCode.OK, forbidden.StatusCode);
        Assert.AreNotEqual(HttpStatusCode.OK, forbiddenExport.StatusCode);
        Assert.IsFalse(editorHome.QuerySelectorAll("nav a").Any(a => a.GetAttribute("href") == Url));
        Assert.IsTrue(adminHome.QuerySelectorAll("nav a").Any(a => a.GetAttribute("href") == Url));
    }
}
