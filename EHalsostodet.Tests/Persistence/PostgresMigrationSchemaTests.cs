using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EHalsostodet.Tests.Persistence;

/// <summary>The hand-written migrations give PostgreSQL exactly the schema the EF model describes.</summary>
[TestClass]
[TestCategory(TestDatabase.PostgresOnly)]
public sealed class PostgresMigrationSchemaTests
{
    [TestMethod]
    public async Task The_migrated_schema_matches_the_ef_model()
    {
        using var migrated = new TestDatabase(TestPaths.NewTempFolder());
        using var model = new TestDatabase(TestPaths.NewTempFolder());
        await using (var db = migrated.CreateContext())
        {
            await db.Database.MigrateAsync();
        }
        await using (var db = model.CreateContext())
        {
            await db.Database.EnsureCreatedAsync();
        }

        var expected = await DescribeAsync(model.ConnectionString);
        var actual = await DescribeAsync(migrated.ConnectionString);

        Assert.IsTrue(expected.Count > 20, "the model describes its tables");
        CollectionAssert.AreEqual(expected, actual,
            "Skillnad mellan migreringarna och EF-modellen:\n" +
            string.Join('\n', expected.Except(actual).Select(l => "saknas: " + l).Concat(actual.Except(expected).Select(l => "extra:  " + l))));
    }

    [TestMethod]
    public async Task Every_migration_is_applied_and_none_is_pending()
    {
        using var database = new TestDatabase(TestPaths.NewTempFolder());
        await using var db = database.CreateContext();
        await db.Database.MigrateAsync();

        Assert.AreEqual(0, (await db.Database.GetPendingMigrationsAsync()).Count());
        CollectionAssert.AreEqual(db.Database.GetMigrations().ToList(), (await db.Database.GetAppliedMigrationsAsync()).ToList());
    }

    /// <summary>Columns (type, nullability, default identity), indexes and foreign keys as sorted lines.</summary>
    private static async Task<List<string>> DescribeAsync(string connectionString)
    {
        const string ownTables = "table_schema = 'public' AND table_name NOT LIKE '\\_\\_EF%' AND table_name NOT LIKE 'search\\_index%' AND table_name NOT LIKE 'editorial\\_search\\_index%'";
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var lines = new List<string>();
        lines.AddRange(await ReadAsync(connection, $"""
            SELECT table_name || ' column ' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '')
                   || ' nullable=' || is_nullable || ' identity=' || is_identity
            FROM information_schema.columns WHERE {ownTables}
            """));
        lines.AddRange(await ReadAsync(connection, """
            SELECT tablename || ' index ' || indexname || ' ' || regexp_replace(indexdef, '^.* USING ', '')
            FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT LIKE '\_\_EF%'
              AND tablename NOT LIKE 'search\_index%' AND tablename NOT LIKE 'editorial\_search\_index%'
            """));
        lines.AddRange(await ReadAsync(connection, $"""
            SELECT tc.table_name || ' fk ' || tc.constraint_name || ' on delete ' || rc.delete_rule
            FROM information_schema.table_constraints tc
            JOIN information_schema.referential_constraints rc ON rc.constraint_name = tc.constraint_name
            WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.{ownTables}
            """));
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static async Task<List<string>> ReadAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var result = new List<string>();
        while (await reader.ReadAsync())
        {
            result.Add(reader.GetString(0));
        }
        return result;
    }
}
