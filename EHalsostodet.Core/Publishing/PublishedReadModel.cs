using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Publishing;

/// <summary>
/// The questions every reader of the published read model asks, written once: the public pages,
/// the delivery API and the feeds compose them, so they agree on what is included and in which order.
/// </summary>
public static class PublishedReadModel
{
    /// <summary>Published items carrying a tag, of any type.</summary>
    public static IQueryable<PublishedContent> PublishedWithTag(this PortalDbContext db, string tagSlug) =>
        db.PublishedContent.AsNoTracking()
            .Where(p => db.PublishedFacets.Any(f => f.ItemId == p.ItemId && f.Facet == FacetNames.Tag && f.Value == tagSlug));

    /// <summary>Published stories carrying a tag.</summary>
    public static IQueryable<PublishedContent> PublishedStoriesWithTag(this PortalDbContext db, string tagSlug) =>
        db.PublishedWithTag(tagSlug).Where(p => p.Type == ContentType.Story);

    /// <summary>Newest first publication first; the id breaks ties, so equal times keep one order everywhere.</summary>
    public static IOrderedQueryable<PublishedContent> NewestFirst(this IQueryable<PublishedContent> rows) =>
        rows.OrderByDescending(p => p.FirstPublishedAt).ThenBy(p => p.ItemId);

    /// <summary>The ids of the stories in a published collection, in the editors' order, published or not.</summary>
    public static IQueryable<Guid> CollectionStoryIds(this PortalDbContext db, Guid collectionId) =>
        db.CollectionMemberships.AsNoTracking()
            .Where(m => m.CollectionId == collectionId)
            .OrderBy(m => m.Position)
            .Select(m => m.StoryId);

    /// <summary>The published items among the ids (of one type, when given), in the order of the ids; the others are left out.</summary>
    public static async Task<List<PublishedContent>> PublishedInOrderAsync(this PortalDbContext db, IReadOnlyList<Guid> ids, ContentType? type, CancellationToken cancellationToken)
    {
        // The type is checked here, not in SQL: given both conditions, SQLite without statistics
        // walks the type's index over every story (10,000 row reads for a page of 20 cards).
        var rows = await db.PublishedContent.AsNoTracking()
            .Where(p => ids.Contains(p.ItemId))
            .ToDictionaryAsync(p => p.ItemId, cancellationToken);
        return ids.Distinct()
            .Where(id => rows.TryGetValue(id, out var row) && (type is null || row.Type == type))
            .Select(id => rows[id])
            .ToList();
    }

    /// <summary>Every tag that published content carries, with its name and how many published items carry it; unordered.</summary>
    public static async Task<IReadOnlyList<TagCount>> PublishedTagCountsAsync(this PortalDbContext db, CancellationToken cancellationToken)
    {
        var counts = await db.PublishedFacets.AsNoTracking()
            .Where(f => f.Facet == FacetNames.Tag)
            .GroupBy(f => f.Value)
            .Select(g => new { Slug = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var slugs = counts.Select(c => c.Slug).ToList();
        var names = await db.Tags.AsNoTracking().Where(t => slugs.Contains(t.Slug)).ToDictionaryAsync(t => t.Slug, t => t.Name, cancellationToken);
        return counts.Select(c => new TagCount(names.GetValueOrDefault(c.Slug, c.Slug), c.Slug, c.Count)).ToList();
    }
}
