using System.Net;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Media;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Tests.Infrastructure;
using EHalsostodet.Web.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static EHalsostodet.Tests.Api.ManagementClient;

namespace EHalsostodet.Tests.Operations;

/// <summary>The backup command copies a running portal's database and media; a new portal starts on the copy.</summary>
[TestClass]
public sealed class BackupTests
{
    private sealed record ItemSnapshot(Guid Id, string Title, string State, Guid? Published, Guid? Latest, int Versions);

    private static async Task<List<ItemSnapshot>> SnapshotAsync(PortalFactory portal)
    {
        List<ItemSnapshot> items = [];
        await portal.WithDbAsync(async db =>
            items = (await db.ContentItems.AsNoTracking()
                    .Select(i => new { i.Id, i.Title, i.State, i.PublishedVersionId, i.LatestVersionId, Versions = db.ContentVersions.Count(v => v.ItemId == i.Id) })
                    .ToListAsync())
                .Select(i => new ItemSnapshot(i.Id, i.Title, i.State.ToString(), i.PublishedVersionId, i.LatestVersionId, i.Versions))
                .OrderBy(i => i.Id).ToList());
        return items;
    }

    [TestMethod]
    [TestCategory(TestDatabase.SqliteOnly)]
    public async Task A_portal_started_on_the_backup_has_every_item_with_its_versions_and_images()
    {
        var backupFolder = TestPaths.NewTempFolder();
        var target = Path.Combine(backupFolder, "ehalsostodet-backup.db");
        List<ItemSnapshot> original;
        Guid imageId;
        using (var portal = new PortalFactory(settings: new Dictionary<string, string?> { ["Workflow:FourEyes"] = "false" }))
        {
            await portal.CreateUserAsync("granskare@backup.example.se", PortalRoles.Reviewer);
            using var reviewer = await portal.BearerClientAsync("granskare@backup.example.se");
            var published = await CreateStoryAsync(reviewer, "Säkerhetskopierad berättelse");
            await ActOkAsync(reviewer, published, "submit");
            await ActOkAsync(reviewer, published, "approve");
            using (var newer = await PutTitleAsync(reviewer, published, 1, "Säkerhetskopierad berättelse, nytt utkast"))
            {
                Assert.IsTrue(newer.IsSuccessStatusCode);
            }
            await CreateStoryAsync(reviewer, "Utkast i säkerhetskopian");
            using (var upload = await reviewer.PostAsync(new Uri($"{Prefix}/media", UriKind.Relative),
                Media.MediaLibraryTests.Upload(Media.TestImages.Png(40, 30), "bild.png", "image/png", "En bild i säkerhetskopian")))
            {
                var body = await upload.Content.ReadAsStringAsync();
                Assert.AreEqual(HttpStatusCode.Created, upload.StatusCode, body);
                imageId = System.Text.Json.Nodes.JsonNode.Parse(body)!["id"]!.GetValue<Guid>();
            }
            original = await SnapshotAsync(portal);

            // The portal keeps serving while the backup runs.
            using var visitor = portal.CreateClient();
            var serving = Task.Run(async () =>
            {
                for (var i = 0; i < 5; i++)
                {
                    using var page = await visitor.GetAsync(new Uri("/berattelser/sakerhetskopierad-berattelse", UriKind.Relative));
                    Assert.AreEqual(HttpStatusCode.OK, page.StatusCode);
                }
            });
            using var output = new StringWriter();
            var exitCode = await portal.WithScopeAsync(s => s.GetRequiredService<BackupCommand>().RunAsync([target], output, CancellationToken.None));
            await serving;
            Assert.AreEqual(0, exitCode, output.ToString());
            StringAssert.Contains(output.ToString(), "Databasen är säkerhetskopierad");
        }

        Assert.IsTrue(File.Exists(target));
        Assert.IsTrue(Directory.GetFiles(target + ".media", $"{imageId:N}*").Length > 0, "the image is copied with the database");

        using var restored = new PortalFactory(settings: new Dictionary<string, string?>
        {
            ["ConnectionStrings:Sqlite"] = $"Data Source={target}",
            ["Media:Folder"] = target + ".media",
        });
        using var client = restored.CreateClient();
        var copy = await SnapshotAsync(restored);
        Assert.AreEqual(original.Count, copy.Count);
        CollectionAssert.AreEqual(original, copy);
        Assert.IsTrue(copy.Any(i => i.Title == "Utkast i säkerhetskopian" && i.Published is null && i.Versions == 1));
        Assert.IsTrue(copy.Any(i => i.Title == "Säkerhetskopierad berättelse, nytt utkast" && i.Published is not null && i.Versions == 2));

        Assert.AreEqual("Säkerhetskopierad berättelse", await PublicStoryTextAsync(restored, "sakerhetskopierad-berattelse"));
        Assert.IsNull(await PublicStoryTextAsync(restored, "utkast-i-sakerhetskopian"));
        using var image = await client.GetAsync(new Uri($"/media/{imageId}/original", UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.OK, image.StatusCode);

        // The restored portal writes into the backup's media folder until it stops.
        restored.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(backupFolder, recursive: true);
    }

    [TestMethod]
    public async Task With_postgres_the_command_refuses_and_points_to_pg_dump()
    {
        var command = new BackupCommand(null!, Options.Create(new DatabaseOptions { Provider = "Postgres" }),
            Options.Create(new MediaOptions()), new MediaContentRoot(TestPaths.NewTempFolder()));
        using var output = new StringWriter();

        var exitCode = await command.RunAsync(["backup.db"], output, CancellationToken.None);

        Assert.AreEqual(2, exitCode);
        StringAssert.Contains(output.ToString(), "pg_dump");
        Assert.IsFalse(File.Exists("backup.db"));
    }

    [TestMethod]
    [TestCategory(TestDatabase.PostgresOnly)]
    public async Task A_portal_on_postgres_refuses_and_points_to_pg_dump()
    {
        var target = Path.Combine(TestPaths.NewTempFolder(), "kopia.db");
        using var output = new StringWriter();

        var exitCode = await SeededPortal.Factory.WithScopeAsync(s => s.GetRequiredService<BackupCommand>().RunAsync([target], output, CancellationToken.None));

        Assert.AreEqual(2, exitCode);
        StringAssert.Contains(output.ToString(), "pg_dump");
        Assert.IsFalse(File.Exists(target));
    }

    [TestMethod]
    [TestCategory(TestDatabase.SqliteOnly)]
    public async Task An_existing_target_is_never_overwritten()
    {
        var target = Path.Combine(TestPaths.NewTempFolder(), "finns.db");
        await File.WriteAllTextAsync(target, "gammal kopia");
        using var output = new StringWriter();

        var exitCode = await SeededPortal.Factory.WithScopeAsync(s => s.GetRequiredService<BackupCommand>().RunAsync([target], output, CancellationToken.None));

        Assert.AreEqual(2, exitCode);
        Assert.AreEqual("gammal kopia", await File.ReadAllTextAsync(target));
    }
}
