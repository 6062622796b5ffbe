using Microsoft.Extensions.Options;

namespace EHalsostodet.Core.Media;

/// <summary>
/// The media folder: originals, variants and card crops under names the server makes, never the
/// uploaded name. A card crop's name carries its focal point, so a crop made for another focal
/// point has another name (and address) and no cache keeps the old one under the new name.
/// </summary>
public sealed class MediaFileStore
{
    private readonly string folder;

    public MediaFileStore(IOptions<MediaOptions> options, MediaContentRoot contentRoot)
    {
        var configured = options.Value.Folder;
        folder = Path.IsPathRooted(configured) ? configured : Path.Combine(contentRoot.Path, configured);
    }

    public static string OriginalKey(Guid id, ImageFormat format) => id.ToString("N") + format.Extension();

    public string OriginalPath(MediaItem item) => Path.Combine(folder, Path.GetFileName(item.StorageKey));

    public string VariantPath(MediaItem item, int width) => Path.Combine(folder, $"{item.Id:N}-{width}.webp");

    public string CardPath(MediaItem item, int width) => CardPath(item.Id, item.FocalPoint, width);

    /// <summary>Writes the original and its variants and crops; on failure nothing of the image is left behind.</summary>
    public async Task WriteAsync(MediaItem item, ProcessedImage image, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        try
        {
            await WriteFileAsync(OriginalPath(item), image.Original, written, cancellationToken);
            foreach (var variant in image.Variants)
            {
                await WriteFileAsync(VariantPath(item, variant.Width), variant.Data, written, cancellationToken);
            }
            await WriteCardsAsync(item, image.Cards, written, cancellationToken);
        }
        catch
        {
            written.ForEach(File.Delete);
            throw;
        }
    }

    /// <summary>Writes the crops made for the item's focal point (as it is set now).</summary>
    public async Task WriteCardsAsync(MediaItem item, IReadOnlyList<ImageVariant> cards, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        try
        {
            await WriteCardsAsync(item, cards, written, cancellationToken);
        }
        catch
        {
            written.ForEach(File.Delete);
            throw;
        }
    }

    public async Task<byte[]> ReadOriginalAsync(MediaItem item, CancellationToken cancellationToken) =>
        await File.ReadAllBytesAsync(OriginalPath(item), cancellationToken);

    /// <summary>Deletes the card crops made for an earlier focal point.</summary>
    public void DeleteCards(Guid id, FocalPoint focalPoint, IEnumerable<int> widths)
    {
        foreach (var width in widths)
        {
            File.Delete(CardPath(id, focalPoint, width));
        }
    }

    public void Delete(MediaItem item)
    {
        foreach (var width in item.Variants)
        {
            File.Delete(VariantPath(item, width));
        }
        DeleteCards(item.Id, item.FocalPoint, item.Cards);
        File.Delete(OriginalPath(item));
    }

    private async Task WriteCardsAsync(MediaItem item, IReadOnlyList<ImageVariant> cards, List<string> written, CancellationToken cancellationToken)
    {
        foreach (var card in cards)
        {
            await WriteFileAsync(CardPath(item, card.Width), card.Data, written, cancellationToken);
        }
    }

    private static async Task WriteFileAsync(string path, byte[] data, List<string> written, CancellationToken cancellationToken)
    {
        written.Add(path);
        await File.WriteAllBytesAsync(path, data, cancellationToken);
    }

    private string CardPath(Guid id, FocalPoint focalPoint, int width) =>
        Path.Combine(folder, $"{id:N}-card-{focalPoint.X}-{focalPoint.Y}-{width}.webp");
}

/// <summary>The host's content root, against which a relative media folder is resolved.</summary>
public sealed record MediaContentRoot(string Path);
