using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Time;
using EHalsostodet.Core.Workflow;
using EHalsostodet.Web.BackOffice;
using EHalsostodet.Web.BackOffice.Editing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using EHalsostodet.Web.Infrastructure;

namespace EHalsostodet.Web.Pages.BackOffice.Content;

public sealed class DetailsModel(ContentQueries queries, AuditQueries audit, WorkflowService workflow, ContentReviews reviews, IOptions<WorkflowOptions> options, TimeProvider clock) : PageModel
{
    public ContentItem Item { get; private set; } = null!;
    public int LatestNumber { get; private set; }
    public int? PublishedNumber { get; private set; }
    /// <summary>The approved version waiting for its publication time, when there is one.</summary>
    public int? ScheduledNumber { get; private set; }
    public DateOnly Today { get; private set; }
    /// <summary>What the latest version lacks before it can be sent for review, with links to the fields.</summary>
    public IReadOnlyList<EditorFieldError> MissingForReview { get; private set; } = [];
    /// <summary>A refused submit or approval of incomplete content, as the editor's error summary.</summary>
    public ErrorSummary? ReviewErrors { get; private set; }
    public string? PublicUrl { get; private set; }
    public IReadOnlyList<WorkflowAction> Actions { get; private set; } = [];
    public string? ApprovalBlockedReason { get; private set; }
    public List<AuditEntry> Audit { get; private set; } = [];
    public ReviewStatus Review { get; private set; } = null!;
    public string? Error { get; private set; }
    public string? Action { get; private set; }
    public string? Comment { get; private set; }
    public string? PublishAtText { get; private set; }
    public string? UnpublishAtText { get; private set; }
    /// <summary>The public "what changed" text of the latest version, or what was just typed.</summary>
    public string? PublicChangeNote { get; private set; }

    private IContentDocument? latestDocument;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostWorkflowAsync(Guid id, string action, string? comment, string? publishAt, string? unpublishAt, string? publicChangeNote, CancellationToken cancellationToken)
    {
        (Action, Comment, PublishAtText, UnpublishAtText, PublicChangeNote) = (action, comment, publishAt, unpublishAt, publicChangeNote);
        if (!WorkflowActionNames.TryParseKey(action, out var workflowAction))
        {
            return BadRequest();
        }
        // datetime-local gives Swedish wall-clock time without a zone; the workflow works in UTC.
        var publishTime = SwedishTime.Parse(publishAt);
        var unpublishTime = SwedishTime.Parse(unpublishAt);
        if ((publishTime.Error ?? unpublishTime.Error) is { } timeError)
        {
            return await ShowErrorAsync(id, timeError, cancellationToken);
        }
        var result = await workflow.ExecuteAsync(id, workflowAction, User.ToActor(), new WorkflowRequest(comment, publishTime.Utc, unpublishTime.Utc,
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
            case WorkflowResult.Incomplete incomplete:
                if (!await LoadAsync(id, cancellationToken))
                {
                    return NotFound();
                }
                ReviewErrors = new ErrorSummary(
                    (workflowAction == WorkflowAction.Submit ? "Det gick inte att skicka på granskning." : "Det gick inte att godkänna.") + " Rätta följande:",
                    latestDocument is null ? [] : EditorFieldLinks.For(id, latestDocument, incomplete.Errors));
                return Page();
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

    /// <param name="returnTo">Where the button was: "oversikt" (the dashboard), "redigera" (the editor), or this page.</param>
    public async Task<IActionResult> OnPostMarkReviewedAsync(Guid id, string? returnTo, CancellationToken cancellationToken)
    {
        switch (await reviews.MarkReviewedAsync(id, User.ToActor(), cancellationToken))
        {
            case WorkflowResult.Done done:
                TempData["Message"] = done.Message;
                return new SeeOtherResult(returnTo switch
                {
                    ReviewStatus.ReturnToDashboard => PortalPaths.BackOffice.Home,
                    ReviewStatus.ReturnToEditor => PortalPaths.BackOffice.Edit(id),
                    _ => PortalPaths.BackOffice.Content(id),
                });
            case WorkflowResult.Forbidden forbidden:
                Response.StatusCode = StatusCodes.Status403Forbidden;
                return await ShowErrorAsync(id, forbidden.Reason, cancellationToken);
            case WorkflowResult.Invalid invalid:
                return await ShowErrorAsync(id, invalid.Reason, cancellationToken);
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
        var item = await queries.ItemAsync(id, cancellationToken);
        if (item is null)
        {
            return false;
        }
        Item = item;
        Today = SwedishTime.Today(clock);
        var numbers = await queries.VersionHeadersAsync(id, cancellationToken);
        var latest = numbers.First(v => v.Id == item.LatestVersionId);
        LatestNumber = latest.Number;
        PublicChangeNote ??= latest.PublicChangeNote;
        PublishedNumber = numbers.FirstOrDefault(v => v.Id == item.PublishedVersionId)?.Number;
        ScheduledNumber = item.PublishAt is null ? null : numbers.FirstOrDefault(v => v.Id == (item.ScheduledVersionId ?? item.LatestVersionId))?.Number;
        var json = (await queries.VersionAsync(id, latest.Id, cancellationToken))!.DocumentJson;
        latestDocument = ContentDocumentSerializer.ReadStored(item.Type, json).Document;
        if (latestDocument is not null)
        {
            MissingForReview = EditorFieldLinks.For(id, latestDocument, DocumentValidator.ValidateForReview(latestDocument));
        }
        if (item.PublishedVersionId is not null)
        {
            var slug = await queries.PublishedSlugAsync(id, cancellationToken);
            PublicUrl = slug is null ? null : PortalPaths.Of(item.Type, slug);
        }
        var actor = User.ToActor();
        Review = ReviewStatus.Of(item, actor, Today);
        Actions = await workflow.AvailableAsync(item, actor, cancellationToken);
        if (item.State == WorkflowState.InReview && actor.CanReview && !Actions.Contains(WorkflowAction.Approve))
        {
            ApprovalBlockedReason = WorkflowRules.Check(WorkflowAction.Approve, item, actor, await workflow.ChangeContributorsAsync(item, cancellationToken), options.Value.FourEyes).Reason;
        }
        Audit = await audit.LatestForItemAsync(id, 20, cancellationToken);
        return true;
    }
}
