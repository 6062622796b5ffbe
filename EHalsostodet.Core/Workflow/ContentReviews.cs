using EHalsostodet.Core.Content;
using EHalsostodet.Core.Events;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Workflow;

/// <summary>Live content was read again and is still right; it was reviewed by a reviewer at a time.</summary>
public sealed record ContentReviewed(ContentItem Item, WorkflowActor ReviewedBy) : IContentEvent;

/// <summary>
/// "Markera som granskad": a reviewer confirms that published content past its review date is still
/// right. Records who and when, moves the review date a year on, and logs it.
/// </summary>
public sealed class ContentReviews(PortalDbContext db, AuditLog audit, UnitOfWork unitOfWork, IEventPublisher events, TimeProvider clock)
{
    public static readonly TimeSpan ReviewInterval = ContentStore.DefaultReviewInterval;

    /// <summary>Why the actor cannot mark an item (live or not, to be reviewed by a date) as reviewed today; null when they can.</summary>
    public static (bool Forbidden, string? Reason) Check(bool isLive, DateOnly reviewBy, WorkflowActor actor, DateOnly today)
    {
        if (!actor.CanReview)
        {
            return (true, "Bara en Granskare eller Administratör kan markera innehåll som granskat.");
        }
        if (!isLive)
        {
            return (false, "Bara publicerat innehåll kan markeras som granskat.");
        }
        if (reviewBy >= today)
        {
            return (false, $"Innehållet ska granskas senast {reviewBy:yyyy-MM-dd} och kan markeras som granskat först när det datumet har passerat.");
        }
        return (false, null);
    }

    public async Task<WorkflowResult> MarkReviewedAsync(Guid itemId, WorkflowActor actor, CancellationToken cancellationToken)
    {
        var item = await db.ContentItems.FirstOrDefaultAsync(i => i.Id == itemId, cancellationToken);
        if (item is null)
        {
            return new WorkflowResult.NotFound();
        }
        var (forbidden, reason) = Check(item.PublishedVersionId is not null, item.ReviewBy, actor, SwedishTime.Today(clock));
        if (reason is not null)
        {
            return forbidden ? new WorkflowResult.Forbidden(reason) : new WorkflowResult.Invalid(reason);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var before = item.ReviewBy;
        item.LastReviewedAt = now;
        item.LastReviewedById = actor.UserId;
        item.LastReviewedByName = actor.Name;
        item.ReviewBy = SwedishTime.DateOf(now + ReviewInterval);
        item.UpdatedAt = now;
        item.ConcurrencyStamp = Guid.NewGuid();
        // The public page says when the content was last reviewed.
        if (await db.PublishedContent.FirstOrDefaultAsync(p => p.ItemId == itemId, cancellationToken) is { } published)
        {
            published.LastReviewedAt = now;
        }
        await using var unit = await unitOfWork.BeginAsync(cancellationToken);
        audit.Record(item, AuditLog.MarkedReviewed, item.State, item.State, null, actor.UserId, actor.Name,
            $"Granskas nästa gång senast {item.ReviewBy:yyyy-MM-dd} (tidigare {before:yyyy-MM-dd}).");
        await db.SaveChangesAsync(cancellationToken);
        await events.PublishAsync(new ContentReviewed(item, actor), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await unit.CompleteAsync(cancellationToken);
        return new WorkflowResult.Done(item, $"Innehållet är markerat som granskat. Nästa granskning senast {item.ReviewBy:yyyy-MM-dd}.");
    }
}
