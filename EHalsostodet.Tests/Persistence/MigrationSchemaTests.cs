using EHalsostodet.Core.Persistence;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EHalsostodet.Tests.Persistence;

[TestClass]
[TestCategory(TestDatabase.SqliteOnly)]
public sealed class MigrationSchemaTests
{
    private static PortalDbContext Context(string path) => new(new DbContextOptionsBuilder<PortalDbContext>()
        .UseSqlite($"Data Source={path}")
        .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning))
        .Options);

    [TestMethod]
    public async Task The_migrated_schema_matches_the_ef_model()
    {
        var folder = TestPaths.NewTempFolder();
        var migratedPath = Path.Combine(folder, "migrated.db");
        var modelPath = Path.Combine(folder, "model.db");
        await using (var migrated = Context(migratedPath))
        {
            await migrated.Database.MigrateAsync();
        }
        await using (var model = Context(modelPath))
        {
            await model.Database.EnsureCreatedAsync();
        }

        var expected = await DescribeAsync(modelPath);
        var actual = await DescribeAsync(migratedPath);

        Assert.IsTrue(expected.Count > 20, "the model describes its tables");
        CollectionAssert.AreEqual(expected, actual,
            "Skillnad mellan migreringarna och EF-modellen:\n" +
            string.Join('\n', expected.Except(actual).Select(l => "saknas: " + l).Concat(actual.Except(expected).Select(l => "extra:  " + l))));
    }

    [TestMethod]
    public async Task The_migrations_leave_no_full_text_tables_behind()
    {
        var path = Path.Combine(TestPaths.NewTempFolder(), "fts.db");
        await using (var db = Context(path))
        {
            await db.Database.MigrateAsync();
        }
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        var fts = await ReadAsync(connection, "SELECT name FROM sqlite_master WHERE sql LIKE '%fts5%' OR name LIKE '%search_index%'", r => r.GetString(0));
        Assert.IsEmpty(fts, "search lives in Lucene index files, not in the database");
    }

    [TestMethod]
    public async Task Every_migration_is_applied_and_none_is_pending()
    {
        var path = Path.Combine(TestPaths.NewTempFolder(), "p.db");
        await using var db = Context(path);
        await db.Database.MigrateAsync();

        Assert.AreEqual(0, (await db.Database.GetPendingMigrationsAsync()).Count());
        CollectionAssert.AreEqual(db.Database.GetMigrations().ToList(), (await db.Database.GetAppliedMigrationsAsync()).ToList());
    }

    /// <summary>Tables, columns (type, nullability, key), indexes and foreign keys as sorted lines.</summary>
    private static async Task<List<string>> DescribeAsync(string path)
    {
        var lines = new List<string>();
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        var tables = await ReadAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock')", r => r.GetString(0));
        foreach (var table in tables)
        {
            lines.AddRange(await ReadAsync(connection, $"PRAGMA table_info(\"{table}\")",
                r => $"{table} column {r.GetString(1)} {r.GetString(2)} notnull={r.GetInt32(3)} pk={r.GetInt32(5)}"));
            lines.AddRange(await ReadAsync(connection, $"PRAGMA foreign_key_list(\"{table}\")",
                r => $"{table} fk {r.GetString(3)} -> {r.GetString(2)}.{r.GetString(4)} on delete {r.GetString(6)}"));
            var indexes = await ReadAsync(connection, $"PRAGMA index_list(\"{table}\")", r => (Name: r.GetString(1), Unique: r.GetInt32(2), Origin: r.GetString(3)));
            foreach (var index in indexes.Where(i => i.Origin == "c"))
            {
                var columns = await ReadAsync(connection, $"PRAGMA index_info(\"{index.Name}\")", r => r.GetString(2));
                lines.Add($"{table} index {index.Name} unique={index.Unique} ({string.Join(", ", columns)})");
            }
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static async Task<List<T>> ReadAsync<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> read)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var result = new List<T>();
        while (await reader.ReadAsync())
        {
            result.Add(read(reader));
        }
        return result;
    }
}
