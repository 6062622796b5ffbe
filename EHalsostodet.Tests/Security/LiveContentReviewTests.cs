using System.Net;
using AngleSharp.Html.Parser;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Sync;
using EHalsostodet.Core.Taxonomy;
using EHalsostodet.Core.Workflow;
using EHalsostodet.Tests.Infrastructure;
using EHalsostodet.Tests.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.Security;

/// <summary>
/// Changes to live content go through review (issue 15, finding 8): a Redaktör cannot rename,
/// merge or delete a tag that published content carries (that would republish it at once); a
/// back-office import with "publish" sends the content to review in the administrator's name;
/// the command line names its operator.
/// </summary>
[TestClass]
public sealed class LiveContentReviewTests
{
    private const string TagsUrl = "/redaktion/taggar";
    private const string SyncUrl = "/redaktion/innehall-som-filer";

    private static Task<Tag> LiveTagAsync(PortalFactory factory) =>
        factory.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            var slug = await db.PublishedFacets.AsNoTracking().Where(f => f.Facet == EHalsostodet.Core.Publishing.FacetNames.Tag).OrderBy(f => f.Value).Select(f => f.Value).FirstAsync();
            return await db.Tags.AsNoTracking().SingleAsync(t => t.Slug == slug);
        });

    /// <summary>The newest audit entry so far; what a test does comes after it.</summary>
    private static async Task<long> LastAuditIdAsync(PortalFactory factory) =>
        await factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().AuditEntries.MaxAsync(a => (long?)a.Id)) ?? 0;

    private static Task<int> VersionCountAsync(PortalFactory factory) =>
        factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().ContentVersions.CountAsync());

    private static async Task<HttpResponseMessage> PostTagFormAsync(HttpClient client, string handler, Dictionary<string, string> fields)
    {
        // Built by hand: the page offers a Redaktör no form for a live tag, but a request can still be forged.
        fields["__RequestVerificationToken"] = await Forms.TokenAsync(client, TagsUrl);
        return await client.PostAsync(new Uri($"{TagsUrl}?handler={handler}", UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    [TestMethod]
    public async Task A_Redaktor_cannot_rename_merge_or_delete_a_tag_on_published_content_and_a_Granskare_can()
    {
        using var factory = new PortalFactory();
        await factory.CreateUserAsync("live.redaktor@example.se", PortalRoles.Editor, "Rita Redaktör");
        await factory.CreateUserAsync("live.granskare@example.se", PortalRoles.Reviewer, "Gustav Granskare");
        var editor = await factory.SignInAsync("live.redaktor@example.se");
        var reviewer = await factory.SignInAsync("live.granskare@example.se");
        var tag = await LiveTagAsync(factory);
        var other = await factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().Tags.AsNoTracking().FirstAsync(t => t.Id != tag.Id));
        var versions = await VersionCountAsync(factory);

        var page = await editor.GetPageAsync(TagsUrl);
        var row = page.QuerySelectorAll("main table tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == tag.Name);
        Assert.IsNull(row.QuerySelector("form"), "no forms for a live tag");
        StringAssert.Contains(row.TextContent, "en Granskare eller Administratör kan ändra den");

        foreach (var (handler, fields) in new (string, Dictionary<string, string>)[]
        {
            ("Rename", new() { ["tagId"] = tag.Id.ToString(), ["newName"] = "Omdöpt av redaktör" }),
            ("Merge", new() { ["tagId"] = tag.Id.ToString(), ["targetId"] = other.Id.ToString() }),
            ("Delete", new() { ["tagId"] = tag.Id.ToString(), ["removeFromContent"] = "true" }),
        })
        {
            using var refused = await PostTagFormAsync(editor, handler, fields);
            Assert.AreEqual(HttpStatusCode.Forbidden, refused.StatusCode, handler);
            var alert = (await new HtmlParser().ParseDocumentAsync(await refused.Content.ReadAsStringAsync())).QuerySelector("main [role='alert']")!.TextContent;
            StringAssert.Contains(alert, "Bara en Granskare eller Administratör kan");
            StringAssert.Contains(alert, "publicerat");
        }
        Assert.AreEqual(versions, await VersionCountAsync(factory), "nothing changed");
        Assert.AreEqual(tag.Name, (await factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().Tags.AsNoTracking().SingleAsync(t => t.Id == tag.Id))).Name);

        using var renamed = await PostTagFormAsync(reviewer, "Rename", new() { ["tagId"] = tag.Id.ToString(), ["newName"] = "Omdöpt av granskare" });
        Assert.AreEqual(HttpStatusCode.SeeOther, renamed.StatusCode);
        var audit = await factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.Comment.Contains("Omdöpt av granskare")).ToListAsync());
        Assert.IsTrue(audit.Any(a => a.Action == AuditLog.Published), "live content was published again");
        Assert.IsTrue(audit.All(a => a.UserName == "Gustav Granskare"), string.Join(", ", audit.Select(a => a.UserName)));
    }

    [TestMethod]
    public async Task A_Redaktor_may_rename_a_tag_that_only_drafts_carry()
    {
        using var factory = new PortalFactory();
        await factory.CreateUserAsync("utkast.redaktor@example.se", PortalRoles.Editor, "Rita Redaktör");
        var editor = await factory.SignInAsync("utkast.redaktor@example.se");
        var tagId = await factory.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            var row = await db.PublishedContent.AsNoTracking().Where(p => p.Type == ContentType.Story).OrderBy(p => p.Slug).FirstAsync();
            var story = ContentDocumentSerializer.Deserialize<StoryDocument>(row.DocumentJson);
            var tag = new Tag { Id = Guid.NewGuid(), Name = "Utkastord", Slug = "utkastord" };
            db.Tags.Add(tag);
            await db.SaveChangesAsync();
            var saved = await s.GetRequiredService<ContentStore>().CreateAsync(ContentType.Story,
                story with { Slug = "ett-utkast-med-egen-tagg", Title = "Ett utkast med egen tagg", Tags = ["Utkastord"] },
                new ContentAuthor(null, "Test"), "Utkast");
            Assert.IsInstanceOfType<SaveResult.Saved>(saved);
            return tag.Id;
        });

        using var renamed = await PostTagFormAsync(editor, "Rename", new() { ["tagId"] = tagId.ToString(), ["newName"] = "Utkastordet" });

        Assert.AreEqual(HttpStatusCode.SeeOther, renamed.StatusCode);
        Assert.AreEqual("Utkastordet", (await factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().Tags.AsNoTracking().SingleAsync(t => t.Id == tagId))).Name);
    }

    [TestMethod]
    public async Task A_back_office_import_with_publish_goes_to_review_in_the_administrators_name_and_another_reviewer_publishes_it()
    {
        var uploads = TestPaths.NewTempFolder();
        using var factory = new PortalFactory(settings: new Dictionary<string, string?> { ["Sync:UploadFolder"] = uploads });
        var adminId = await factory.CreateUserAsync("import.admin@example.se", PortalRoles.Administrator, "Ingrid Importör");
        await factory.CreateUserAsync("import.granskare@example.se", PortalRoles.Reviewer, "Gustav Granskare");
        var admin = await factory.SignInAsync("import.admin@example.se");
        var zip = SyncBackOfficeTests.Rewrite(await SyncBackOfficeTests.ExportAsync(admin), a => SyncBackOfficeTests.Replace(a, "content/pages/kontakt.yml",
            text => string.Join('\n', text.Split('\n').Select(l => l.StartsWith("  title:", StringComparison.Ordinal) ? "  title: Kontakta oss på portalen" : l))));
        var since = await LastAuditIdAsync(factory);

        using var upload = await SyncBackOfficeTests.UploadAsync(admin, zip, publish: true);
        var form = (await new HtmlParser().ParseDocumentAsync(await upload.Content.ReadAsStringAsync())).QuerySelector("form.sync-apply")!;
        var fields = form.QuerySelectorAll("input[type='hidden']").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value")!);
        using var apply = await admin.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), new FormUrlEncodedContent(fields));
        Assert.AreEqual(HttpStatusCode.SeeOther, apply.StatusCode);

        var (item, entries) = await factory.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            var item = await db.ContentItems.AsNoTracking().SingleAsync(i => i.Title == "Kontakta oss på portalen");
            return (item, await db.AuditEntries.AsNoTracking().Where(a => a.ItemId == item.Id && a.Id > since).OrderBy(a => a.Id).ToListAsync());
        });
        Assert.AreEqual(WorkflowState.InReview, item.State, "not published by the importer alone");
        Assert.AreNotEqual(item.LatestVersionId, item.PublishedVersionId);
        CollectionAssert.AreEqual(new[] { AuditLog.Saved, WorkflowAction.Submit.Key() }, entries.Select(e => e.Action).ToArray());
        Assert.IsTrue(entries.All(e => e.UserName == "Ingrid Importör" && e.UserId == adminId), string.Join(", ", entries.Select(e => e.UserName)));
        var version = await factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().ContentVersions.AsNoTracking().SingleAsync(v => v.Id == item.LatestVersionId));
        Assert.AreEqual("Ingrid Importör", version.AuthorName);

        var asAdmin = new WorkflowActor(adminId, "Ingrid Importör", new HashSet<string> { PortalRoles.Administrator });
        var selfApproval = await factory.WithScopeAsync(s => s.GetRequiredService<WorkflowService>().ExecuteAsync(item.Id, WorkflowAction.Approve, asAdmin, new WorkflowRequest(), CancellationToken.None));
        Assert.IsInstanceOfType<WorkflowResult.Forbidden>(selfApproval, "four-eyes: the importer cannot approve their own import");
        var reviewerId = await factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().Users.Where(u => u.Email == "import.granskare@example.se").Select(u => u.Id).SingleAsync());
        var approved = await factory.WithScopeAsync(s => s.GetRequiredService<WorkflowService>().ExecuteAsync(item.Id, WorkflowAction.Approve,
            new WorkflowActor(reviewerId, "Gustav Granskare", new HashSet<string> { PortalRoles.Reviewer }), new WorkflowRequest(), CancellationToken.None));
        Assert.IsInstanceOfType<WorkflowResult.Done>(approved);
        var page = await factory.CreateBrowserClient().GetPageAsync("/kontakt");
        StringAssert.Contains(page.QuerySelector("h1")!.TextContent, "Kontakta oss på portalen");
    }

    [TestMethod]
    public async Task Without_four_eyes_the_back_office_import_publishes_and_every_audit_entry_names_the_administrator()
    {
        var uploads = TestPaths.NewTempFolder();
        using var factory = new PortalFactory(settings: new Dictionary<string, string?> { ["Sync:UploadFolder"] = uploads, ["Workflow:FourEyes"] = "false" });
        var adminId = await factory.CreateUserAsync("import2.admin@example.se", PortalRoles.Administrator, "Ingrid Importör");
        var admin = await factory.SignInAsync("import2.admin@example.se");
        var zip = SyncBackOfficeTests.Rewrite(await SyncBackOfficeTests.ExportAsync(admin), a => SyncBackOfficeTests.Replace(a, "content/pages/kontakt.yml",
            text => string.Join('\n', text.Split('\n').Select(l => l.StartsWith("  title:", StringComparison.Ordinal) ? "  title: Kontakta oss direkt" : l))));
        var since = await LastAuditIdAsync(factory);

        using var upload = await SyncBackOfficeTests.UploadAsync(admin, zip, publish: true);
        var form = (await new HtmlParser().ParseDocumentAsync(await upload.Content.ReadAsStringAsync())).QuerySelector("form.sync-apply")!;
        var fields = form.QuerySelectorAll("input[type='hidden']").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value")!);
        using var apply = await admin.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), new FormUrlEncodedContent(fields));
        Assert.AreEqual(HttpStatusCode.SeeOther, apply.StatusCode);

        var entries = await factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().AuditEntries.AsNoTracking().Where(a => a.Id > since).OrderBy(a => a.Id).ToListAsync());
        CollectionAssert.AreEqual(new[] { AuditLog.Saved, AuditLog.Published }, entries.Select(e => e.Action).ToArray(), string.Join(", ", entries.Select(e => $"{e.ItemTitle}: {e.Action} ({e.UserName})")));
        Assert.IsTrue(entries.All(e => e.UserName == "Ingrid Importör" && e.UserId == adminId), string.Join(", ", entries.Select(e => e.UserName)));
        Assert.IsFalse(entries.Any(e => e.UserName.Contains("Innehållsimport", StringComparison.Ordinal)));
    }

    [TestMethod]
    public async Task The_command_line_import_names_its_operator_or_the_command_line_and_the_OS_user()
    {
        await using var host = await CoreHost.StartAsync();
        var output = new StringWriter();
        Assert.AreEqual(SyncCommand.Ok, await host.RunAsync<SyncCommand, int>(c => c.RunAsync(
            ["import", "--from", TestPaths.SeedFolder, "--publish", "--operator", "Olle Operatör"], output, CancellationToken.None)), output.ToString());
        var folder = TestPaths.CopyFolder(TestPaths.SeedFolder);
        var path = Path.Combine(folder, "content/pages/kontakt.yml");
        await File.WriteAllTextAsync(path, string.Join('\n', (await File.ReadAllTextAsync(path)).Split('\n')
            .Select(l => l.StartsWith("  title:", StringComparison.Ordinal) ? "  title: Kontakt via kommandoraden" : l)));
        Assert.AreEqual(SyncCommand.Ok, await host.RunAsync<SyncCommand, int>(c => c.RunAsync(["import", "--from", folder, "--publish"], output, CancellationToken.None)), output.ToString());

        var names = await host.QueryAsync(db => db.AuditEntries.AsNoTracking().Select(a => new { a.Action, a.UserName, a.ItemTitle }).ToListAsync());
        var first = names.Where(n => n.ItemTitle != "Kontakt via kommandoraden").ToList();
        Assert.IsTrue(first.Count > 0 && first.All(n => n.UserName == "Olle Operatör (kommandorad, usync import)"), string.Join(", ", first.Select(n => n.UserName).Distinct()));
        Assert.IsTrue(first.Any(n => n.Action == AuditLog.Published), "publishing is in the audit log too");
        var second = names.Where(n => n.ItemTitle == "Kontakt via kommandoraden").ToList();
        CollectionAssert.AreEquivalent(new[] { AuditLog.Saved, AuditLog.Published }, second.Select(n => n.Action).ToArray());
        Assert.IsTrue(second.All(n => n.UserName == $"Kommandorad (usync import), användaren {Environment.UserName}"), string.Join(", ", second.Select(n => n.UserName)));

        using var empty = new StringWriter();
        Assert.AreEqual(SyncCommand.Usage, await host.RunAsync<SyncCommand, int>(c => c.RunAsync(["import", "--from", folder, "--operator", " "], empty, CancellationToken.None)));
    }
}
