using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Workflow;

/// <summary>A line in the back office's lists.</summary>
public sealed record EditorialItem(
    Guid Id, ContentType Type, string Title, WorkflowState State, bool IsLive, bool HasPendingChanges,
    DateOnly ReviewBy, DateTime UpdatedAt, DateTime? PublishAt, DateTime? UnpublishAt, string? SubmittedById, DateTime? SubmittedAt);

/// <summary>The back office's lists: the dashboard and the content list. Drafts included.</summary>
public sealed class EditorialQueries(PortalDbContext db, TimeProvider clock)
{
    public const int PageSize = 50;

    public Task<List<EditorialItem>> AwaitingReviewAsync(CancellationToken cancellationToken) =>
        Project(Items(i => i.State == WorkflowState.InReview).OrderBy(i => i.SubmittedAt)).ToListAsync(cancellationToken);

    /// <summary>Drafts and submissions whose latest version the user wrote.</summary>
    public Task<List<EditorialItem>> MineInProgressAsync(string userId, CancellationToken cancellationToken) =>
        Project(Items(i => (i.State == WorkflowState.Draft || i.State == WorkflowState.InReview) &&
                db.ContentVersions.Any(v => v.Id == i.LatestVersionId && v.AuthorId == userId))
            .OrderByDescending(i => i.UpdatedAt)).ToListAsync(cancellationToken);

    public Task<List<EditorialItem>> ScheduledAsync(CancellationToken cancellationToken) =>
        Project(Items(i => i.State == WorkflowState.Scheduled || (i.UnpublishAt != null && i.PublishedVersionId != null))
            .OrderBy(i => i.PublishAt ?? i.UnpublishAt)).ToListAsync(cancellationToken);

    public Task<List<EditorialItem>> PastReviewDateAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return Project(Items(i => i.ReviewBy < today && i.State != WorkflowState.Trashed && i.State != WorkflowState.Archived)
            .OrderBy(i => i.ReviewBy)).ToListAsync(cancellationToken);
    }

    /// <summary>The content list with filters; trashed items only when asked for.</summary>
    public async Task<(List<EditorialItem> Items, int Total)> ListAsync(
        ContentType? type, WorkflowState? state, string? text, int page, CancellationToken cancellationToken)
    {
        var query = Items(i =>
            (type == null || i.Type == type) &&
            (state == null ? i.State != WorkflowState.Trashed : i.State == state));
        if (!string.IsNullOrWhiteSpace(text))
        {
            var pattern = $"%{text.Trim().Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal)}%";
            query = query.Where(i => EF.Functions.Like(i.Title, pattern));
        }
        var total = await query.CountAsync(cancellationToken);
        var items = await Project(query.OrderByDescending(i => i.UpdatedAt).Skip((Math.Max(page, 1) - 1) * PageSize).Take(PageSize)).ToListAsync(cancellationToken);
        return (items, total);
    }

    private IQueryable<ContentItem> Items(System.Linq.Expressions.Expression<Func<ContentItem, bool>> filter) =>
        db.ContentItems.AsNoTracking().Where(filter);

    private static IQueryable<EditorialItem> Project(IQueryable<ContentItem> items) =>
        items.Select(i => new EditorialItem(
            i.Id, i.Type, i.Title, i.State, i.PublishedVersionId != null,
            i.PublishedVersionId != null && i.PublishedVersionId != i.LatestVersionId,
            i.ReviewBy, i.UpdatedAt, i.PublishAt, i.UnpublishAt, i.SubmittedById, i.SubmittedAt));
}
