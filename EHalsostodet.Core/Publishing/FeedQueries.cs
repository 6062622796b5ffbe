using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Publishing;

/// <summary>A tag's feed: the tag and its latest published stories, newest first.</summary>
public sealed record TagFeedContent(Tag Tag, IReadOnlyList<PublishedContent> Stories);

/// <summary>A published collection's feed: the collection and its published stories in the editors' order.</summary>
public sealed record CollectionFeedContent(PublishedContent Collection, IReadOnlyList<PublishedContent> Stories);

/// <summary>What the Atom feeds list, read from the published read model only.</summary>
public sealed class FeedQueries(PortalDbContext db)
{
    public async Task<TagFeedContent?> TagAsync(string slug, int count, CancellationToken cancellationToken)
    {
        var tag = await db.Tags.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == slug, cancellationToken);
        if (tag is null)
        {
            return null;
        }
        var stories = await db.PublishedStoriesWithTag(tag.Slug).NewestFirst().Take(count).ToListAsync(cancellationToken);
        return new TagFeedContent(tag, stories);
    }

    public async Task<CollectionFeedContent?> CollectionAsync(string slug, CancellationToken cancellationToken)
    {
        var collection = await db.PublishedContent.AsNoTracking()
            .FirstOrDefaultAsync(p => p.Type == ContentType.Collection && p.Slug == slug, cancellationToken);
        if (collection is null)
        {
            return null;
        }
        var ids = await db.CollectionStoryIds(collection.ItemId).ToListAsync(cancellationToken);
        return new CollectionFeedContent(collection, await db.PublishedInOrderAsync(ids, ContentType.Story, cancellationToken));
    }
}
