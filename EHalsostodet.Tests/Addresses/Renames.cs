using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.Addresses;

internal static class Renames
{
    /// <summary>Saves an item's latest version with a new slug and publishes it, as an approval does.</summary>
    public static Task RenameAndPublishAsync(PortalFactory factory, Guid id, string slug) =>
        factory.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            var item = await db.ContentItems.AsNoTracking().SingleAsync(i => i.Id == id);
            var json = await db.ContentVersions.Where(v => v.Id == item.LatestVersionId).Select(v => v.DocumentJson).SingleAsync();
            IContentDocument document = ContentDocumentSerializer.Deserialize(item.Type, json) switch
            {
                StoryDocument story => story with { Slug = slug },
                CollectionDocument collection => collection with { Slug = slug },
                InitiativeDocument initiative => initiative with { Slug = slug },
                PageDocument page => page with { Slug = slug },
                var other => throw new AssertFailedException(other.GetType().Name),
            };
            var result = await s.GetRequiredService<ContentStore>().SaveAsync(id, document, null, new ContentAuthor(null, "Test"), "Nytt adressnamn");
            var saved = result as SaveResult.Saved ?? throw new AssertFailedException(result.ToString());
            await s.GetRequiredService<ContentPublisher>().PublishAsync(saved.Item, saved.Version, CancellationToken.None);
            return true;
        });
}
