using EHalsostodet.Core.Content;
using EHalsostodet.Core.Notifications;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace EHalsostodet.Core.Instances;

/// <summary>
/// A story's page shows the collections it is in, so a collection that takes a story in or lets
/// it go (or stops being public) changes that story: its caches are evicted as if it had been
/// published, on this instance at once and after the commit, and on the others through the channel.
/// </summary>
public sealed class CollectionMembersEviction(ContentCacheEviction eviction, ContentAfterCommit afterCommit, PortalDbContext db) :
    INotificationHandler<ContentPublishedNotification>, INotificationHandler<ContentUnpublishedNotification>
{
    public Task HandleAsync(ContentPublishedNotification notification, CancellationToken cancellationToken)
    {
        if (notification.Document is not CollectionDocument collection)
        {
            return Task.CompletedTask;
        }
        var before = (notification.PreviousDocument as CollectionDocument)?.StoryIds ?? [];
        var changed = before.Except(collection.StoryIds).Union(collection.StoryIds.Except(before)).ToList();
        // A new title or description shows on every member's page.
        if (notification.PreviousDocument is CollectionDocument previous && (previous.Title != collection.Title || previous.Description != collection.Description))
        {
            changed = before.Union(collection.StoryIds).ToList();
        }
        return EvictAsync(changed, cancellationToken);
    }

    public async Task HandleAsync(ContentUnpublishedNotification notification, CancellationToken cancellationToken)
    {
        if (notification.Item.Type != ContentType.Collection)
        {
            return;
        }
        // The read model has already let the collection go; its latest version names its stories.
        var json = await db.ContentVersions.AsNoTracking()
            .Where(v => v.Id == notification.Item.LatestVersionId).Select(v => v.DocumentJson).FirstOrDefaultAsync(cancellationToken);
        if (json is not null)
        {
            await EvictAsync(ContentDocumentSerializer.Deserialize<CollectionDocument>(json).StoryIds, cancellationToken);
        }
    }

    private async Task EvictAsync(IReadOnlyCollection<Guid> storyIds, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var storyId in storyIds)
        {
            eviction.Evict(storyId);
            if (transaction is not null)
            {
                afterCommit.Add(transaction, storyId);
            }
            if (db.Database.IsNpgsql())
            {
                var payload = storyId.ToString("D");
                await db.Database.ExecuteSqlAsync($"SELECT pg_notify({PostgresContentChannel.Name}, {payload})", cancellationToken);
            }
        }
    }
}
