using System.Globalization;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Members.Plans;
using EHalsostodet.Core.Time;

namespace EHalsostodet.Core.Export;

/// <summary>Shapes a member's action plan into an <see cref="ExportDocument"/>: notes and tasks per process step.</summary>
public static class ActionPlanExportBuilder
{
    public const string Notice = "Handlingsplanen är skriven av en användare av e-hälsostödet och är inte granskad av redaktionen.";

    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    /// <param name="storyTitle">The source story's title, or null when it is no longer published.</param>
    /// <param name="storyUrl">The source story's absolute address, or the portal's when it is no longer published.</param>
    public static ExportDocument Build(ActionPlan plan, string? storyTitle, string storyUrl)
    {
        var facts = new List<ExportFact>
        {
            new("Utgår från kommunberättelsen", storyTitle ?? "en berättelse som inte längre är publicerad"),
            new("Senast ändrad", SwedishTime.LongDate(plan.UpdatedAt)),
        };
        var sections = Enum.GetValues<ProcessStepKind>().Select((step, i) =>
        {
            var blocks = new List<ExportBlock> { new ExportSubheading("Anteckningar") };
            var notes = plan.Steps.FirstOrDefault(s => s.Step == step)?.Notes ?? "";
            var paragraphs = notes.Replace("\r", "", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            blocks.AddRange(paragraphs.Length > 0 ? paragraphs.Select(p => new ExportParagraph(p)) : [new ExportParagraph("Inga anteckningar.")]);
            var tasks = plan.Tasks.Where(t => t.Step == step).OrderBy(t => t.Position).ToList();
            blocks.Add(tasks.Count > 0
                ? new ExportTable("Uppgifter", ["Uppgift", "Ansvarig", "Klart senast", "Klar"],
                    tasks.Select(t => (IReadOnlyList<string>)[t.Text, t.Owner, t.DueDate?.ToString("yyyy-MM-dd", Swedish) ?? "–", t.Done ? "Ja" : "Nej"]).ToList())
                : new ExportParagraph("Inga uppgifter."));
            return new ExportSection(StorySections.StepKey(step), $"Steg {i + 1}: {step.Label()}", 1, blocks);
        }).ToList();
        return new ExportDocument(plan.Title,
            storyTitle is null ? "Min handlingsplan" : $"Min handlingsplan utifrån kommunberättelsen {storyTitle}",
            facts, [], storyUrl, Notice, sections);
    }
}
