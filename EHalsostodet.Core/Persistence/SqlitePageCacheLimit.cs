using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Core.Persistence;

/// <summary>
/// Each pooled SQLite connection keeps its own page cache (2 MB by default), and under load the
/// pool holds a dozen or more of them for the life of the process, about 30 MB at 10,000 stories.
/// The operating system already caches the database file for all of them, so each connection's
/// own cache is held to <see cref="DatabaseOptions.SqliteCacheKilobytes"/>, set once per physical
/// connection (the setting lasts as long as the connection, which the pool keeps open).
/// </summary>
public sealed class SqlitePageCacheLimit(IOptions<DatabaseOptions> options) : DbConnectionInterceptor
{
    private readonly ConditionalWeakTable<object, object> limited = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Limit(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Limit(connection);
        return Task.CompletedTask;
    }

    private void Limit(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } sqlite || limited.TryGetValue(handle, out _))
        {
            return;
        }
        using var command = sqlite.CreateCommand();
        command.CommandText = $"PRAGMA cache_size = -{Math.Max(64, options.Value.SqliteCacheKilobytes)};";
        command.ExecuteNonQuery();
        limited.AddOrUpdate(handle, handle);
    }
}
