using EHalsostodet.Core.Events;
using EHalsostodet.Core.Persistence;
using Microsoft.EntityFrameworkCore;

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

/// <summary>What an editor may change about a stored image: its alt text and its focal point.</summary>
public sealed record MediaChange(string? AltText, FocalPoint FocalPoint);

/// <summary>The outcome of a change: the changed image, or the field and Swedish reason it was refused.</summary>
public abstract record MediaChangeOutcome
{
    public sealed record Changed(MediaItem Item) : MediaChangeOutcome;

    public sealed record NotFound : MediaChangeOutcome;

    public sealed record Refused(string Field, string Message) : MediaChangeOutcome;
}

/// <summary>
/// The media library: checks an upload by its bytes, has libvips turn it upright and strip its
/// metadata, stores it with its variants; lists images; changes their alt text and focal point;
/// deletes those not in use.
/// </summary>
public sealed class MediaLibrary(
    PortalDbContext db,
    ImageSniffer sniffer,
    ImageProcessor processor,
    MediaFileStore files,
    MediaUsages usages,
    UnitOfWork unitOfWork,
    IEventPublisher events,
    TimeProvider clock)
{
    public const string AltTextMissing = "Skriv en alternativtext som beskriver bilden för den som inte ser den.";
    public static readonly string AltTextTooLong = $"Alternativtexten får vara högst {MediaItem.AltTextMaxLength} tecken.";
    public const string FileMissing = "Välj en bildfil att ladda upp.";
    public const string FocalPointOutOfRange = "Fokuspunkten anges i procent: ett heltal från 0 till 100, både från vänster och uppifrån.";

    public async Task<MediaUploadOutcome> UploadAsync(MediaUpload upload, CancellationToken cancellationToken)
    {
        if (upload.Data.Length == 0)
        {
            return new MediaUploadOutcome.Refused("file", FileMissing);
        }
        var (header, error) = sniffer.Inspect(upload.Data);
        if (header is null)
        {
            return new MediaUploadOutcome.Refused("file", error!);
        }
        if (AltTextProblem(upload.AltText) is { } altProblem)
        {
            return new MediaUploadOutcome.Refused("alt", altProblem);
        }
        var (image, refusal) = await processor.ProcessAsync(header.Format, upload.Data, FocalPoint.Centre, cancellationToken);
        if (image is null)
        {
            return new MediaUploadOutcome.Refused("file", refusal!);
        }

        var id = Guid.NewGuid();
        var item = new MediaItem
        {
            Id = id,
            OriginalFileName = MediaFileNames.Sanitise(upload.FileName, header.Format),
            ContentType = header.Format.ContentType(),
            Width = image.Width,
            Height = image.Height,
            ByteSize = image.Original.Length,
            AltText = upload.AltText!.Trim(),
            UploadedById = upload.UserId,
            UploadedByName = upload.UserName,
            UploadedAt = clock.GetUtcNow().UtcDateTime,
            StorageKey = MediaFileStore.OriginalKey(id, header.Format),
            VariantWidths = Widths(image.Variants),
            FocalPoint = FocalPoint.Centre,
            CardWidths = Widths(image.Cards),
        };
        await files.WriteAsync(item, image, cancellationToken);
        db.MediaItems.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        return new MediaUploadOutcome.Stored(item);
    }

    public async Task<IReadOnlyList<MediaItem>> ListAsync(CancellationToken cancellationToken) =>
        await db.MediaItems.AsNoTracking().OrderByDescending(m => m.UploadedAt).ToListAsync(cancellationToken);

    public Task<MediaItem?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.MediaItems.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);

    /// <summary>
    /// Changes the alt text and focal point. A new focal point gets new card crops (under new
    /// names), and the old crops are deleted once the row points at the new ones.
    /// </summary>
    public async Task<MediaChangeOutcome> ChangeAsync(Guid id, MediaChange change, CancellationToken cancellationToken)
    {
        var item = await db.MediaItems.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (item is null)
        {
            return new MediaChangeOutcome.NotFound();
        }
        if (AltTextProblem(change.AltText) is { } altProblem)
        {
            return new MediaChangeOutcome.Refused("alt", altProblem);
        }
        if (!change.FocalPoint.IsValid)
        {
            return new MediaChangeOutcome.Refused("focalPoint", FocalPointOutOfRange);
        }
        item.AltText = change.AltText!.Trim();
        var (oldFocalPoint, oldCards) = (item.FocalPoint, item.Cards);
        var newCrops = change.FocalPoint != oldFocalPoint || oldCards.Count == 0;
        if (newCrops)
        {
            var (cards, error) = await processor.CardsAsync(await files.ReadOriginalAsync(item, cancellationToken), change.FocalPoint, cancellationToken);
            if (cards is null)
            {
                return new MediaChangeOutcome.Refused("focalPoint", error!);
            }
            item.FocalPoint = change.FocalPoint;
            item.CardWidths = Widths(cards);
            await files.WriteCardsAsync(item, cards, cancellationToken);
        }
        await using (var work = await unitOfWork.BeginAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            var usedBy = (await usages.OfAsync(item.Id, cancellationToken)).Select(u => u.ItemId).ToList();
            await events.PublishAsync(new MediaChanged(item, usedBy), cancellationToken);
            await work.CompleteAsync(cancellationToken);
        }
        if (newCrops && oldFocalPoint != change.FocalPoint)
        {
            files.DeleteCards(item.Id, oldFocalPoint, oldCards);
        }
        return new MediaChangeOutcome.Changed(item);
    }

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

    private static string? AltTextProblem(string? altText) => (altText ?? "").Trim() switch
    {
        { Length: 0 } => AltTextMissing,
        { Length: > MediaItem.AltTextMaxLength } => AltTextTooLong,
        _ => null,
    };

    private static string Widths(IEnumerable<ImageVariant> variants) => string.Join(',', variants.Select(v => v.Width));
}

/// <summary>An image's alt text or crops changed: the pages of the items that show it change with it.</summary>
public sealed record MediaChanged(MediaItem Media, IReadOnlyList<Guid> UsedBy) : IContentEvent;
