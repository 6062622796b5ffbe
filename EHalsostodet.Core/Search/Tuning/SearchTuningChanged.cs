using EHalsostodet.Core.Instances;
using EHalsostodet.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Search.Tuning;

/// <summary>
/// Makes a committed change to synonyms or best bets take effect at once: on this instance the
/// next search reads the tuning again and no result kept from before the change is shown; on
/// PostgreSQL every other instance is told through the content channel with the empty id, which
/// clears their kept results and tuning the same way (no item has that id).
/// </summary>
public sealed class SearchTuningChanged(PortalDbContext db, SearchTuningCache tuning, SearchResultCache results)
{
    public async Task AnnounceAsync(CancellationToken cancellationToken)
    {
        tuning.Clear();
        results.Clear();
        if (db.Database.IsNpgsql())
        {
            var payload = Guid.Empty.ToString("D");
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify({PostgresContentChannel.Name}, {payload})", cancellationToken);
        }
    }
}
