using EHalsostodet.Core.Content;
using EHalsostodet.Core.Events;
using EHalsostodet.Core.Instances;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Core.Workflow;

/// <summary>Carries out workflow actions: checks the rules, changes state, publishes, and logs.</summary>
public sealed class WorkflowService(
    PortalDbContext db, ContentPublisher publisher, AuditLog audit, UnitOfWork unitOfWork, IEventPublisher events,
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
        if (WorkflowRules.RequestReason(action, request, now) is { } invalid)
        {
            return new WorkflowResult.Invalid(invalid);
        }

        var step = new Step(item, latest, item.State, actor, request.Comment?.Trim() ?? "", request.PublicChangeNote?.Trim(), request, now);
        await using var unit = await unitOfWork.BeginAsync(cancellationToken);
        var message = action switch
        {
            WorkflowAction.Submit => await SubmitAsync(step, cancellationToken),
            WorkflowAction.Approve => await ApproveAsync(step, cancellationToken),
            WorkflowAction.Reject => await RejectAsync(step, cancellationToken),
            WorkflowAction.Unpublish => await UnpublishAsync(step, cancellationToken),
            WorkflowAction.Archive => await ArchiveOrTrashAsync(step, WorkflowState.Archived, "Innehållet är arkiverat.", cancellationToken),
            WorkflowAction.Trash => await ArchiveOrTrashAsync(step, WorkflowState.Trashed, "Innehållet ligger nu i papperskorgen.", cancellationToken),
            WorkflowAction.Restore => await RestoreAsync(step, cancellationToken),
            _ => null,
        };
        if (message is null)
        {
            return new WorkflowResult.Invalid("Okänd åtgärd.");
        }
        await unit.CompleteAsync(cancellationToken);
        return new WorkflowResult.Done(item, message);
    }

    /// <summary>One workflow action on one item, as it was asked for.</summary>
    private sealed record Step(
        ContentItem Item, ContentVersion Latest, WorkflowState From, WorkflowActor Actor, string Comment, string? PublicNote, WorkflowRequest Request, DateTime Now)
    {
        public void Audit(AuditLog audit, string action, WorkflowState to, int? versionNumber) =>
            audit.Record(Item, action, From, to, versionNumber, Actor.UserId, Actor.Name, Comment);
    }

    private async Task<string> SubmitAsync(Step step, CancellationToken cancellationToken)
    {
        var item = step.Item;
        SetPublicChangeNote(step.Latest, step.PublicNote);
        item.State = WorkflowState.InReview;
        item.SubmittedById = step.Actor.UserId;
        item.SubmittedAt = step.Now;
        Touch(item, step.Now);
        step.Audit(audit, WorkflowAction.Submit.Key(), item.State, step.Latest.Number);
        await db.SaveChangesAsync(cancellationToken);
        await events.PublishAsync(new ContentSubmitted(item, step.Actor, step.Comment), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return "Innehållet är skickat på granskning.";
    }

    /// <summary>Publishes the latest version now, or schedules it when the request names a later time.</summary>
    private async Task<string> ApproveAsync(Step step, CancellationToken cancellationToken)
    {
        var item = step.Item;
        var hadSchedule = item.PublishAt is not null;
        SetPublicChangeNote(step.Latest, step.PublicNote);
        item.LastReviewedAt = step.Now;
        item.LastReviewedById = step.Actor.UserId;
        item.LastReviewedByName = step.Actor.Name;
        var reviewBy = SwedishTime.DateOf(step.Now + ReviewInterval);
        if (item.ReviewBy < reviewBy)
        {
            item.ReviewBy = reviewBy;
        }
        item.UnpublishAt = step.Request.UnpublishAt?.ToUniversalTime();
        string message;
        if (step.Request.PublishAt?.ToUniversalTime() is { } at && at > step.Now)
        {
            item.State = WorkflowState.Scheduled;
            item.PublishAt = at;
            item.ScheduledVersionId = step.Latest.Id;
            Touch(item, step.Now);
            step.Audit(audit, WorkflowAction.Approve.Key(), item.State, step.Latest.Number);
            await db.SaveChangesAsync(cancellationToken);
            message = $"Innehållet är godkänt och publiceras {SwedishTime.Describe(at)}.";
        }
        else
        {
            step.Audit(audit, WorkflowAction.Approve.Key(), WorkflowState.Published, step.Latest.Number);
            await publisher.PublishAsync(item, step.Latest, cancellationToken);
            message = "Innehållet är godkänt och publicerat." +
                      (hadSchedule ? " Den version som var schemalagd tidigare publiceras inte, eftersom den här är nyare." : "");
        }
        ClearSubmission(item);
        await db.SaveChangesAsync(cancellationToken);
        return message;
    }

    private async Task<string> RejectAsync(Step step, CancellationToken cancellationToken)
    {
        var item = step.Item;
        item.State = WorkflowState.Draft;
        ClearSubmission(item);
        Touch(item, step.Now);
        step.Audit(audit, WorkflowAction.Reject.Key(), item.State, step.Latest.Number);
        await db.SaveChangesAsync(cancellationToken);
        await events.PublishAsync(new ContentRejected(item, step.Actor, step.Comment), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return "Innehållet är skickat tillbaka till redaktören.";
    }

    /// <summary>Takes the item down now, or at the later time the request names.</summary>
    private async Task<string> UnpublishAsync(Step step, CancellationToken cancellationToken)
    {
        var item = step.Item;
        if (step.Request.UnpublishAt?.ToUniversalTime() is { } later && later > step.Now)
        {
            item.UnpublishAt = later;
            Touch(item, step.Now);
            step.Audit(audit, AuditLog.ScheduledUnpublish, step.From, step.Latest.Number);
            await db.SaveChangesAsync(cancellationToken);
            return $"Innehållet avpubliceras {SwedishTime.Describe(later)}.";
        }
        var wasLive = item.PublishedVersionId is not null;
        await TakeDownAsync(item, item.State is WorkflowState.Published or WorkflowState.Scheduled ? WorkflowState.Unpublished : item.State, cancellationToken);
        step.Audit(audit, WorkflowAction.Unpublish.Key(), item.State, step.Latest.Number);
        await db.SaveChangesAsync(cancellationToken);
        return wasLive ? "Innehållet är avpublicerat." : "Den schemalagda publiceringen är avbruten.";
    }

    /// <summary>Archive or trash: off the public site and out of review.</summary>
    private async Task<string> ArchiveOrTrashAsync(Step step, WorkflowState target, string message, CancellationToken cancellationToken)
    {
        var item = step.Item;
        await TakeDownAsync(item, target, cancellationToken);
        ClearSubmission(item);
        step.Audit(audit, (target == WorkflowState.Archived ? WorkflowAction.Archive : WorkflowAction.Trash).Key(), item.State, step.Latest.Number);
        await db.SaveChangesAsync(cancellationToken);
        return message;
    }

    private async Task<string> RestoreAsync(Step step, CancellationToken cancellationToken)
    {
        var item = step.Item;
        item.State = WorkflowState.Draft;
        Touch(item, step.Now);
        step.Audit(audit, WorkflowAction.Restore.Key(), item.State, step.Latest.Number);
        await db.SaveChangesAsync(cancellationToken);
        return "Innehållet är återställt som utkast.";
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
            await using var unit = await unitOfWork.BeginAsync(cancellationToken);
            var from = item.State;
            await publisher.PublishAsync(item, version, cancellationToken);
            audit.Record(item, AuditLog.Published, from, item.State, version.Number, actor.UserId, actor.Name, "Schemalagd publicering");
            await db.SaveChangesAsync(cancellationToken);
            await unit.CompleteAsync(cancellationToken);
            changed++;
        }

        var dueUnpublish = await db.ContentItems.Where(i => i.UnpublishAt <= now && i.PublishedVersionId != null).ToListAsync(cancellationToken);
        foreach (var item in dueUnpublish)
        {
            await using var unit = await unitOfWork.BeginAsync(cancellationToken);
            var from = item.State;
            await TakeDownAsync(item, item.State == WorkflowState.Published ? WorkflowState.Unpublished : item.State, cancellationToken);
            audit.Record(item, WorkflowAction.Unpublish.Key(), from, item.State, null, actor.UserId, actor.Name, "Schemalagd avpublicering");
            await db.SaveChangesAsync(cancellationToken);
            await unit.CompleteAsync(cancellationToken);
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
