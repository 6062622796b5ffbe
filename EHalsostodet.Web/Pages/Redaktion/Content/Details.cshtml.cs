using System.Globalization;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Workflow;
using EHalsostodet.Web.BackOffice;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Web.Pages.Redaktion.Content;

public sealed class DetailsModel(PortalDbContext db, WorkflowService workflow, IOptions<WorkflowOptions> options) : PageModel
{
    private static readonly TimeZoneInfo Swedish = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public ContentItem Item { get; private set; } = null!;
    public int LatestNumber { get; private set; }
    public int? PublishedNumber { get; private set; }
    public string? PublicUrl { get; private set; }
    public IReadOnlyList<WorkflowAction> Actions { get; private set; } = [];
    public string? ApprovalBlockedReason { get; private set; }
    public List<AuditEntry> Audit { get; private set; } = [];
    public string? Error { get; private set; }
    public string? Action { get; private set; }
    public string? Comment { get; private set; }
    public string? PublishAtText { get; private set; }
    public string? UnpublishAtText { get; private set; }
    /// <summary>The public "what changed" text of the latest version, or what was just typed.</summary>
    public string? PublicChangeNote { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostWorkflowAsync(Guid id, string action, string? comment, string? publishAt, string? unpublishAt, string? publicChangeNote, CancellationToken cancellationToken)
    {
        (Action, Comment, PublishAtText, UnpublishAtText, PublicChangeNote) = (action, comment, publishAt, unpublishAt, publicChangeNote);
        if (!WorkflowActionNames.TryParseKey(action, out var workflowAction))
        {
            return BadRequest();
        }
        if (!TryParseLocal(publishAt, out var publishUtc) || !TryParseLocal(unpublishAt, out var unpublishUtc))
        {
            return await ShowErrorAsync(id, "Ange tiden som datum och klockslag, till exempel 2027-01-15 08:00.", cancellationToken);
        }
        var result = await workflow.ExecuteAsync(id, workflowAction, User.ToActor(), new WorkflowRequest(comment, publishUtc, unpublishUtc,
            workflowAction is WorkflowAction.Submit or WorkflowAction.Approve ? publicChangeNote ?? "" : null), cancellationToken);
        switch (result)
        {
            case WorkflowResult.Done done:
                TempData["Message"] = done.Message;
                return RedirectToPage(new { id });
            case WorkflowResult.Forbidden forbidden:
                Response.StatusCode = StatusCodes.Status403Forbidden;
                return await ShowErrorAsync(id, forbidden.Reason, cancellationToken);
            case WorkflowResult.Invalid invalid:
                return await ShowErrorAsync(id, invalid.Reason, cancellationToken);
            default:
                return NotFound();
        }
    }

    public async Task<IActionResult> OnPostReviewByAsync(Guid id, DateOnly? reviewBy, CancellationToken cancellationToken)
    {
        if (reviewBy is null)
        {
            return await ShowErrorAsync(id, "Ange ett datum, till exempel 2027-06-30.", cancellationToken);
        }
        var result = await workflow.SetReviewByAsync(id, reviewBy.Value, User.ToActor(), cancellationToken);
        switch (result)
        {
            case WorkflowResult.Done done:
                TempData["Message"] = done.Message;
                return RedirectToPage(new { id });
            case WorkflowResult.Invalid invalid:
                return await ShowErrorAsync(id, invalid.Reason, cancellationToken);
            case WorkflowResult.Forbidden forbidden:
                Response.StatusCode = StatusCodes.Status403Forbidden;
                return await ShowErrorAsync(id, forbidden.Reason, cancellationToken);
            default:
                return NotFound();
        }
    }

    private async Task<IActionResult> ShowErrorAsync(Guid id, string message, CancellationToken cancellationToken)
    {
        Error = message;
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var item = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null)
        {
            return false;
        }
        Item = item;
        var numbers = await db.ContentVersions.Where(v => v.ItemId == id).Select(v => new { v.Id, v.Number, v.PublicChangeNote }).ToListAsync(cancellationToken);
        var latest = numbers.First(v => v.Id == item.LatestVersionId);
        LatestNumber = latest.Number;
        PublicChangeNote ??= latest.PublicChangeNote;
        PublishedNumber = numbers.FirstOrDefault(v => v.Id == item.PublishedVersionId)?.Number;
        if (item.PublishedVersionId is not null)
        {
            var slug = await db.PublishedContent.Where(p => p.ItemId == id).Select(p => p.Slug).FirstOrDefaultAsync(cancellationToken);
            PublicUrl = slug is null ? null : ContentTypeNames.PublicUrl(item.Type, slug);
        }
        var actor = User.ToActor();
        Actions = await workflow.AvailableAsync(item, actor, cancellationToken);
        if (item.State == WorkflowState.InReview && actor.CanReview && !Actions.Contains(WorkflowAction.Approve))
        {
            ApprovalBlockedReason = WorkflowRules.Check(WorkflowAction.Approve, item, actor, await workflow.AuthorsSinceLiveAsync(item, cancellationToken), options.Value.FourEyes).Reason;
        }
        Audit = await db.AuditEntries.AsNoTracking().Where(a => a.ItemId == id).OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(20).ToListAsync(cancellationToken);
        return true;
    }

    /// <summary>datetime-local gives Swedish wall-clock time without a zone; the workflow works in UTC.</summary>
    private static bool TryParseLocal(string? text, out DateTime? utc)
    {
        utc = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }
        utc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Swedish);
        return true;
    }
}
