using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Members.Accounts;
using EHalsostodet.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Members.Plans;

/// <summary>What came of changing a plan.</summary>
public enum ActionPlanChange
{
    Done,
    /// <summary>No such plan or task, or it belongs to someone else: the two are not told apart.</summary>
    NotFound,
}

/// <summary>
/// A member's action plans ("Min handlingsplan"). Every method takes the owner's id and finds
/// only that owner's plans, so an id from the client cannot reach someone else's. Inputs are
/// validated by <see cref="ActionPlanTaskInput"/> and <see cref="ActionPlanText"/> before they get here.
/// </summary>
public sealed class ActionPlanService(PortalDbContext db, TimeProvider clock)
{
    /// <summary>Starts a plan from a published story: its title and the five steps, empty. Null when the story is not published.</summary>
    public async Task<Guid?> CreateFromStoryAsync(string userId, Guid storyId, CancellationToken cancellationToken)
    {
        var storyTitle = await db.PublishedContent.AsNoTracking()
            .Where(p => p.ItemId == storyId && p.Type == ContentType.Story).Select(p => p.Title).FirstOrDefaultAsync(cancellationToken);
        if (storyTitle is null)
        {
            return null;
        }
        var now = Now;
        var plan = new ActionPlan
        {
            Id = Guid.NewGuid(), UserId = userId, StoryId = storyId, Title = ActionPlanText.TitleFor(storyTitle), CreatedAt = now, UpdatedAt = now,
        };
        plan.Steps.AddRange(ActionPlanPromptBuilder.Steps.Select(step => new ActionPlanStep { PlanId = plan.Id, Step = step }));
        db.ActionPlans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        return plan.Id;
    }

    public async Task<IReadOnlyList<ActionPlanSummary>> ListAsync(string userId, CancellationToken cancellationToken) =>
        await db.ActionPlans.AsNoTracking()
            .Where(p => p.UserId == userId)
            .OrderByDescending(p => p.UpdatedAt).ThenBy(p => p.Title)
            .Select(p => new ActionPlanSummary(p.Id, p.Title, p.Tasks.Count(t => t.Done), p.Tasks.Count, p.ShareToken != null, p.UpdatedAt))
            .ToListAsync(cancellationToken);

    public async Task<ActionPlanDetails?> FindAsync(string userId, Guid id, CancellationToken cancellationToken)
    {
        var plan = await Plans().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.UserId == userId, cancellationToken);
        return plan is null ? null : await DetailsAsync(plan, cancellationToken);
    }

    /// <summary>A plan shared by link, or null when the token is unknown or was revoked.</summary>
    public async Task<ActionPlanDetails?> FindSharedAsync(string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }
        var plan = await Plans().AsNoTracking().FirstOrDefaultAsync(p => p.ShareToken == token, cancellationToken);
        return plan is null ? null : await DetailsAsync(plan, cancellationToken);
    }

    public Task<ActionPlanChange> RenameAsync(string userId, Guid id, string title, CancellationToken cancellationToken) =>
        ChangeAsync(userId, id, plan => plan.Title = title.Trim(), cancellationToken);

    public Task<ActionPlanChange> SaveNotesAsync(string userId, Guid id, ProcessStepKind step, string? notes, CancellationToken cancellationToken) =>
        ChangeAsync(userId, id, plan =>
        {
            var row = plan.Steps.FirstOrDefault(s => s.Step == step);
            if (row is null)
            {
                row = new ActionPlanStep { PlanId = plan.Id, Step = step };
                plan.Steps.Add(row);
                db.Add(row);
            }
            row.Notes = (notes ?? "").Trim();
        }, cancellationToken);

    /// <summary>Adds a task at the end of a step's list; returns its id, or null when the plan is not found.</summary>
    public async Task<Guid?> AddTaskAsync(string userId, Guid id, ProcessStepKind step, ActionPlanTaskInput input, CancellationToken cancellationToken)
    {
        var taskId = Guid.NewGuid();
        var change = await ChangeAsync(userId, id, plan =>
        {
            var inStep = plan.Tasks.Where(t => t.Step == step).ToList();
            var task = new ActionPlanTask
            {
                Id = taskId, PlanId = plan.Id, Step = step, Position = inStep.Count == 0 ? 0 : inStep.Max(t => t.Position) + 1,
                Text = input.CleanText, Owner = input.CleanOwner, DueDate = input.ParsedDueDate,
            };
            plan.Tasks.Add(task);
            // Added explicitly: a new child with its key already set would otherwise be taken for an existing row.
            db.Add(task);
        }, cancellationToken);
        return change == ActionPlanChange.Done ? taskId : null;
    }

    public Task<ActionPlanChange> UpdateTaskAsync(string userId, Guid id, Guid taskId, ActionPlanTaskInput input, CancellationToken cancellationToken) =>
        ChangeTaskAsync(userId, id, taskId, task =>
        {
            task.Text = input.CleanText;
            task.Owner = input.CleanOwner;
            task.DueDate = input.ParsedDueDate;
        }, cancellationToken);

    public Task<ActionPlanChange> SetTaskDoneAsync(string userId, Guid id, Guid taskId, bool done, CancellationToken cancellationToken) =>
        ChangeTaskAsync(userId, id, taskId, task => task.Done = done, cancellationToken);

    public async Task<ActionPlanChange> RemoveTaskAsync(string userId, Guid id, Guid taskId, CancellationToken cancellationToken)
    {
        var plan = await OwnedAsync(userId, id, cancellationToken);
        var task = plan?.Tasks.FirstOrDefault(t => t.Id == taskId);
        if (plan is null || task is null)
        {
            return ActionPlanChange.NotFound;
        }
        plan.Tasks.Remove(task);
        db.Remove(task);
        await TouchAndSaveAsync(plan, cancellationToken);
        return ActionPlanChange.Done;
    }

    public async Task<ActionPlanChange> DeleteAsync(string userId, Guid id, CancellationToken cancellationToken)
    {
        var plan = await OwnedAsync(userId, id, cancellationToken);
        if (plan is null)
        {
            return ActionPlanChange.NotFound;
        }
        // Steps and tasks go with the plan (cascade in the model and in the schema).
        db.ActionPlans.Remove(plan);
        await db.SaveChangesAsync(cancellationToken);
        return ActionPlanChange.Done;
    }

    /// <summary>The plan's share token, made now if it has none; null when not found.</summary>
    public async Task<string?> ShareAsync(string userId, Guid id, CancellationToken cancellationToken)
    {
        var plan = await OwnedAsync(userId, id, cancellationToken);
        if (plan is null)
        {
            return null;
        }
        if (plan.ShareToken is null)
        {
            plan.ShareToken = MemberProfileStore.NewToken();
            await TouchAndSaveAsync(plan, cancellationToken);
        }
        return plan.ShareToken;
    }

    /// <summary>Clears the share token: the old link stops working at once.</summary>
    public Task<ActionPlanChange> RevokeShareAsync(string userId, Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(userId, id, plan => plan.ShareToken = null, cancellationToken);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private IQueryable<ActionPlan> Plans() => db.ActionPlans.Include(p => p.Steps).Include(p => p.Tasks);

    private Task<ActionPlan?> OwnedAsync(string userId, Guid id, CancellationToken cancellationToken) =>
        Plans().FirstOrDefaultAsync(p => p.Id == id && p.UserId == userId, cancellationToken);

    private async Task<ActionPlanChange> ChangeAsync(string userId, Guid id, Action<ActionPlan> change, CancellationToken cancellationToken)
    {
        var plan = await OwnedAsync(userId, id, cancellationToken);
        if (plan is null)
        {
            return ActionPlanChange.NotFound;
        }
        change(plan);
        await TouchAndSaveAsync(plan, cancellationToken);
        return ActionPlanChange.Done;
    }

    private async Task<ActionPlanChange> ChangeTaskAsync(string userId, Guid id, Guid taskId, Action<ActionPlanTask> change, CancellationToken cancellationToken)
    {
        var plan = await OwnedAsync(userId, id, cancellationToken);
        var task = plan?.Tasks.FirstOrDefault(t => t.Id == taskId);
        if (plan is null || task is null)
        {
            return ActionPlanChange.NotFound;
        }
        change(task);
        await TouchAndSaveAsync(plan, cancellationToken);
        return ActionPlanChange.Done;
    }

    private async Task TouchAndSaveAsync(ActionPlan plan, CancellationToken cancellationToken)
    {
        plan.UpdatedAt = Now;
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<ActionPlanDetails> DetailsAsync(ActionPlan plan, CancellationToken cancellationToken)
    {
        var story = await db.PublishedContent.AsNoTracking()
            .Where(p => p.ItemId == plan.StoryId && p.Type == ContentType.Story)
            .Select(p => new { p.Title, p.Slug, p.DocumentJson })
            .FirstOrDefaultAsync(cancellationToken);
        var prompts = ActionPlanPromptBuilder.For(story is null ? null : ContentDocumentSerializer.Deserialize<StoryDocument>(story.DocumentJson));
        var steps = ActionPlanPromptBuilder.Steps.Select(step => new ActionPlanStepView(
            step,
            prompts[step],
            plan.Steps.FirstOrDefault(s => s.Step == step)?.Notes ?? "",
            plan.Tasks.Where(t => t.Step == step).OrderBy(t => t.Position)
                .Select(t => new ActionPlanTaskView(t.Id, t.Step, t.Text, t.Owner, t.DueDate, t.Done)).ToList())).ToList();
        return new ActionPlanDetails(
            plan.Id, plan.Title, plan.StoryId, story?.Title, story is null ? null : PortalPaths.Of(ContentType.Story, story.Slug),
            plan.ShareToken, plan.CreatedAt, plan.UpdatedAt, steps);
    }
}
