using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Members.Plans;
using EHalsostodet.Core.Sharing;
using EHalsostodet.Web.BackOffice.Editing;
using EHalsostodet.Web.Members.Saving;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using EHalsostodet.Web.Infrastructure;

namespace EHalsostodet.Web.Pages.Members.Plans;

/// <summary>
/// /mina-sidor/handlingsplaner/{id}: one of my plans. Each change is its own small form, so
/// everything works without JavaScript; a refused form comes back with its input and the
/// error next to it. Others' plans answer 404.
/// </summary>
[Authorize]
public sealed class DetailsModel(ActionPlanService plans, PublicUrls urls) : PageModel
{
    public ActionPlanDetails Plan { get; private set; } = null!;

    /// <summary>The form that was refused (see <see cref="PlanFormKeys"/>), so only it shows the posted input and errors.</summary>
    public string? FailedForm { get; private set; }

    [BindProperty]
    public string? PlanTitle { get; set; }

    [BindProperty]
    public ProcessStepKind? Step { get; set; }

    [BindProperty]
    public string? Notes { get; set; }

    [BindProperty]
    public Guid? TaskId { get; set; }

    [BindProperty]
    public string? TaskText { get; set; }

    [BindProperty]
    public string? TaskOwner { get; set; }

    [BindProperty]
    public string? TaskDueDate { get; set; }

    public string? ShareUrl => Plan.ShareToken is { } token ? urls.Absolute(PortalPaths.SharedPlan(token)) : null;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRenameAsync(Guid id, CancellationToken cancellationToken)
    {
        if (ActionPlanText.TitleError(PlanTitle) is { } error)
        {
            return await RefuseAsync(id, PlanFormKeys.Rename, [(nameof(PlanTitle), error)], cancellationToken);
        }
        return Done(id, await plans.RenameAsync(User.RequiredMemberId(), id, PlanTitle!, cancellationToken));
    }

    public async Task<IActionResult> OnPostNotesAsync(Guid id, CancellationToken cancellationToken)
    {
        if (Step is not { } step || !Enum.IsDefined(step))
        {
            return BadRequest();
        }
        if (ActionPlanText.NotesError(Notes) is { } error)
        {
            return await RefuseAsync(id, PlanFormKeys.Notes(step), [(nameof(Notes), error)], cancellationToken);
        }
        return Done(id, await plans.SaveNotesAsync(User.RequiredMemberId(), id, step, Notes, cancellationToken), PlanFormKeys.StepAnchor(step));
    }

    public async Task<IActionResult> OnPostAddTaskAsync(Guid id, CancellationToken cancellationToken)
    {
        if (Step is not { } step || !Enum.IsDefined(step))
        {
            return BadRequest();
        }
        var input = new ActionPlanTaskInput(TaskText, TaskOwner, TaskDueDate);
        if (input.Validate() is { Count: > 0 } errors)
        {
            return await RefuseAsync(id, PlanFormKeys.AddTask(step), TaskErrors(errors), cancellationToken);
        }
        return await plans.AddTaskAsync(User.RequiredMemberId(), id, step, input, cancellationToken) is { } taskId
            ? new SeeOtherResult($"{PortalPaths.Members.Plan(id)}#{PlanFormKeys.TaskAnchor(taskId)}")
            : NotFound();
    }

    public async Task<IActionResult> OnPostUpdateTaskAsync(Guid id, CancellationToken cancellationToken)
    {
        if (TaskId is not { } taskId)
        {
            return BadRequest();
        }
        var input = new ActionPlanTaskInput(TaskText, TaskOwner, TaskDueDate);
        if (input.Validate() is { Count: > 0 } errors)
        {
            return await RefuseAsync(id, PlanFormKeys.Task(taskId), TaskErrors(errors), cancellationToken);
        }
        return Done(id, await plans.UpdateTaskAsync(User.RequiredMemberId(), id, taskId, input, cancellationToken), PlanFormKeys.TaskAnchor(taskId));
    }

    public async Task<IActionResult> OnPostDoneAsync(Guid id, bool done, CancellationToken cancellationToken) =>
        TaskId is { } taskId
            ? Done(id, await plans.SetTaskDoneAsync(User.RequiredMemberId(), id, taskId, done, cancellationToken), PlanFormKeys.TaskAnchor(taskId))
            : BadRequest();

    public async Task<IActionResult> OnPostRemoveTaskAsync(Guid id, CancellationToken cancellationToken) =>
        TaskId is { } taskId
            ? Done(id, await plans.RemoveTaskAsync(User.RequiredMemberId(), id, taskId, cancellationToken))
            : BadRequest();

    public async Task<IActionResult> OnPostShareAsync(Guid id, CancellationToken cancellationToken) =>
        await plans.ShareAsync(User.RequiredMemberId(), id, cancellationToken) is null ? NotFound() : new SeeOtherResult($"{PortalPaths.Members.Plan(id)}#dela");

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken) =>
        Done(id, await plans.RevokeShareAsync(User.RequiredMemberId(), id, cancellationToken), "dela");

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, bool confirm, CancellationToken cancellationToken)
    {
        if (!confirm)
        {
            return await RefuseAsync(id, PlanFormKeys.Delete, [("Confirm", "Kryssa i rutan för att bekräfta att handlingsplanen ska tas bort.")], cancellationToken);
        }
        return await plans.DeleteAsync(User.RequiredMemberId(), id, cancellationToken) == ActionPlanChange.Done
            ? new SeeOtherResult(PortalPaths.Members.Plans)
            : NotFound();
    }

    private static IEnumerable<(string Key, string Message)> TaskErrors(IReadOnlyList<(string Field, string Message)> errors) =>
        errors.Select(e => (e.Field switch { "owner" => nameof(TaskOwner), "dueDate" => nameof(TaskDueDate), _ => nameof(TaskText) }, e.Message));

    private async Task<IActionResult> RefuseAsync(Guid id, string form, IEnumerable<(string Key, string Message)> errors, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        foreach (var (key, message) in errors)
        {
            ModelState.AddModelError(key, message);
        }
        FailedForm = form;
        return Page();
    }

    private static IActionResult Done(Guid id, ActionPlanChange change, string anchor = "") => change switch
    {
        ActionPlanChange.Done => new SeeOtherResult(PortalPaths.Members.Plan(id) + (anchor.Length > 0 ? "#" + anchor : "")),
        _ => new NotFoundResult(),
    };

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var plan = await plans.FindAsync(User.RequiredMemberId(), id, cancellationToken);
        if (plan is null)
        {
            return false;
        }
        Plan = plan;
        return true;
    }
}

/// <summary>Names of the forms and anchors on a plan page, shared by the page model and its view.</summary>
public static class PlanFormKeys
{
    public const string Rename = "rename";
    public const string Delete = "delete";

    public static string StepAnchor(ProcessStepKind step) => "steg-" + step.ToString().ToLowerInvariant();

    public static string Notes(ProcessStepKind step) => "notes-" + step.ToString().ToLowerInvariant();

    public static string AddTask(ProcessStepKind step) => "add-" + step.ToString().ToLowerInvariant();

    public static string Task(Guid taskId) => $"task-{taskId:N}";

    public static string TaskAnchor(Guid taskId) => $"uppgift-{taskId:N}";
}
