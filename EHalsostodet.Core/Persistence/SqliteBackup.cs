using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Persistence;

/// <summary>A consistent copy of the SQLite database, made with SQLite's online backup API while the portal may be serving.</summary>
public sealed class SqliteBackup(PortalDbContext db)
{
    public async Task CopyToAsync(string targetPath, CancellationToken cancellationToken)
    {
        await using var source = new SqliteConnection(db.Database.GetConnectionString());
        await using var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = targetPath, Pooling = false }.ToString());
        await source.OpenAsync(cancellationToken);
        await destination.OpenAsync(cancellationToken);
        source.BackupDatabase(destination);
    }
}
