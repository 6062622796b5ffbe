using EHalsostodet.Core.Events;
using EHalsostodet.Core.Media;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Core.Workflow;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Instances;

/// <summary>The PostgreSQL channel on which instances tell each other which item changed.</summary>
public static class PostgresContentChannel
{
    public const string Name = "ehalsostodet_content";

    /// <summary>
    /// NOTIFY inside the caller's transaction: PostgreSQL delivers it only when that commits, so no
    /// instance evicts for a change that was rolled back or reloads before the change is visible.
    /// </summary>
    public static async Task AnnounceAsync(PortalDbContext db, IEnumerable<Guid> itemIds, CancellationToken cancellationToken)
    {
        foreach (var itemId in itemIds.Distinct())
        {
            var payload = itemId.ToString("D");
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify({Name}, {payload})", cancellationToken);
        }
    }
}

/// <summary>Announces a published, unpublished or reviewed item, and the items that show a changed image, to every instance.</summary>
public sealed class PostgresContentChangeAnnouncer(PortalDbContext db) :
    IEventHandler<ContentPublished>, IEventHandler<ContentUnpublished>, IEventHandler<ContentReviewed>, IEventHandler<MediaChanged>
{
    public Task HandleAsync(ContentPublished contentEvent, CancellationToken cancellationToken) =>
        PostgresContentChannel.AnnounceAsync(db, [contentEvent.Item.Id], cancellationToken);

    public Task HandleAsync(ContentUnpublished contentEvent, CancellationToken cancellationToken) =>
        PostgresContentChannel.AnnounceAsync(db, [contentEvent.Item.Id], cancellationToken);

    /// <summary>The public page's "Senast granskad" changed.</summary>
    public Task HandleAsync(ContentReviewed contentEvent, CancellationToken cancellationToken) =>
        PostgresContentChannel.AnnounceAsync(db, [contentEvent.Item.Id], cancellationToken);

    /// <summary>The pages that show the image changed with its alt text or crops.</summary>
    public Task HandleAsync(MediaChanged contentEvent, CancellationToken cancellationToken) =>
        PostgresContentChannel.AnnounceAsync(db, contentEvent.UsedBy, cancellationToken);
}
