using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Workflow;

/// <summary>A line in the back office's lists.</summary>
public sealed record EditorialItem(
    Guid Id, ContentType Type, string Title, WorkflowState State, bool IsLive, bool HasPendingChanges,
    DateOnly ReviewBy, DateTime UpdatedAt, DateTime? PublishAt, DateTime? UnpublishAt, string? SubmittedById, DateTime? SubmittedAt,
    DateTime? LastReviewedAt = null, string? LastReviewedByName = null);

/// <summary>A reviewer's comment when sending an item back to its editors.</summary>
public sealed record Rejection(string Comment, string ReviewerName, DateTime At);

/// <summary>A page of the content list, the number of items in all pages, and counts per state and type.</summary>
public sealed record EditorialList(
    List<EditorialItem> Items, int Total, IReadOnlyDictionary<WorkflowState, int> StateCounts, IReadOnlyDictionary<ContentType, int> TypeCounts);

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

    /// <summary>Approved versions waiting for their time (also under a newer draft), and live items with a time to come down.</summary>
    public Task<List<EditorialItem>> ScheduledAsync(CancellationToken cancellationToken) =>
        Project(Items(i => i.PublishAt != null || (i.UnpublishAt != null && i.PublishedVersionId != null))
            .OrderBy(i => i.PublishAt ?? i.UnpublishAt)).ToListAsync(cancellationToken);

    public Task<List<EditorialItem>> PastReviewDateAsync(CancellationToken cancellationToken)
    {
        var today = SwedishTime.Today(clock);
        return Project(Items(i => i.ReviewBy < today && i.State != WorkflowState.Trashed && i.State != WorkflowState.Archived)
            .OrderBy(i => i.ReviewBy)).ToListAsync(cancellationToken);
    }

    /// <summary>Drafts a reviewer sent back and nobody has sent for review again, latest first, with the reviewer's comments.</summary>
    public async Task<(List<EditorialItem> Items, IReadOnlyDictionary<Guid, Rejection> Comments)> SentBackAsync(CancellationToken cancellationToken)
    {
        var drafts = await db.ContentItems.AsNoTracking().Where(i => i.State == WorkflowState.Draft).Select(i => i.Id).ToListAsync(cancellationToken);
        var comments = await RejectionsAsync(drafts, cancellationToken);
        var ids = comments.Keys.ToList();
        var items = await Project(Items(i => ids.Contains(i.Id))).ToListAsync(cancellationToken);
        return (items.OrderByDescending(i => comments[i.Id].At).ToList(), comments);
    }

    /// <summary>
    /// The reviewer's comment for each of the items whose latest workflow step was being sent back
    /// (a later submit, approval or the like means the comment has been dealt with; saves do not).
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, Rejection>> RejectionsAsync(IReadOnlyCollection<Guid> itemIds, CancellationToken cancellationToken)
    {
        if (itemIds.Count == 0)
        {
            return new Dictionary<Guid, Rejection>();
        }
        var steps = Enum.GetValues<WorkflowAction>().Select(a => a.Key()).Append(AuditLog.Published).ToList();
        var reject = WorkflowAction.Reject.Key();
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.ItemId != null && itemIds.Contains(a.ItemId.Value) && steps.Contains(a.Action))
            .Select(a => new { ItemId = a.ItemId!.Value, a.Id, a.Action, a.Comment, a.UserName, a.At })
            .ToListAsync(cancellationToken);
        return entries.GroupBy(e => e.ItemId)
            .Select(g => g.MaxBy(e => e.Id)!)
            .Where(e => e.Action == reject)
            .ToDictionary(e => e.ItemId, e => new Rejection(e.Comment, e.UserName, e.At));
    }

    /// <summary>
    /// The content list with filters; trashed items only when asked for. With <paramref name="matches"/>
    /// (a free-text search's hits, best first) only those, in that order; otherwise the latest changed first.
    /// Counts per state and per type are for the other filter, so they tell what choosing one would give.
    /// </summary>
    public async Task<EditorialList> ListAsync(
        ContentType? type, WorkflowState? state, IReadOnlyList<Guid>? matches, int page, CancellationToken cancellationToken)
    {
        var scope = db.ContentItems.AsNoTracking();
        if (matches is not null)
        {
            scope = scope.Where(i => matches.Contains(i.Id));
        }
        var rows = await scope.Select(i => new { i.Id, i.Type, i.State, i.UpdatedAt }).ToListAsync(cancellationToken);
        bool StateMatches(WorkflowState s) => state is null ? s != WorkflowState.Trashed : s == state;
        var stateCounts = rows.Where(r => type is null || r.Type == type).GroupBy(r => r.State).ToDictionary(g => g.Key, g => g.Count());
        var typeCounts = rows.Where(r => StateMatches(r.State)).GroupBy(r => r.Type).ToDictionary(g => g.Key, g => g.Count());
        var filtered = rows.Where(r => (type is null || r.Type == type) && StateMatches(r.State));
        if (matches is not null)
        {
            var rank = matches.Select((id, index) => (id, index)).ToDictionary(x => x.id, x => x.index);
            filtered = filtered.OrderBy(r => rank[r.Id]);
        }
        else
        {
            filtered = filtered.OrderByDescending(r => r.UpdatedAt);
        }
        var all = filtered.Select(r => r.Id).ToList();
        var pageIds = all.Skip((Math.Max(page, 1) - 1) * PageSize).Take(PageSize).ToList();
        var items = await Project(Items(i => pageIds.Contains(i.Id))).ToListAsync(cancellationToken);
        var order = pageIds.Select((id, index) => (id, index)).ToDictionary(x => x.id, x => x.index);
        return new EditorialList(items.OrderBy(i => order[i.Id]).ToList(), all.Count, stateCounts, typeCounts);
    }

    private IQueryable<ContentItem> Items(System.Linq.Expressions.Expression<Func<ContentItem, bool>> filter) =>
        db.ContentItems.AsNoTracking().Where(filter);

    private static IQueryable<EditorialItem> Project(IQueryable<ContentItem> items) =>
        items.Select(i => new EditorialItem(
            i.Id, i.Type, i.Title, i.State, i.PublishedVersionId != null,
            i.PublishedVersionId != null && i.PublishedVersionId != i.LatestVersionId,
            i.ReviewBy, i.UpdatedAt, i.PublishAt, i.UnpublishAt, i.SubmittedById, i.SubmittedAt, i.LastReviewedAt, i.LastReviewedByName));
}
