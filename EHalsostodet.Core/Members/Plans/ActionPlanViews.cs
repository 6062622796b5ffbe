using EHalsostodet.Core.Content;

namespace EHalsostodet.Core.Members.Plans;

/// <summary>One of a member's plans in a list, with its progress.</summary>
public sealed record ActionPlanSummary(Guid Id, string Title, int TasksDone, int TaskCount, bool IsShared, DateTime UpdatedAt)
{
    public string ProgressText => ActionPlanProgress.Text(TasksDone, TaskCount);
}

/// <summary>What the story says about one process step, shown beside the member's own notes as prompts.</summary>
/// <param name="Question">The question the member answers for their own organisation in this step.</param>
/// <param name="What">What the municipality did in the step (Vad?).</param>
/// <param name="Who">Who took part (Vem?).</param>
public sealed record ActionPlanPrompts(string Question, string What, string Who, string Challenges, string SuccessFactors)
{
    public bool HasStoryText => What.Length + Who.Length + Challenges.Length + SuccessFactors.Length > 0;
}

/// <summary>A task in a plan as it is shown.</summary>
public sealed record ActionPlanTaskView(Guid Id, ProcessStepKind Step, string Text, string Owner, DateOnly? DueDate, bool Done);

/// <summary>One process step of a plan: the story's prompts, the member's notes and tasks.</summary>
public sealed record ActionPlanStepView(ProcessStepKind Step, ActionPlanPrompts Prompts, string Notes, IReadOnlyList<ActionPlanTaskView> Tasks)
{
    public string Label => Step.Label();
}

/// <summary>A whole plan, with the story it came from while that story is still published.</summary>
/// <param name="StoryTitle">Null once the story is no longer published.</param>
/// <param name="StoryUrl">Null once the story is no longer published.</param>
public sealed record ActionPlanDetails(
    Guid Id, string Title, Guid StoryId, string? StoryTitle, string? StoryUrl, string? ShareToken,
    DateTime CreatedAt, DateTime UpdatedAt, IReadOnlyList<ActionPlanStepView> Steps)
{
    public int TaskCount => Steps.Sum(s => s.Tasks.Count);

    public int TasksDone => Steps.Sum(s => s.Tasks.Count(t => t.Done));

    public string ProgressText => ActionPlanProgress.Text(TasksDone, TaskCount);
}

public static class ActionPlanProgress
{
    /// <summary>The progress in words, so it never depends on a bar or a colour.</summary>
    public static string Text(int done, int count) => count == 0
        ? "Inga uppgifter ännu"
        : $"{done} av {(count == 1 ? "1 uppgift klar" : $"{count} uppgifter klara")}";
}
