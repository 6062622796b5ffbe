using EHalsostodet.Core.Media;

namespace EHalsostodet.Web.Media;

/// <summary>Looks up hero images for a page, each once per request.</summary>
public sealed class HeroImages(MediaLibrary library)
{
    private readonly Dictionary<Guid, MediaItem?> found = [];

    public async Task<MediaItem?> FindAsync(Guid? id, CancellationToken cancellationToken = default)
    {
        if (id is not { } key)
        {
            return null;
        }
        if (!found.TryGetValue(key, out var item))
        {
            item = await library.FindAsync(key, cancellationToken);
            found[key] = item;
        }
        return item;
    }
}

/// <summary>
/// What the hero partial renders: an image id, the layout width it takes, and whether it shows as
/// a card image (a 16:9 crop around the image's focal point) rather than whole.
/// </summary>
public sealed record HeroImageSpec(Guid? Id, string Sizes, string CssClass, bool IsCard = false);
