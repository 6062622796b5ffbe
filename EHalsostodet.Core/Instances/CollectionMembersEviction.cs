using EHalsostodet.Core.Content;
using EHalsostodet.Core.Events;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Publishing;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Instances;

/// <summary>
/// A story's page shows the collections it is in, so a collection that takes a story in or lets
/// it go (or stops being public) changes that story, as if it had been published: this instance's
/// caches evict it after the commit, and on PostgreSQL the other instances are told with the commit.
/// </summary>
public sealed class CollectionMembersEviction(ContentCacheEviction eviction, PortalDbContext db) :
    IEventHandler<ContentPublished>, IEventHandler<ContentUnpublished>,
    IAfterCommitHandler<ContentPublished>, IAfterCommitHandler<ContentUnpublished>
{
    /// <summary>Inside the unit of work, registered on PostgreSQL only: tells the other instances.</summary>
    public Task HandleAsync(ContentPublished contentEvent, CancellationToken cancellationToken) =>
        PostgresContentChannel.AnnounceAsync(db, ChangedStories(contentEvent), cancellationToken);

    public async Task HandleAsync(ContentUnpublished contentEvent, CancellationToken cancellationToken) =>
        await PostgresContentChannel.AnnounceAsync(db, await StoriesOfAsync(contentEvent, cancellationToken), cancellationToken);

    public Task HandleAsync(IReadOnlyList<ContentPublished> events, CancellationToken cancellationToken)
    {
        Evict(events.SelectMany(ChangedStories));
        return Task.CompletedTask;
    }

    public async Task HandleAsync(IReadOnlyList<ContentUnpublished> events, CancellationToken cancellationToken)
    {
        foreach (var contentEvent in events)
        {
            Evict(await StoriesOfAsync(contentEvent, cancellationToken));
        }
    }

    private static IReadOnlyCollection<Guid> ChangedStories(ContentPublished contentEvent)
    {
        if (contentEvent.Document is not CollectionDocument collection)
        {
            return [];
        }
        var before = (contentEvent.PreviousDocument as CollectionDocument)?.StoryIds ?? [];
        // A new title or description shows on every member's page.
        if (contentEvent.PreviousDocument is CollectionDocument previous && (previous.Title != collection.Title || previous.Description != collection.Description))
        {
            return before.Union(collection.StoryIds).ToList();
        }
        return before.Except(collection.StoryIds).Union(collection.StoryIds.Except(before)).ToList();
    }

    /// <summary>The read model has already let the collection go; its latest version names its stories.</summary>
    private async Task<IReadOnlyCollection<Guid>> StoriesOfAsync(ContentUnpublished contentEvent, CancellationToken cancellationToken)
    {
        if (contentEvent.Item.Type != ContentType.Collection)
        {
            return [];
        }
        var json = await db.ContentVersions.AsNoTracking()
            .Where(v => v.Id == contentEvent.Item.LatestVersionId).Select(v => v.DocumentJson).FirstOrDefaultAsync(cancellationToken);
        return json is null ? [] : ContentDocumentSerializer.Deserialize<CollectionDocument>(json).StoryIds;
    }

    private void Evict(IEnumerable<Guid> storyIds)
    {
        foreach (var storyId in storyIds.Distinct())
        {
            eviction.Evict(storyId);
        }
    }
}
