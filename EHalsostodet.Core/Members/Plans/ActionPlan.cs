using EHalsostodet.Core.Content;

namespace EHalsostodet.Core.Members.Plans;

/// <summary>
/// "Min handlingsplan": a member's own plan for introducing what a story describes, along the
/// five process steps, with the story's questions, challenges and success factors as prompts.
/// </summary>
public sealed class ActionPlan
{
    public Guid Id { get; set; }
    public string UserId { get; set; } = "";
    /// <summary>The story the plan started from; the plan outlives the story being unpublished.</summary>
    public Guid StoryId { get; set; }
    public string Title { get; set; } = "";
    /// <summary>Set while the plan is shared read-only by link; revoking clears it.</summary>
    public string? ShareToken { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<ActionPlanStep> Steps { get; set; } = [];
    public List<ActionPlanTask> Tasks { get; set; } = [];
}

/// <summary>The member's notes for one process step of their plan.</summary>
public sealed class ActionPlanStep
{
    public Guid PlanId { get; set; }
    public ProcessStepKind Step { get; set; }
    public string Notes { get; set; } = "";
}

/// <summary>Something to do in one step: who does it, by when, and whether it is done.</summary>
public sealed class ActionPlanTask
{
    public Guid Id { get; set; }
    public Guid PlanId { get; set; }
    public ProcessStepKind Step { get; set; }
    public int Position { get; set; }
    public string Text { get; set; } = "";
    public string Owner { get; set; } = "";
    public DateOnly? DueDate { get; set; }
    public bool Done { get; set; }
}
