using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Core.Persistence;

/// <summary>Which database server holds the portal's data: SQLite (embedded default) or PostgreSQL.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class DatabaseServiceCollectionExtensions
{
    public const string DefaultSqliteConnectionString = "Data Source=App_Data/ehalsostodet.db";

    /// <summary>Reads Database:Provider; an unknown value stops the start with a clear message.</summary>
    public static DatabaseProvider ReadDatabaseProvider(this IConfiguration configuration)
    {
        var value = configuration[$"{DatabaseOptions.Section}:Provider"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return DatabaseProvider.Sqlite;
        }
        return Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new InvalidOperationException($"Databasleverantören \"{value}\" stöds inte. Använd Sqlite eller Postgres.");
    }

    /// <summary>The portal's DbContext on the configured provider; the same migrations serve both.</summary>
    public static DatabaseProvider AddPortalDatabase(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        var provider = configuration.ReadDatabaseProvider();
        var connectionString = provider switch
        {
            DatabaseProvider.Postgres => configuration.GetConnectionString("Postgres") is { Length: > 0 } postgres
                ? postgres
                : throw new InvalidOperationException("Database:Provider är Postgres men ConnectionStrings:Postgres saknas."),
            _ => SqliteConnectionString(configuration.GetConnectionString("Sqlite") ?? DefaultSqliteConnectionString, contentRootPath),
        };
        services.AddSingleton<IInterceptor, NulTextGuard>();
        if (provider == DatabaseProvider.Sqlite)
        {
            services.AddSingleton<IInterceptor, SqlitePageCacheLimit>();
        }
        // Pooled: every signed-in request checks its session with a query, and a context made from
        // scratch for it (its options, its internal services) cost more than the query itself.
        services.AddDbContextPool<PortalDbContext>((root, options) =>
        {
            _ = provider == DatabaseProvider.Postgres ? options.UseNpgsql(connectionString) : options.UseSqlite(connectionString);
            options.AddInterceptors(root.GetServices<IInterceptor>());
            // Migrations are written by hand and checked against the model by a test.
            options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        });
        return provider;
    }

    /// <summary>A relative SQLite file is placed under the content root, not the working folder.</summary>
    internal static string SqliteConnectionString(string connectionString, string contentRootPath)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.Combine(contentRootPath, builder.DataSource);
        }
        builder.ForeignKeys = true;
        return builder.ToString();
    }
}
