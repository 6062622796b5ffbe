using EHalsostodet.Core.Content;
using EHalsostodet.Core.Instances;
using EHalsostodet.Core.Notifications;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Core.Workflow;

/// <summary>Carries out workflow actions: checks the rules, changes state, publishes, and logs.</summary>
public sealed class WorkflowService(
    PortalDbContext db, ContentPublisher publisher, AuditLog audit, INotificationPublisher notifications,
    TimeProvider clock, IOptions<WorkflowOptions> options, IJobLock jobLock)
{
    private static readonly TimeSpan ReviewInterval = TimeSpan.FromDays(365);

    public async Task<WorkflowResult> ExecuteAsync(Guid itemId, WorkflowAction action, WorkflowActor actor, WorkflowRequest request, CancellationToken cancellationToken)
    {
        var item = await db.ContentItems.FirstOrDefaultAsync(i => i.Id == itemId, cancellationToken);
        if (item is null)
        {
            return new WorkflowResult.NotFound();
        }
        var (forbidden, reason) = WorkflowRules.Check(action, item, actor, await ChangeContributorsAsync(item, cancellationToken), options.Value.FourEyes);
        if (reason is not null)
        {
            return forbidden ? new WorkflowResult.Forbidden(reason) : new WorkflowResult.Invalid(reason);
        }
        var latest = await db.ContentVersions.FirstAsync(v => v.Id == item.LatestVersionId, cancellationToken);
        if (action is WorkflowAction.Submit or WorkflowAction.Approve && ReviewProblems(item, latest, action) is { } incomplete)
        {
            return incomplete;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var comment = request.Comment?.Trim() ?? "";
        if (action is WorkflowAction.Reject && comment.Length == 0)
        {
            return new WorkflowResult.Invalid("Skriv en kommentar som förklarar vad som behöver ändras.");
        }
        if (action is WorkflowAction.Archive && comment.Length == 0)
        {
            return new WorkflowResult.Invalid("Ange varför innehållet arkiveras.");
        }
        if (request.PublishAt is { } publishAt && request.UnpublishAt is { } unpublishAt && unpublishAt <= publishAt)
        {
            return new WorkflowResult.Invalid("Avpubliceringen måste ligga efter publiceringen.");
        }
        if (request.UnpublishAt is { } until && until <= now && action is WorkflowAction.Approve)
        {
            return new WorkflowResult.Invalid("Tiden för avpublicering har redan passerat.");
        }
        var publicNote = request.PublicChangeNote?.Trim();
        if (publicNote?.Length > ContentVersion.PublicChangeNoteMaxLength)
        {
            return new WorkflowResult.Invalid($"Texten om vad som har ändrats får vara högst {ContentVersion.PublicChangeNoteMaxLength} tecken.");
        }

        var from = item.State;
        var hadSchedule = item.PublishAt is not null;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        string message;
        switch (action)
        {
            case WorkflowAction.Submit:
                SetPublicChangeNote(latest, publicNote);
                item.State = WorkflowState.InReview;
                item.SubmittedById = actor.UserId;
                item.SubmittedAt = now;
                Touch(item, now);
                audit.Record(item, action.Key(), from, item.State, latest.Number, actor.UserId, actor.Name, comment);
                await db.SaveChangesAsync(cancellationToken);
                await notifications.PublishAsync(new ContentSubmittedNotification(item, actor, comment), cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                message = "Innehållet är skickat på granskning.";
                break;

            case WorkflowAction.Approve:
                SetPublicChangeNote(latest, publicNote);
                item.LastReviewedAt = now;
                item.LastReviewedById = actor.UserId;
                item.LastReviewedByName = actor.Name;
                var reviewBy = SwedishTime.DateOf(now + ReviewInterval);
                if (item.ReviewBy < reviewBy)
                {
                    item.ReviewBy = reviewBy;
                }
                item.UnpublishAt = request.UnpublishAt?.ToUniversalTime();
                if (request.PublishAt is { } at && at.ToUniversalTime() > now)
                {
                    item.State = WorkflowState.Scheduled;
                    item.PublishAt = at.ToUniversalTime();
                    item.ScheduledVersionId = latest.Id;
                    Touch(item, now);
                    audit.Record(item, action.Key(), from, item.State, latest.Number, actor.UserId, actor.Name, comment);
                    await db.SaveChangesAsync(cancellationToken);
                    message = $"Innehållet är godkänt och publiceras {SwedishTime.Describe(at.ToUniversalTime())}.";
                }
                else
                {
                    audit.Record(item, action.Key(), from, WorkflowState.Published, latest.Number, actor.UserId, actor.Name, comment);
                    await publisher.PublishAsync(item, latest, cancellationToken);
                    message = "Innehållet är godkänt och publicerat." +
                              (hadSchedule ? " Den version som var schemalagd tidigare publiceras inte, eftersom den här är nyare." : "");
                }
                ClearSubmission(item);
                await db.SaveChangesAsync(cancellationToken);
                break;

            case WorkflowAction.Reject:
                item.State = WorkflowState.Draft;
                ClearSubmission(item);
                Touch(item, now);
                audit.Record(item, action.Key(), from, item.State, latest.Number, actor.UserId, actor.Name, comment);
                await db.SaveChangesAsync(cancellationToken);
                await notifications.PublishAsync(new ContentRejectedNotification(item, actor, comment), cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                message = "Innehållet är skickat tillbaka till redaktören.";
                break;

            case WorkflowAction.Unpublish when request.UnpublishAt is { } later && later.ToUniversalTime() > now:
                item.UnpublishAt = later.ToUniversalTime();
                Touch(item, now);
                audit.Record(item, AuditLog.ScheduledUnpublish, from, from, latest.Number, actor.UserId, actor.Name, comment);
                await db.SaveChangesAsync(cancellationToken);
                message = $"Innehållet avpubliceras {SwedishTime.Describe(later.ToUniversalTime())}.";
                break;

            case WorkflowAction.Unpublish:
                var wasLive = item.PublishedVersionId is not null;
                await TakeDownAsync(item, item.State is WorkflowState.Published or WorkflowState.Scheduled ? WorkflowState.Unpublished : item.State, cancellationToken);
                audit.Record(item, action.Key(), from, item.State, latest.Number, actor.UserId, actor.Name, comment);
                await db.SaveChangesAsync(cancellationToken);
                message = wasLive ? "Innehållet är avpublicerat." : "Den schemalagda publiceringen är avbruten.";
                break;

            case WorkflowAction.Archive:
            case WorkflowAction.Trash:
                var target = action == WorkflowAction.Archive ? WorkflowState.Archived : WorkflowState.Trashed;
                await TakeDownAsync(item, target, cancellationToken);
                ClearSubmission(item);
                audit.Record(item, action.Key(), from, item.State, latest.Number, actor.UserId, actor.Name, comment);
                await db.SaveChangesAsync(cancellationToken);
                message = action == WorkflowAction.Archive ? "Innehållet är arkiverat." : "Innehållet ligger nu i papperskorgen.";
                break;

            case WorkflowAction.Restore:
                item.State = WorkflowState.Draft;
                Touch(item, now);
                audit.Record(item, action.Key(), from, item.State, latest.Number, actor.UserId, actor.Name, comment);
                await db.SaveChangesAsync(cancellationToken);
                message = "Innehållet är återställt som utkast.";
                break;

            default:
                return new WorkflowResult.Invalid("Okänd åtgärd.");
        }
        await transaction.CommitAsync(cancellationToken);
        return new WorkflowResult.Done(item, message);
    }

    /// <summary>
    /// What the latest version still lacks before it may be reviewed or published, with the same
    /// rules for the back office and the API; null when it is complete.
    /// </summary>
    private static WorkflowResult? ReviewProblems(ContentItem item, ContentVersion latest, WorkflowAction action)
    {
        var stored = ContentDocumentSerializer.ReadStored(item.Type, latest.DocumentJson);
        if (stored.Document is null)
        {
            return new WorkflowResult.Invalid(stored.Problem!);
        }
        var missing = DocumentValidator.ValidateForReview(stored.Document);
        if (missing.Count == 0)
        {
            return null;
        }
        return new WorkflowResult.Incomplete(
            action == WorkflowAction.Submit
                ? "Innehållet kan inte skickas på granskning förrän uppgifterna nedan är ifyllda. Utkastet är sparat som det är."
                : "Innehållet kan inte godkännas förrän uppgifterna nedan är ifyllda.",
            missing);
    }

    /// <summary>The public "what changed" text goes with the version that is submitted or approved.</summary>
    private static void SetPublicChangeNote(ContentVersion version, string? note)
    {
        if (note is not null)
        {
            version.PublicChangeNote = note.Length == 0 ? null : note;
        }
    }

    /// <summary>Sets when the item must next be reviewed; logged like any other change.</summary>
    public async Task<WorkflowResult> SetReviewByAsync(Guid itemId, DateOnly reviewBy, WorkflowActor actor, CancellationToken cancellationToken)
    {
        var item = await db.ContentItems.FirstOrDefaultAsync(i => i.Id == itemId, cancellationToken);
        if (item is null)
        {
            return new WorkflowResult.NotFound();
        }
        if (!actor.CanEdit)
        {
            return new WorkflowResult.Forbidden("Du behöver rollen Redaktör för att ändra granskningsdatum.");
        }
        if (reviewBy <= SwedishTime.Today(clock))
        {
            return new WorkflowResult.Invalid("Välj ett datum efter i dag.");
        }
        var before = item.ReviewBy;
        item.ReviewBy = reviewBy;
        Touch(item, clock.GetUtcNow().UtcDateTime);
        audit.Record(item, AuditLog.ReviewDateChanged, item.State, item.State, null, actor.UserId, actor.Name, $"{before:yyyy-MM-dd} → {reviewBy:yyyy-MM-dd}");
        await db.SaveChangesAsync(cancellationToken);
        return new WorkflowResult.Done(item, $"Granskningsdatumet är nu {reviewBy:yyyy-MM-dd}.");
    }

    /// <summary>The actions the actor could take on the item now.</summary>
    public async Task<IReadOnlyList<WorkflowAction>> AvailableAsync(ContentItem item, WorkflowActor actor, CancellationToken cancellationToken) =>
        WorkflowRules.Available(item, actor, await ChangeContributorsAsync(item, cancellationToken), options.Value.FourEyes);

    /// <summary>Publishes and unpublishes what is due. Returns how many items changed.</summary>
    public async Task<int> RunDueSchedulesAsync(CancellationToken cancellationToken)
    {
        // Another instance running the schedules at the same time waits, then finds nothing due.
        await using var exclusive = await jobLock.AcquireAsync(JobLockNames.ScheduledPublishing, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var actor = WorkflowActor.Scheduler;
        var changed = 0;

        // Also items with a newer draft on top of the approved version: that version goes live, the draft stays a draft.
        var duePublish = await db.ContentItems.Where(i => i.PublishAt <= now).ToListAsync(cancellationToken);
        foreach (var item in duePublish)
        {
            var version = await db.ContentVersions.FirstAsync(v => v.Id == (item.ScheduledVersionId ?? item.LatestVersionId), cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var from = item.State;
            await publisher.PublishAsync(item, version, cancellationToken);
            audit.Record(item, AuditLog.Published, from, item.State, version.Number, actor.UserId, actor.Name, "Schemalagd publicering");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            changed++;
        }

        var dueUnpublish = await db.ContentItems.Where(i => i.UnpublishAt <= now && i.PublishedVersionId != null).ToListAsync(cancellationToken);
        foreach (var item in dueUnpublish)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var from = item.State;
            await TakeDownAsync(item, item.State == WorkflowState.Published ? WorkflowState.Unpublished : item.State, cancellationToken);
            audit.Record(item, WorkflowAction.Unpublish.Key(), from, item.State, null, actor.UserId, actor.Name, "Schemalagd avpublicering");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            changed++;
        }
        return changed;
    }

    /// <summary>
    /// Who made the change an approval would publish: who wrote versions after the last approved
    /// one (the live or scheduled version, or the last one approved before an unpublish or the
    /// trash), and who sent the item for review since that approval.
    /// </summary>
    public async Task<ChangeContributors> ChangeContributorsAsync(ContentItem item, CancellationToken cancellationToken)
    {
        var approve = WorkflowAction.Approve.Key();
        var submit = WorkflowAction.Submit.Key();
        var scheduler = WorkflowActor.Scheduler.UserId;
        // A reviewer's approval, or a publication by someone with the right to publish (an import, a tag change);
        // the scheduler only carries out an approval that is already logged.
        var lastApproval = await db.AuditEntries.AsNoTracking()
            .Where(a => a.ItemId == item.Id && a.VersionNumber != null && (a.Action == approve || a.Action == AuditLog.Published && a.UserId != scheduler))
            .OrderByDescending(a => a.Id)
            .Select(a => new { a.Id, Number = a.VersionNumber!.Value })
            .FirstOrDefaultAsync(cancellationToken);
        var approvedIds = new[] { item.PublishedVersionId, item.ScheduledVersionId }.OfType<Guid>().ToList();
        // Content older than the audit log has no approval in it; its live version was approved.
        var approvedNumber = Math.Max(lastApproval?.Number ?? 0,
            await db.ContentVersions.Where(v => approvedIds.Contains(v.Id)).MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0);
        var authors = await db.ContentVersions
            .Where(v => v.ItemId == item.Id && v.Number > approvedNumber && v.AuthorId != null)
            .Select(v => v.AuthorId!)
            .Distinct()
            .ToListAsync(cancellationToken);
        var since = lastApproval?.Id ?? 0;
        var submitters = await db.AuditEntries.AsNoTracking()
            .Where(a => a.ItemId == item.Id && a.Action == submit && a.Id > since && a.UserId != null)
            .Select(a => a.UserId!)
            .Distinct()
            .ToListAsync(cancellationToken);
        if (item.SubmittedById is { } submittedBy)
        {
            submitters.Add(submittedBy);
        }
        return new ChangeContributors(authors.ToHashSet(), submitters.ToHashSet());
    }

    private async Task TakeDownAsync(ContentItem item, WorkflowState newState, CancellationToken cancellationToken)
    {
        item.PublishAt = null;
        item.ScheduledVersionId = null;
        if (item.PublishedVersionId is not null)
        {
            await publisher.UnpublishAsync(item, newState, cancellationToken);
        }
        else
        {
            item.State = newState;
            item.UnpublishAt = null;
            Touch(item, clock.GetUtcNow().UtcDateTime);
        }
    }

    private static void ClearSubmission(ContentItem item)
    {
        item.SubmittedById = null;
        item.SubmittedAt = null;
    }

    private static void Touch(ContentItem item, DateTime now)
    {
        item.UpdatedAt = now;
        item.ConcurrencyStamp = Guid.NewGuid();
    }
}
