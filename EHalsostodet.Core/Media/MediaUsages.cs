using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Media;

/// <summary>A story or collection whose latest or published version shows an image as its hero.</summary>
public sealed record MediaUsage(Guid ItemId, ContentType Type, string Title);

/// <summary>Finds where library images are used, so an image in use is never deleted.</summary>
public sealed class MediaUsages(PortalDbContext db)
{
    public async Task<IReadOnlyList<MediaUsage>> OfAsync(Guid mediaId, CancellationToken cancellationToken) =>
        (await AllAsync(mediaId.ToString(), cancellationToken)).GetValueOrDefault(mediaId) ?? [];

    /// <summary>Every image in use, with the items using it.</summary>
    public Task<IReadOnlyDictionary<Guid, IReadOnlyList<MediaUsage>>> AllAsync(CancellationToken cancellationToken) =>
        AllAsync("heroImageId", cancellationToken);

    private async Task<IReadOnlyDictionary<Guid, IReadOnlyList<MediaUsage>>> AllAsync(string jsonMustContain, CancellationToken cancellationToken)
    {
        // The document JSON is filtered coarsely in SQL and read exactly after deserialising.
        var rows = await (
            from item in db.ContentItems.AsNoTracking()
            where item.Type == ContentType.Story || item.Type == ContentType.Collection
            from version in db.ContentVersions.AsNoTracking()
            where (version.Id == item.LatestVersionId || version.Id == item.PublishedVersionId)
                  && version.DocumentJson.Contains(jsonMustContain)
            select new { item.Id, item.Type, item.Title, version.DocumentJson })
            .ToListAsync(cancellationToken);
        return rows
            .Select(r => (Usage: new MediaUsage(r.Id, r.Type, r.Title), HeroImageId: HeroImageOf(r.Type, r.DocumentJson)))
            .Where(r => r.HeroImageId is not null)
            .GroupBy(r => r.HeroImageId!.Value)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<MediaUsage>)g.Select(r => r.Usage).Distinct().OrderBy(u => u.Title, StringComparer.CurrentCulture).ToList());
    }

    private static Guid? HeroImageOf(ContentType type, string json) => ContentDocumentSerializer.Deserialize(type, json) switch
    {
        StoryDocument story => story.HeroImageId,
        CollectionDocument collection => collection.HeroImageId,
        _ => null,
    };
}
