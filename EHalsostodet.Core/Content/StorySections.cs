namespace EHalsostodet.Core.Content;

/// <summary>One fixed section of a story, as the story page, the editor, the exports and the field names call it.</summary>
/// <param name="Key">The section's property in the story's JSON; also its key in exports and in the read model's initiative references.</param>
/// <param name="Heading">The Swedish heading.</param>
/// <param name="Anchor">The section's id on the story page, which the table of contents links to.</param>
/// <param name="InOverview">Shown first, under "Översikt" on the page, and first in the exports.</param>
/// <param name="InitiativeIds">The knowledge initiatives the section refers to; null for a section that cannot refer to any.</param>
public sealed record StorySection(string Key, string Heading, string Anchor, bool InOverview, Func<StoryDocument, IReadOnlyList<Guid>>? InitiativeIds)
{
    /// <summary>The id of the section's heading on the story page, which labels the section.</summary>
    public string HeadingId => Anchor + "-heading";
}

/// <summary>One of the six questions every process step answers.</summary>
/// <param name="Key">The question's property in a step's JSON and in the editor's form.</param>
public sealed record StepQuestion(string Key, string Label, Func<ProcessStep, string> Answer);

/// <summary>The table of a story's sections and of the questions of its process steps: the one place their names and anchors are written.</summary>
public static class StorySections
{
    public static StorySection Summary { get; } = new("summary", "Sammanfattning", "sammanfattning", InOverview: true, s => s.Summary.InitiativeIds);
    public static StorySection Roles { get; } = new("roles", "Nyckelroller och organisation", "nyckelroller", InOverview: false, s => s.Roles.InitiativeIds);
    public static StorySection Benefits { get; } = new("benefits", "Nyttoeffekter", "nyttoeffekter", InOverview: true, s => s.Benefits.InitiativeIds);
    public static StorySection Technology { get; } = new("technology", "Teknik", "teknik", InOverview: false, s => s.Technology.InitiativeIds);
    public static StorySection Process { get; } = new("process", "Processbeskrivning", "processbeskrivning", InOverview: false, s => s.Process.InitiativeIds);
    public static StorySection Lessons { get; } = new("lessons", "Lärdomar och tips", "lardomar", InOverview: false, s => s.Lessons.InitiativeIds);
    public static StorySection Contacts { get; } = new("contacts", "Kontaktpersoner", "kontakt", InOverview: false, InitiativeIds: null);

    /// <summary>Every section in the order of the story's document and of the editor's form.</summary>
    public static IReadOnlyList<StorySection> All { get; } = [Summary, Roles, Benefits, Technology, Process, Lessons, Contacts];

    /// <summary>The order a reader meets the sections on the page and in the exports: the overview first, then the rest.</summary>
    public static IReadOnlyList<StorySection> InReadingOrder { get; } = [.. All.Where(s => s.InOverview), .. All.Where(s => !s.InOverview)];

    public static IReadOnlyList<StepQuestion> StepQuestions { get; } =
    [
        new("what", "Vad?", s => s.What),
        new("who", "Vem?", s => s.Who),
        new("challenges", "Utmaningar", s => s.Challenges),
        new("successFactors", "Framgångsfaktorer", s => s.SuccessFactors),
        new("lessons", "Lärdomar", s => s.Lessons),
        new("methodsAndTools", "Metoder och verktyg", s => s.MethodsAndTools),
    ];

    /// <summary>A process step's id on the story page: "steg-identifiera".</summary>
    public static string StepAnchor(ProcessStepKind step) => "steg-" + Slugs.FromText(step.Label());

    /// <summary>A process step's key in exports and in the read model's initiative references: "process.identify".</summary>
    public static string StepKey(ProcessStepKind step) => Process.Key + "." + step.ToString().ToLowerInvariant();
}
