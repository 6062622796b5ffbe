using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Core.Persistence;

public static class DatabaseHealthChecks
{
    /// <summary>
    /// The database answers a real query, not only a connection: SQLite "connects" to a file that is
    /// not a database.
    /// </summary>
    public static IHealthChecksBuilder AddPortalDatabaseCheck(this IHealthChecksBuilder builder, string name, IEnumerable<string> tags) =>
        builder.AddDbContextCheck<PortalDbContext>(name, tags: tags,
            customTestQuery: async (db, cancellationToken) => await db.ContentItems.Take(1).CountAsync(cancellationToken) >= 0);
}
