using EHalsostodet.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Core.Media;

/// <summary>An upload as it arrives: the bytes, the name the client gave it and the alt text.</summary>
public sealed record MediaUpload(byte[] Data, string? FileName, string? AltText, string? UserId, string UserName);

/// <summary>The outcome of an upload: the stored image, or the field and Swedish reason it was refused.</summary>
public abstract record MediaUploadOutcome
{
    public sealed record Stored(MediaItem Item) : MediaUploadOutcome;

    public sealed record Refused(string Field, string Message) : MediaUploadOutcome;
}

/// <summary>The outcome of a delete.</summary>
public abstract record MediaDeleteOutcome
{
    public sealed record Deleted : MediaDeleteOutcome;

    public sealed record NotFound : MediaDeleteOutcome;

    public sealed record InUse(IReadOnlyList<MediaUsage> Usages) : MediaDeleteOutcome;
}

/// <summary>
/// The media library: checks an upload by its bytes, strips its metadata, stores it, makes its
/// variants; lists images; deletes those not in use.
/// </summary>
public sealed class MediaLibrary(
    PortalDbContext db,
    ImageSniffer sniffer,
    MetadataStripper stripper,
    MediaFileStore files,
    VipsVariantMaker variants,
    MediaUsages usages,
    IOptions<MediaOptions> options,
    TimeProvider clock)
{
    public const string AltTextMissing = "Skriv en alternativtext som beskriver bilden för den som inte ser den.";
    public static readonly string AltTextTooLong = $"Alternativtexten får vara högst {MediaItem.AltTextMaxLength} tecken.";
    public const string FileMissing = "Välj en bildfil att ladda upp.";

    public async Task<MediaUploadOutcome> UploadAsync(MediaUpload upload, CancellationToken cancellationToken)
    {
        var altText = (upload.AltText ?? "").Trim();
        if (upload.Data.Length == 0)
        {
            return new MediaUploadOutcome.Refused("file", FileMissing);
        }
        var (header, error) = sniffer.Inspect(upload.Data);
        if (header is null)
        {
            return new MediaUploadOutcome.Refused("file", error!);
        }
        if (altText.Length == 0)
        {
            return new MediaUploadOutcome.Refused("alt", AltTextMissing);
        }
        if (altText.Length > MediaItem.AltTextMaxLength)
        {
            return new MediaUploadOutcome.Refused("alt", AltTextTooLong);
        }
        if (header.Format == ImageFormat.Png && !PngIntegrity.IsIntact(upload.Data))
        {
            return new MediaUploadOutcome.Refused("file", PngIntegrity.Damaged);
        }
        var stripped = stripper.Strip(header.Format, upload.Data);
        if (stripped is null)
        {
            return new MediaUploadOutcome.Refused("file", ImageSniffer.Unreadable);
        }

        var id = Guid.NewGuid();
        var item = new MediaItem
        {
            Id = id,
            OriginalFileName = MediaFileNames.Sanitise(upload.FileName, header.Format),
            ContentType = header.Format.ContentType(),
            Width = header.Width,
            Height = header.Height,
            ByteSize = stripped.Length,
            AltText = altText,
            UploadedById = upload.UserId,
            UploadedByName = upload.UserName,
            UploadedAt = clock.GetUtcNow().UtcDateTime,
            StorageKey = MediaFileStore.OriginalKey(id, header.Format),
        };
        await files.WriteOriginalAsync(item.StorageKey, stripped, cancellationToken);
        item.VariantWidths = string.Join(',', await MakeVariantsAsync(item, cancellationToken));
        db.MediaItems.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        return new MediaUploadOutcome.Stored(item);
    }

    public async Task<IReadOnlyList<MediaItem>> ListAsync(CancellationToken cancellationToken) =>
        await db.MediaItems.AsNoTracking().OrderByDescending(m => m.UploadedAt).ToListAsync(cancellationToken);

    public Task<MediaItem?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.MediaItems.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);

    public async Task<MediaDeleteOutcome> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var item = await db.MediaItems.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (item is null)
        {
            return new MediaDeleteOutcome.NotFound();
        }
        var usedBy = await usages.OfAsync(id, cancellationToken);
        if (usedBy.Count > 0)
        {
            return new MediaDeleteOutcome.InUse(usedBy);
        }
        db.MediaItems.Remove(item);
        await db.SaveChangesAsync(cancellationToken);
        files.Delete(item);
        return new MediaDeleteOutcome.Deleted();
    }

    private async Task<IReadOnlyList<int>> MakeVariantsAsync(MediaItem item, CancellationToken cancellationToken)
    {
        var made = new List<int>();
        foreach (var width in options.Value.VariantWidths.Where(w => w > 0 && w < item.Width).Order())
        {
            if (!await variants.MakeWebPAsync(files.OriginalPath(item), width, files.VariantPath(item, width), cancellationToken))
            {
                break;
            }
            made.Add(width);
        }
        return made;
    }
}
