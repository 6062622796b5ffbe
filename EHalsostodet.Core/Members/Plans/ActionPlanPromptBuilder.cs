using EHalsostodet.Core.Content;

namespace EHalsostodet.Core.Members.Plans;

/// <summary>Turns a story's process description into the prompts of a plan's five steps.</summary>
public static class ActionPlanPromptBuilder
{
    /// <summary>The five steps in the order of the process model.</summary>
    public static IReadOnlyList<ProcessStepKind> Steps { get; } = Enum.GetValues<ProcessStepKind>();

    /// <summary>The question a member answers for their own organisation in each step.</summary>
    public static string Question(ProcessStepKind step) => step switch
    {
        ProcessStepKind.Identify => "Vilket behov har ni, och vem i verksamheten äger frågan?",
        ProcessStepKind.Investigate => "Vilka lösningar finns, vad krävs av er organisation och hur ska ni mäta nyttan?",
        ProcessStepKind.Test => "Hur, var och med vilka ska ni pröva lösningen i liten skala?",
        ProcessStepKind.Implement => "Vad behövs för att lösningen ska bli en del av det vanliga arbetet?",
        ProcessStepKind.Manage => "Vem ansvarar för lösningen framåt, och hur följer ni upp och förbättrar den?",
        _ => "",
    };

    /// <summary>The prompts for every step; a story without text for a step (or no story at all) still gets the question.</summary>
    public static IReadOnlyDictionary<ProcessStepKind, ActionPlanPrompts> For(StoryDocument? story) =>
        Steps.ToDictionary(step => step, step =>
        {
            var text = story?.Process.Steps.FirstOrDefault(s => s.Step == step);
            return new ActionPlanPrompts(
                Question(step), text?.What ?? "", text?.Who ?? "", text?.Challenges ?? "", text?.SuccessFactors ?? "");
        });
}
