using System.Globalization;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Publishing;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Delivery;

/// <summary>One published item as the delivery API gives it: read-model row plus its facet values.</summary>
public sealed record DeliveredItem(PublishedContent Row, IReadOnlyDictionary<string, IReadOnlyList<string>> Facets);

/// <summary>A page of published items and how many there are in all.</summary>
public sealed record DeliveredPage(int Total, IReadOnlyList<DeliveredItem> Items);

/// <summary>
/// Paged reads of the published read model for the headless delivery API. Like
/// <see cref="PublishedQueries"/> it reads only <see cref="PublishedContent"/> and its satellite
/// tables, so a draft can never be delivered.
/// </summary>
public sealed class DeliveryQueries(PortalDbContext db)
{
    private static readonly StringComparer SwedishTitles = StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), true);

    public async Task<DeliveredItem?> ByIdAsync(Guid id, CancellationToken cancellationToken)
    {
        var row = await db.PublishedContent.AsNoTracking().FirstOrDefaultAsync(p => p.ItemId == id, cancellationToken);
        return row is null ? null : (await WithFacetsAsync([row], cancellationToken))[0];
    }

    public async Task<DeliveredItem?> BySlugAsync(ContentType type, string slug, CancellationToken cancellationToken)
    {
        var row = await db.PublishedContent.AsNoTracking().FirstOrDefaultAsync(p => p.Type == type && p.Slug == slug, cancellationToken);
        return row is null ? null : (await WithFacetsAsync([row], cancellationToken))[0];
    }

    /// <summary>
    /// Published items of a type: stories newest first, everything else by title in Swedish order.
    /// Every facet filter must match (AND across facets, OR within one), as in search.
    /// </summary>
    public async Task<DeliveredPage> ListAsync(ContentType type, IReadOnlyDictionary<string, IReadOnlyList<string>> filters,
        int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = Filtered(type, filters);
        if (type == ContentType.Story)
        {
            var total = await query.CountAsync(cancellationToken);
            var rows = await query.NewestFirst()
                .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
            return new DeliveredPage(total, await WithFacetsAsync(rows, cancellationToken));
        }
        // Collections, initiatives and pages are few; Swedish order (å, ä, ö last) needs the culture.
        var keys = await query.Select(p => new { p.ItemId, p.Title }).ToListAsync(cancellationToken);
        var pageIds = keys.OrderBy(k => k.Title, SwedishTitles).ThenBy(k => k.ItemId)
            .Skip((page - 1) * pageSize).Take(pageSize).Select(k => k.ItemId).ToList();
        return new DeliveredPage(keys.Count, await WithFacetsAsync(await db.PublishedInOrderAsync(pageIds, type, cancellationToken), cancellationToken));
    }

    /// <summary>How many of the items of a type that the filters let through have each facet value.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<(string Value, int Count)>>> FacetCountsAsync(
        ContentType type, IReadOnlyDictionary<string, IReadOnlyList<string>> filters, IReadOnlyCollection<string> facets, CancellationToken cancellationToken)
    {
        var ids = Filtered(type, filters).Select(p => p.ItemId);
        var counts = await db.PublishedFacets.AsNoTracking()
            .Where(f => facets.Contains(f.Facet) && ids.Contains(f.ItemId))
            .GroupBy(f => new { f.Facet, f.Value })
            .Select(g => new { g.Key.Facet, g.Key.Value, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return counts.GroupBy(c => c.Facet).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<(string, int)>)g.OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal)
                .Select(c => (c.Value, c.Count)).ToList());
    }

    /// <summary>Published stories and collections with a tag, newest first.</summary>
    public async Task<DeliveredPage> WithTagAsync(string tagSlug, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = db.PublishedWithTag(tagSlug);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.NewestFirst()
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new DeliveredPage(total, await WithFacetsAsync(rows, cancellationToken));
    }

    /// <summary>A published collection's published stories in the editors' order.</summary>
    public async Task<DeliveredPage> CollectionStoriesAsync(Guid collectionId, int page, int pageSize, CancellationToken cancellationToken)
    {
        var stories = await db.PublishedInOrderAsync(await db.CollectionStoryIds(collectionId).ToListAsync(cancellationToken), ContentType.Story, cancellationToken);
        return new DeliveredPage(stories.Count, await WithFacetsAsync(stories.Skip((page - 1) * pageSize).Take(pageSize).ToList(), cancellationToken));
    }

    /// <summary>Tags that published content carries, with how many items carry each, by name.</summary>
    public async Task<IReadOnlyList<TagCount>> TagsAsync(CancellationToken cancellationToken)
    {
        return (await db.PublishedTagCountsAsync(cancellationToken)).OrderBy(t => t.Name, SwedishTitles).ToList();
    }

    private IQueryable<PublishedContent> Filtered(ContentType type, IReadOnlyDictionary<string, IReadOnlyList<string>> filters)
    {
        var query = db.PublishedContent.AsNoTracking().Where(p => p.Type == type);
        foreach (var (facet, values) in filters)
        {
            if (values.Count == 0)
            {
                continue;
            }
            query = query.Where(p => db.PublishedFacets.Any(f => f.ItemId == p.ItemId && f.Facet == facet && values.Contains(f.Value)));
        }
        return query;
    }

    private async Task<IReadOnlyList<DeliveredItem>> WithFacetsAsync(IReadOnlyList<PublishedContent> rows, CancellationToken cancellationToken)
    {
        var ids = rows.Select(r => r.ItemId).ToList();
        var facets = (await db.PublishedFacets.AsNoTracking().Where(f => ids.Contains(f.ItemId)).ToListAsync(cancellationToken))
            .ToLookup(f => f.ItemId);
        return rows.Select(r => new DeliveredItem(r, facets[r.ItemId]
                .GroupBy(f => f.Facet)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(f => f.Value).Order(StringComparer.Ordinal).ToList())))
            .ToList();
    }
}
