using Microsoft.Extensions.Options;

namespace EHalsostodet.Core.Media;

/// <summary>The media folder: originals and variants under names the server makes, never the uploaded name.</summary>
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

    public async Task WriteOriginalAsync(string storageKey, byte[] data, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, Path.GetFileName(storageKey)), data, cancellationToken);
    }

    public void Delete(MediaItem item)
    {
        foreach (var width in item.Variants)
        {
            File.Delete(VariantPath(item, width));
        }
        File.Delete(OriginalPath(item));
    }
}

/// <summary>The host's content root, against which a relative media folder is resolved.</summary>
public sealed record MediaContentRoot(string Path);
