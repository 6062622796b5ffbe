using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Email;
using EHalsostodet.Core.Export;
using EHalsostodet.Core.Instances;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Core.Workflow;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static EHalsostodet.Tests.Api.ManagementClient;
using static EHalsostodet.Tests.Export.ExportFiles;

namespace EHalsostodet.Tests.Instances;

/// <summary>
/// Two instances of the portal on one PostgreSQL database, as behind a load balancer: what one
/// publishes the other shows at once, its caches are evicted, scheduled work happens once, and a
/// sign-in on one holds on the other.
/// </summary>
// Its deadlines (a change shows on the other instance within a second) are measured alone on the machine.
[TestClass]
[DoNotParallelize]
[TestCategory(TestDatabase.PostgresOnly)]
public sealed class TwoInstancesTests
{
    private const string EditorEmail = "redaktor-instanser@example.se";
    private const string ReviewerEmail = "granskare-instanser@example.se";

    private static readonly TestClock Clock = new();
    private static PortalFactory first = null!;
    private static PortalFactory second = null!;

    [ClassInitialize]
    public static async Task Start(TestContext context)
    {
        first = new PortalFactory(clock: Clock);
        // The first instance migrates and seeds the database before the second one starts on it.
        _ = first.Services;
        second = new PortalFactory(clock: Clock, settings: new Dictionary<string, string?>(first.Database.Settings));
        _ = second.Services;
        await first.CreateUserAsync(EditorEmail, PortalRoles.Editor);
        await first.CreateUserAsync(ReviewerEmail, PortalRoles.Reviewer);
    }

    [ClassCleanup]
    public static void Stop()
    {
        second.Dispose();
        first.Dispose();
    }

    [TestMethod]
    public async Task A_story_approved_on_one_instance_is_on_the_others_page_and_in_its_search_within_a_second()
    {
        using var editor = await first.BearerClientAsync(EditorEmail);
        using var reviewer = await first.BearerClientAsync(ReviewerEmail);
        var id = await CreateStoryAsync(editor, "Larmkedjan i Zetaby");
        await ActOkAsync(editor, id, "submit");
        Assert.IsNull(await PublicStoryTextAsync(second, "larmkedjan-i-zetaby"));
        using var visitor = second.CreateClient();
        Assert.IsFalse(await SearchFindsAsync(visitor, "Zetaby", "Larmkedjan i Zetaby"));

        await ActOkAsync(reviewer, id, "approve");

        var shown = await WithinAsync(TimeSpan.FromSeconds(1), async () =>
            await PublicStoryTextAsync(second, "larmkedjan-i-zetaby") == "Larmkedjan i Zetaby" &&
            await SearchFindsAsync(visitor, "Zetaby", "Larmkedjan i Zetaby"));
        Assert.IsTrue(shown, "the second instance shows the story and finds it within a second");
    }

    [TestMethod]
    public async Task A_synonym_added_on_one_instance_works_in_the_others_search_within_a_second()
    {
        using var visitor = second.CreateClient();
        async Task<int> TotalAsync() =>
            (await visitor.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/api/v1/search?q=blixtgodis"))!["total"]!.GetValue<int>();
        Assert.AreEqual(0, await TotalAsync(), "the made-up word finds nothing before");

        var added = await first.WithScopeAsync(s => s.GetRequiredService<EHalsostodet.Core.Search.Tuning.SearchTuningService>()
            .AddSynonymGroupAsync("blixtgodis, samtycke", CancellationToken.None));
        Assert.IsTrue(added.Succeeded, added.Message);

        Assert.IsTrue(await WithinAsync(TimeSpan.FromSeconds(1), async () => await TotalAsync() > 0),
            "the second instance finds through the new synonym within a second");
    }

    [TestMethod]
    public Task A_cached_export_on_one_instance_is_evicted_within_a_second_when_the_other_publishes_a_new_version() =>
        AssertExportEvictedAcrossAsync(skip: 3, newTitle: "Ny rubrik från första instansen");

    [TestMethod]
    public async Task A_listener_whose_connection_drops_listens_again()
    {
        var before = await ListenerPidsAsync();
        Assert.HasCount(2, before, "each instance listens on a connection of its own");
        // An export kept on the second instance, which the reconnection must clear: changes may have been missed meanwhile.
        var cache = second.Services.GetRequiredService<ExportCache>();
        var kept = await first.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().PublishedContent.AsNoTracking()
            .Where(p => p.Type == ContentType.Story).OrderBy(p => p.Slug).Skip(5).Select(p => p.Slug).FirstAsync());
        using (var visitor = second.CreateClient())
        {
            await DownloadAsync(visitor, $"/berattelser/{kept}/pdf", "application/pdf");
        }
        Assert.IsGreaterThan(0, cache.Count);
        await OnServerAsync("SELECT count(pg_terminate_backend(pid))::int FROM pg_stat_activity WHERE pid = ANY(@pids)", before.ToArray());

        // The cache is cleared only after LISTEN has run on the new connection, so then nothing published later is missed.
        Assert.IsTrue(await WithinAsync(TimeSpan.FromSeconds(15), async () =>
        {
            var now = await ListenerPidsAsync();
            return now.Count == 2 && !now.Overlaps(before) && cache.Count == 0;
        }), "both instances listen again on new connections, and the second has cleared its cache");
        await AssertExportEvictedAcrossAsync(skip: 4, newTitle: "Rubrik efter återanslutningen");
    }

    /// <summary>An export cached on the second instance is evicted within a second of the first publishing a new version.</summary>
    private static async Task AssertExportEvictedAcrossAsync(int skip, string newTitle)
    {
        var row = await first.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().PublishedContent.AsNoTracking()
            .Where(p => p.Type == ContentType.Story).OrderBy(p => p.Slug).Skip(skip).FirstAsync());
        var cache = second.Services.GetRequiredService<ExportCache>();
        using var visitor = second.CreateClient();
        var before = cache.Count;
        var old = await DownloadAsync(visitor, $"/berattelser/{row.Slug}/pdf", "application/pdf");
        Assert.AreEqual(before + 1, cache.Count, "the second instance keeps the export");

        await first.WithScopeAsync(async s =>
        {
            var item = await s.GetRequiredService<PortalDbContext>().ContentItems.SingleAsync(i => i.Id == row.ItemId);
            var story = ContentDocumentSerializer.Deserialize<StoryDocument>(row.DocumentJson) with { Title = newTitle };
            var saved = (SaveResult.Saved)await s.GetRequiredService<ContentStore>().SaveAsync(item.Id, story, item.LatestVersionId, new ContentAuthor("u1", "Redaktör"), "Ny rubrik");
            await s.GetRequiredService<ContentPublisher>().PublishAsync(item, saved.Version, CancellationToken.None);
            return true;
        });

        Assert.IsTrue(await WithinAsync(TimeSpan.FromSeconds(1), () => Task.FromResult(cache.Count == before)),
            "the second instance evicts its cached export when told by the first");
        var fresh = await DownloadAsync(visitor, $"/berattelser/{row.Slug}/pdf", "application/pdf");
        StringAssert.Contains(PdfText(fresh), newTitle);
        Assert.DoesNotContain(newTitle, PdfText(old));
    }

    /// <summary>The server processes of the two instances' listening connections.</summary>
    private static async Task<HashSet<int>> ListenerPidsAsync()
    {
        var database = new NpgsqlConnectionStringBuilder(first.Database.ConnectionString).Database;
        await using var connection = new NpgsqlConnection(TestDatabase.ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pid FROM pg_stat_activity WHERE datname = @database AND application_name = @name", connection);
        command.Parameters.AddWithValue("database", database!);
        command.Parameters.AddWithValue("name", PostgresContentChangeListener.ApplicationName);
        var pids = new HashSet<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            pids.Add(reader.GetInt32(0));
        }
        return pids;
    }

    private static async Task OnServerAsync(string sql, int[] pids)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("pids", pids);
        await command.ExecuteScalarAsync();
    }

    [TestMethod]
    public async Task A_scheduled_unpublish_run_by_both_instances_at_once_happens_once()
    {
        using var editor = await first.BearerClientAsync(EditorEmail);
        using var reviewer = await second.BearerClientAsync(ReviewerEmail);
        var id = await CreateStoryAsync(editor, "Tillfällig i Zetaby");
        await ActOkAsync(editor, id, "submit");
        await ActOkAsync(reviewer, id, "approve");
        var unpublishAt = Clock.GetUtcNow().AddMinutes(10).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        Assert.AreEqual("published", await ActOkAsync(reviewer, id, "unpublish", new { unpublishAt }));
        Clock.Advance(TimeSpan.FromMinutes(11));

        var changed = await Task.WhenAll(RunDueSchedulesAsync(first), RunDueSchedulesAsync(second), RunDueSchedulesAsync(first), RunDueSchedulesAsync(second));

        Assert.AreEqual(1, changed.Sum(), "one run unpublished the story, the others found nothing due");
        var audit = await first.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.ItemId == id && a.Comment == "Schemalagd avpublicering").CountAsync());
        Assert.AreEqual(1, audit);
        Assert.AreEqual("unpublished", await StateAsync(editor, id));
        Assert.IsNull(await PublicStoryTextAsync(first, "tillfallig-i-zetaby"));
        Assert.IsNull(await PublicStoryTextAsync(second, "tillfallig-i-zetaby"));
    }

    [TestMethod]
    public async Task A_queued_mail_dispatched_by_both_instances_at_once_is_sent_once()
    {
        var subject = "Instansbrev " + Guid.NewGuid().ToString("N");
        await first.WithScopeAsync(async s =>
        {
            s.GetRequiredService<EmailOutbox>().Enqueue("mottagare@example.se", subject, "Hej!");
            return await s.GetRequiredService<PortalDbContext>().SaveChangesAsync();
        });

        await Task.WhenAll(DispatchAsync(first), DispatchAsync(second), DispatchAsync(first), DispatchAsync(second));

        var mails = (await first.DispatchAndReadMailAsync()).Concat(await second.DispatchAndReadMailAsync());
        Assert.AreEqual(1, mails.Count(m => m.Contains(subject, StringComparison.Ordinal)), "one .eml across both instances");
    }

    [TestMethod]
    public async Task A_sign_in_on_one_instance_holds_on_the_other()
    {
        var cookies = new CookieContainer();
        using var onFirst = first.CreateDefaultClient(new CookieContainerHandler(cookies));
        using var onSecond = second.CreateDefaultClient(new CookieContainerHandler(cookies));
        using (var anonymous = await onSecond.GetAsync(new Uri("/redaktion", UriKind.Relative)))
        {
            Assert.AreEqual(HttpStatusCode.Redirect, anonymous.StatusCode, "not signed in yet");
        }

        using var signIn = await Forms.PostAsync(onFirst, "/redaktion/logga-in", new Dictionary<string, string> { ["Email"] = EditorEmail, ["Password"] = PortalFactory.Password });
        Assert.AreEqual(HttpStatusCode.Redirect, signIn.StatusCode);

        var dashboard = await onSecond.GetPageAsync("/redaktion");
        StringAssert.Contains(dashboard.MainText(), "Översikt");
        var stored = await second.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().DataProtectionKeys.AsNoTracking().Select(k => k.Xml!).ToListAsync());
        foreach (var key in first.Services.GetRequiredService<IKeyManager>().GetAllKeys())
        {
            Assert.IsTrue(stored.Any(xml => xml.Contains(key.KeyId.ToString("D"), StringComparison.Ordinal)), $"key {key.KeyId} is in the shared database");
        }
    }

    private static Task<int> RunDueSchedulesAsync(PortalFactory factory) =>
        Task.Run(() => factory.WithScopeAsync(s => s.GetRequiredService<WorkflowService>().RunDueSchedulesAsync(CancellationToken.None)));

    private static Task<int> DispatchAsync(PortalFactory factory) =>
        Task.Run(() => factory.WithScopeAsync(s => s.GetRequiredService<EmailDispatcher>().DispatchPendingAsync(CancellationToken.None)));

    private static async Task<bool> SearchFindsAsync(HttpClient client, string query, string title)
    {
        var page = await client.GetPageAsync($"/sok?q={Uri.EscapeDataString(query)}");
        return page.Texts(".search-hits .card-title").Contains(title);
    }

    /// <summary>Checks the condition until it holds or the time is up; never waits a fixed time.</summary>
    private static async Task<bool> WithinAsync(TimeSpan limit, Func<Task<bool>> condition)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (await condition())
            {
                return true;
            }
            if (watch.Elapsed > limit)
            {
                return false;
            }
            await Task.Delay(25);
        }
    }
}
