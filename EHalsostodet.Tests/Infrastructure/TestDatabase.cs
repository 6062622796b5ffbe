using EHalsostodet.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace EHalsostodet.Tests.Infrastructure;

/// <summary>
/// A new database for one portal or core host, empty or a copy of a template, on the provider the
/// test run is for: SQLite by default, PostgreSQL when EHALSOSTODET_TEST_DATABASE=Postgres (test.sh
/// runs the whole suite once on each, with the server it starts in EHALSOSTODET_TEST_POSTGRES).
/// </summary>
internal sealed class TestDatabase : IDisposable
{
    /// <summary>Tests that only make sense on SQLite (its files) carry this category.</summary>
    public const string SqliteOnly = "SqliteOnly";

    /// <summary>Tests that need a PostgreSQL server carry this category.</summary>
    public const string PostgresOnly = "PostgresOnly";

    /// <summary>
    /// Test classes that never touch the run's database (no portal, no <see cref="TestDatabase"/>; at most an
    /// in-memory SQLite of their own) carry this category: they do the same in both runs, so only the SQLite run takes them.
    /// </summary>
    public const string NotUsed = "DatabaseNotUsed";

    /// <summary>The database file's name in its folder, in the SQLite test run.</summary>
    public const string SqliteFileName = "portal.db";

    private readonly string? postgresName;
    private readonly string? sqlitePath;

    /// <param name="folder">Where the SQLite file goes.</param>
    /// <param name="template">A database to copy, released first (<see cref="Release"/>).</param>
    public TestDatabase(string folder, TestDatabase? template = null)
    {
        Provider = RunProvider;
        if (Provider == DatabaseProvider.Postgres)
        {
            postgresName = "ehs_" + Guid.NewGuid().ToString("N");
            ExecuteOnServer(template is null ? $"CREATE DATABASE {postgresName}" : $"CREATE DATABASE {postgresName} TEMPLATE {template.postgresName}");
            ConnectionString = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = postgresName }.ToString();
        }
        else
        {
            sqlitePath = Path.Combine(folder, SqliteFileName);
            if (template is not null)
            {
                File.Copy(template.sqlitePath!, sqlitePath);
            }
            ConnectionString = $"Data Source={sqlitePath}";
        }
    }

    public static DatabaseProvider RunProvider { get; } =
        string.Equals(Environment.GetEnvironmentVariable("EHALSOSTODET_TEST_DATABASE"), "Postgres", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.Postgres
            : DatabaseProvider.Sqlite;

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("EHALSOSTODET_TEST_POSTGRES")
        ?? throw new InvalidOperationException("EHALSOSTODET_TEST_POSTGRES saknas: kör testerna med test.sh, som startar PostgreSQL.");

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The configuration a portal needs to run on this database.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings =>
        Provider == DatabaseProvider.Postgres
            ? [new("Database:Provider", "Postgres"), new("ConnectionStrings:Postgres", ConnectionString)]
            : [new("Database:Provider", "Sqlite"), new("ConnectionStrings:Sqlite", ConnectionString)];

    /// <summary>A context on this database outside any portal, e.g. to migrate it to an old schema.</summary>
    public PortalDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        _ = Provider == DatabaseProvider.Postgres ? options.UseNpgsql(ConnectionString) : options.UseSqlite(ConnectionString);
        return new PortalDbContext(options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning)).Options);
    }

    /// <summary>
    /// Closes this database's pooled connections so that it can be copied: PostgreSQL copies only a
    /// database nobody is connected to, and a SQLite file holds every change once its log is folded in.
    /// </summary>
    public void Release()
    {
        if (postgresName is not null)
        {
            using var connection = new NpgsqlConnection(ConnectionString);
            NpgsqlConnection.ClearPool(connection);
        }
        else
        {
            using var connection = new Microsoft.Data.Sqlite.SqliteConnection(ConnectionString);
            connection.Open();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                command.ExecuteNonQuery();
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearPool(connection);
        }
    }

    public void Dispose()
    {
        // Only this database's pool: the other classes running meanwhile keep theirs.
        if (postgresName is not null)
        {
            using var connection = new NpgsqlConnection(ConnectionString);
            NpgsqlConnection.ClearPool(connection);
            ExecuteOnServer($"DROP DATABASE IF EXISTS {postgresName} WITH (FORCE)");
        }
        else
        {
            using var connection = new Microsoft.Data.Sqlite.SqliteConnection(ConnectionString);
            Microsoft.Data.Sqlite.SqliteConnection.ClearPool(connection);
        }
    }

    private static void ExecuteOnServer(string sql)
    {
        using var connection = new NpgsqlConnection(ServerConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
