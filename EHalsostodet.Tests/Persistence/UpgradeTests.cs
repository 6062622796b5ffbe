using System.Data.Common;
using System.Net;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.Persistence;

/// <summary>
/// A database made by the first released version (schema InitialSchema, with a published story)
/// is brought up to date when the current portal starts, on the test run's provider, and its
/// content is served and found.
/// </summary>
[TestClass]
public sealed class UpgradeTests
{
    private const string FirstReleasedSchema = "20261122080000_InitialSchema";

    [TestMethod]
    public async Task A_database_at_the_first_released_schema_is_upgraded_at_start_and_keeps_its_content()
    {
        var story = await SeededPortal.Factory.WithScopeAsync(async s =>
            await s.GetRequiredService<PortalDbContext>().PublishedContent.AsNoTracking().FirstAsync(p => p.Type == ContentType.Story && p.MunicipalityCode != null));
        var municipality = await SeededPortal.Factory.WithScopeAsync(async s =>
            await s.GetRequiredService<PortalDbContext>().Municipalities.AsNoTracking().FirstAsync(m => m.Code == story.MunicipalityCode));

        using var portal = new PortalFactory(seedFolder: TestPaths.NewTempFolder());
        await using (var old = portal.Database.CreateContext())
        {
            await old.GetService<IMigrator>().MigrateAsync(FirstReleasedSchema);
            await using var connection = old.Database.GetDbConnection();
            await connection.OpenAsync();
            var sqlite = portal.Database.Provider == DatabaseProvider.Sqlite;
            // As EF stores them on each provider: SQLite keeps GUIDs as upper-case text.
            object Id(Guid id) => sqlite ? id.ToString().ToUpperInvariant() : id;
            var versionId = Guid.NewGuid();
            var now = DateTime.UtcNow;
            await ExecuteAsync(connection, "INSERT INTO municipalities (code, name, county, \"group\", is_example) VALUES (@p0, @p1, @p2, @p3, @p4)",
                municipality.Code, municipality.Name, municipality.County, municipality.Group, municipality.IsExample);
            await ExecuteAsync(connection, """
                INSERT INTO content_items (id, type, slug, title, state, latest_version_id, published_version_id, review_by, created_at, updated_at, concurrency_stamp)
                VALUES (@p0, 'Story', @p1, @p2, 'Published', @p3, @p3, @p4, @p5, @p5, @p6)
                """, Id(story.ItemId), story.Slug, story.Title, Id(versionId), DateOnly.FromDateTime(now.AddYears(1)), now, Id(Guid.NewGuid()));
            await ExecuteAsync(connection, """
                INSERT INTO content_versions (id, item_id, number, document_json, author_name, created_at, change_note)
                VALUES (@p0, @p1, 1, @p2, 'Redaktionen', @p3, '')
                """, Id(versionId), Id(story.ItemId), story.DocumentJson, now);
            await ExecuteAsync(connection, """
                INSERT INTO published_content (item_id, type, slug, title, teaser, version_id, document_json, municipality_code, first_published_at, published_at)
                VALUES (@p0, 'Story', @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p7)
                """, Id(story.ItemId), story.Slug, story.Title, story.Teaser, Id(versionId), story.DocumentJson, story.MunicipalityCode, now);
        }

        using var client = portal.CreateClient();
        using var page = await client.GetAsync($"/berattelser/{story.Slug}");
        var html = await page.Content.ReadAsStringAsync();
        var word = story.Title.Split(' ', StringSplitOptions.RemoveEmptyEntries).OrderByDescending(w => w.Length).First();
        using var search = await client.GetAsync($"/api/v1/search?q={Uri.EscapeDataString(word)}");
        var searchJson = await search.Content.ReadAsStringAsync();
        var pending = await portal.WithScopeAsync(async s => (await s.GetRequiredService<PortalDbContext>().Database.GetPendingMigrationsAsync()).Count());
        var addresses = await portal.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().ContentAddresses.AsNoTracking().ToListAsync());

        Assert.AreEqual(HttpStatusCode.OK, page.StatusCode, html);
        StringAssert.Contains(html, $"<h1>{story.Title}</h1>");
        Assert.AreEqual(0, pending, "every later migration is applied at start");
        StringAssert.Contains(searchJson, story.ItemId.ToString(), "the upgraded story is in the search index");
        Assert.AreEqual((ContentType.Story, story.Slug, story.ItemId), addresses.Select(a => (a.Type, a.Slug, a.ItemId)).Single(),
            "the live address of published content is its first known address, kept after a rename");
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, params object?[] values)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            parameter.Value = values[i] ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        await command.ExecuteNonQueryAsync();
    }
}
