using System.Collections.Concurrent;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Events;
using EHalsostodet.Core.Instances;
using EHalsostodet.Core.Publishing;
using Microsoft.AspNetCore.OutputCaching;

namespace EHalsostodet.Web.OutputCaching;

/// <summary>
/// Evicts the cached pages that show an item when it is published or unpublished: the pages tagged
/// with the item, and the lists of its type. It is an <see cref="IContentCache"/>, so it is reached
/// on this instance after the commit and, on PostgreSQL, on every other instance; with Redis the
/// store is shared and the first eviction already reaches all of them. Inside the unit of work it
/// only learns the item's type, for the eviction that follows the commit.
/// </summary>
public sealed class OutputCacheEviction(IOutputCacheStore store, IServiceScopeFactory scopes, ILogger<OutputCacheEviction> logger) :
    IContentCache, IEventHandler<ContentPublished>, IEventHandler<ContentUnpublished>
{
    /// <summary>The type of every item a page has shown here or that was looked up, so that only its type's lists go.</summary>
    private readonly ConcurrentDictionary<Guid, ContentType> types = new();

    public void Remember(Guid itemId, ContentType type) => types[itemId] = type;

    public Task HandleAsync(ContentPublished contentEvent, CancellationToken cancellationToken)
    {
        Remember(contentEvent.Item.Id, contentEvent.Item.Type);
        return Task.CompletedTask;
    }

    public Task HandleAsync(ContentUnpublished contentEvent, CancellationToken cancellationToken)
    {
        Remember(contentEvent.Item.Id, contentEvent.Item.Type);
        return Task.CompletedTask;
    }

    public void Evict(Guid itemId)
    {
        EvictTag(PublicPageTags.Item(itemId));
        if (TypeOf(itemId) is { } type)
        {
            EvictTag(PublicPageTags.List(type));
            return;
        }
        foreach (var any in Enum.GetValues<ContentType>())
        {
            EvictTag(PublicPageTags.List(any));
        }
    }

    private ContentType? TypeOf(Guid itemId)
    {
        if (types.TryGetValue(itemId, out var known))
        {
            return known;
        }
        try
        {
            using var scope = scopes.CreateScope();
            var type = scope.ServiceProvider.GetRequiredService<ContentQueries>().TypeOf(itemId);
            if (type is { } found)
            {
                Remember(itemId, found);
            }
            return type;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogWarning(e, "Typen för {ItemId} kunde inte läsas; alla listsidor töms.", itemId);
            return null;
        }
    }

    public void Clear() => EvictTag(PublicPageTags.All);

    private void EvictTag(string tag)
    {
        try
        {
            // The in-memory store evicts at once; Redis answers within milliseconds, and the change must be gone before the publishing request answers.
            store.EvictByTagAsync(tag, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogError(e, "Sidcachen kunde inte tömmas för {Tag}.", tag);
        }
    }
}
