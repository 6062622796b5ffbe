using EHalsostodet.Core.Events;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Time;
using EHalsostodet.Core.Workflow;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Content;

/// <summary>The version an edit started from, next to the item's latest version.</summary>
public sealed record BaseVersionCheck(ContentItem Item, ContentVersion Base, ContentVersion Latest)
{
    /// <summary>Nobody has saved since the edit started: it can be saved as it is, not merged.</summary>
    public bool IsLatest => Base.Id == Latest.Id;
}

/// <summary>
/// Creates items and saves new versions of them. Every save is a new, immutable version and a draft:
/// what is live or approved and scheduled stays so until the draft is approved in turn, while an item
/// waiting for review goes back to draft and its reviewers are told.
/// </summary>
public sealed class ContentStore(PortalDbContext db, ContentRules rules, AuditLog audit, UnitOfWork unitOfWork, IEventPublisher events, TimeProvider clock)
{
    public static readonly TimeSpan DefaultReviewInterval = TimeSpan.FromDays(365);

    public async Task<SaveResult> CreateAsync(
        ContentType type, IContentDocument document, ContentAuthor author, string changeNote,
        Guid? id = null, DateOnly? reviewBy = null,
        PendingContent? pending = null, CancellationToken cancellationToken = default)
    {
        var itemId = id ?? Guid.NewGuid();
        var errors = await rules.CheckAsync(type, itemId, document, pending, cancellationToken);
        if (errors.Count > 0)
        {
            return new SaveResult.Invalid(errors);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var item = new ContentItem
        {
            Id = itemId,
            Type = type,
            State = WorkflowState.Draft,
            ReviewBy = reviewBy ?? SwedishTime.DateOf(now + DefaultReviewInterval),
            CreatedAt = now,
        };
        db.ContentItems.Add(item);
        var version = AddVersion(item, 1, document, author, changeNote, now);
        audit.Record(item, AuditLog.Created, null, item.State, 1, author.UserId, author.Name, changeNote);
        await db.SaveChangesAsync(cancellationToken);
        return new SaveResult.Saved(item, version, $"Sparat som version {version.Number}.");
    }

    /// <param name="baseVersionId">The version the editor started from; a save based on anything but the latest is refused.</param>
    public Task<SaveResult> SaveAsync(
        Guid itemId, IContentDocument document, Guid? baseVersionId, ContentAuthor author, string changeNote,
        PendingContent? pending = null, CancellationToken cancellationToken = default) =>
        SaveVersionAsync(itemId, document, baseVersionId, author, changeNote, AuditLog.Saved, pending, cancellationToken);

    /// <summary>
    /// The version an edit started from and the latest one, to tell whether the edit must be merged
    /// before it is saved; null when the item or that version does not exist. Saving checks again.
    /// </summary>
    public async Task<BaseVersionCheck?> CheckBaseVersionAsync(Guid itemId, Guid baseVersionId, CancellationToken cancellationToken)
    {
        var item = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId, cancellationToken);
        if (item?.LatestVersionId is not { } latestId)
        {
            return null;
        }
        var versions = await db.ContentVersions.AsNoTracking()
            .Where(v => v.ItemId == itemId && (v.Id == baseVersionId || v.Id == latestId))
            .ToListAsync(cancellationToken);
        return versions.FirstOrDefault(v => v.Id == baseVersionId) is { } common && versions.FirstOrDefault(v => v.Id == latestId) is { } latest
            ? new BaseVersionCheck(item, common, latest)
            : null;
    }

    /// <inheritdoc cref="CheckBaseVersionAsync(Guid, Guid, CancellationToken)"/>
    public async Task<BaseVersionCheck?> CheckBaseVersionAsync(Guid itemId, int baseNumber, CancellationToken cancellationToken)
    {
        var baseVersionId = await db.ContentVersions.AsNoTracking()
            .Where(v => v.ItemId == itemId && v.Number == baseNumber)
            .Select(v => (Guid?)v.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return baseVersionId is { } id ? await CheckBaseVersionAsync(itemId, id, cancellationToken) : null;
    }

    /// <summary>A new draft with the document of an older version; history stays as it was.</summary>
    public async Task<SaveResult> RollbackAsync(Guid itemId, int versionNumber, ContentAuthor author, CancellationToken cancellationToken = default)
    {
        var old = await db.ContentVersions.AsNoTracking().FirstOrDefaultAsync(v => v.ItemId == itemId && v.Number == versionNumber, cancellationToken);
        var item = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId, cancellationToken);
        if (old is null || item is null)
        {
            return new SaveResult.NotFound();
        }
        var document = ContentDocumentSerializer.Deserialize(item.Type, old.DocumentJson);
        return await SaveVersionAsync(itemId, document, null, author, $"Återskapad från version {versionNumber}", AuditLog.RolledBack, null, cancellationToken);
    }

    private async Task<SaveResult> SaveVersionAsync(
        Guid itemId, IContentDocument document, Guid? baseVersionId, ContentAuthor author, string changeNote, string action,
        PendingContent? pending, CancellationToken cancellationToken)
    {
        var item = await db.ContentItems.FirstOrDefaultAsync(i => i.Id == itemId, cancellationToken);
        if (item is null)
        {
            return new SaveResult.NotFound();
        }
        if (item.State == WorkflowState.Trashed)
        {
            return new SaveResult.Conflict("Innehållet ligger i papperskorgen och kan inte ändras. En administratör kan återställa det.");
        }
        if (ContentDocumentSerializer.DocumentClrType(item.Type) != document.GetType())
        {
            return new SaveResult.Invalid([new("type", "Dokumentet har fel innehållstyp.")]);
        }
        // The rules first: what the editor must correct anyway is better corrected before merging with someone else's version.
        var errors = await rules.CheckAsync(item.Type, item.Id, document, pending, cancellationToken);
        if (errors.Count > 0)
        {
            return new SaveResult.Invalid(errors);
        }
        if (baseVersionId is not null && baseVersionId != item.LatestVersionId)
        {
            return new SaveResult.Outdated();
        }
        var number = await db.ContentVersions.Where(v => v.ItemId == itemId).MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0;
        var now = clock.GetUtcNow().UtcDateTime;
        var from = item.State;
        var submittedBy = item.SubmittedById;
        if (from == WorkflowState.Scheduled)
        {
            // The approved version keeps its time; the new draft on top of it goes through review on its own.
            item.ScheduledVersionId ??= item.LatestVersionId;
        }
        var version = AddVersion(item, number + 1, document, author, changeNote, now);
        item.State = WorkflowState.Draft;
        item.SubmittedById = null;
        item.SubmittedAt = null;
        audit.Record(item, action, from, item.State, version.Number, author.UserId, author.Name, changeNote);
        await using (var unit = await unitOfWork.BeginAsync(cancellationToken))
        {
            if (from == WorkflowState.InReview)
            {
                await events.PublishAsync(new ContentReturnedToDraft(item, author, submittedBy), cancellationToken);
            }
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return new SaveResult.Outdated();
            }
            await unit.CompleteAsync(cancellationToken);
        }
        return new SaveResult.Saved(item, version, await SavedMessageAsync(item, version, from, cancellationToken));
    }

    /// <summary>What the editor is told after a save, about the version and what became of review and schedule.</summary>
    private async Task<string> SavedMessageAsync(ContentItem item, ContentVersion version, WorkflowState from, CancellationToken cancellationToken)
    {
        var message = $"Sparat som version {version.Number}.";
        if (from == WorkflowState.InReview)
        {
            message += " Innehållet väntade på granskning och är nu ett utkast igen. Granskarna har fått besked om att granskningen avbröts. " +
                       "Skicka det på granskning igen när du är klar.";
        }
        if (item is { PublishAt: { } publishAt, ScheduledVersionId: { } scheduledId })
        {
            var scheduledNumber = await db.ContentVersions.Where(v => v.Id == scheduledId).Select(v => v.Number).FirstAsync(cancellationToken);
            message += $" Den godkända versionen {scheduledNumber} publiceras ändå som planerat {SwedishTime.Describe(publishAt)}; " +
                       "ändringen är ett nytt utkast som behöver granskas för sig.";
        }
        return message;
    }

    private ContentVersion AddVersion(ContentItem item, int number, IContentDocument document, ContentAuthor author, string changeNote, DateTime now)
    {
        var version = new ContentVersion
        {
            Id = Guid.NewGuid(),
            ItemId = item.Id,
            Number = number,
            DocumentJson = ContentDocumentSerializer.Serialize(document),
            AuthorId = author.UserId,
            AuthorName = author.Name,
            CreatedAt = now,
            ChangeNote = changeNote.Trim(),
        };
        db.ContentVersions.Add(version);
        item.LatestVersionId = version.Id;
        item.Slug = document.Slug;
        item.Title = document.Title;
        item.UpdatedAt = now;
        item.ConcurrencyStamp = Guid.NewGuid();
        return version;
    }
}
