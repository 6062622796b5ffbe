using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Publishing;

/// <summary>A published item's address and when it was last published.</summary>
public sealed record PublishedAddress(ContentType Type, string Slug, DateTime PublishedAt);

/// <summary>A tag that published content carries, and when the latest of it was published.</summary>
public sealed record PublishedTagAddress(string Slug, DateTime LastModified);

/// <summary>What the sitemap lists: only the published read model, so drafts and member pages never are.</summary>
public sealed class SitemapQueries(PortalDbContext db)
{
    public async Task<IReadOnlyList<PublishedAddress>> ItemsAsync(CancellationToken cancellationToken) =>
        await db.PublishedContent.AsNoTracking()
            .Select(p => new PublishedAddress(p.Type, p.Slug, p.PublishedAt))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<PublishedTagAddress>> TagsAsync(CancellationToken cancellationToken) =>
        await db.PublishedFacets.AsNoTracking()
            .Where(f => f.Facet == FacetNames.Tag)
            .Join(db.PublishedContent, f => f.ItemId, p => p.ItemId, (f, p) => new { f.Value, p.PublishedAt })
            .GroupBy(t => t.Value)
            .Select(g => new PublishedTagAddress(g.Key, g.Max(t => t.PublishedAt)))
            .ToListAsync(cancellationToken);
}
