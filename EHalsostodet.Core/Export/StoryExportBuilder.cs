using System.Globalization;
using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Core.Taxonomy;

namespace EHalsostodet.Core.Export;

/// <summary>Shapes a published story, as the story page shows it, into an <see cref="ExportDocument"/>.</summary>
public static class StoryExportBuilder
{
    public const string ResponsibilityNotice =
        "Innehållet kommer från kommunen. Berättelsen beskriver kommunens egna erfarenheter och lösningar. " +
        "E-hälsomyndigheten, som ansvarar för e-hälsostödet, har inget tekniskt, juridiskt eller annat ansvar för de lösningar som beskrivs.";

    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    /// <param name="baseUrl">The portal's absolute address, without a trailing slash.</param>
    public static ExportDocument Build(StoryView view, string baseUrl)
    {
        var story = view.Document;
        var sections = new List<ExportSection>();
        foreach (var section in StorySections.InReadingOrder)
        {
            var initiatives = section.InitiativeIds is { } ids ? Initiatives(view, ids(story), baseUrl) : [];
            sections.Add(new(section.Key, section.Heading, 1, [.. Blocks(section, story), .. initiatives]));
            if (section == StorySections.Process)
            {
                sections.AddRange(story.Process.Steps.Select((step, i) => new ExportSection(
                    StorySections.StepKey(step.Step), $"Steg {i + 1}: {step.Step.Label()}", 2, [.. Step(step), .. Initiatives(view, step.InitiativeIds, baseUrl)])));
            }
        }

        var notice = view.Municipality?.IsExample == true
            ? ResponsibilityNotice + " Kommunen i den här berättelsen är fiktiv: berättelsen är exempelinnehåll."
            : ResponsibilityNotice;
        return new ExportDocument(story.Title, story.ShortDescription, Facts(view), story.Tags,
            baseUrl + PortalPaths.Of(ContentType.Story, story.Slug), notice, sections);
    }

    /// <summary>What a section shows before its knowledge initiatives.</summary>
    private static IEnumerable<ExportBlock> Blocks(StorySection section, StoryDocument story) => section.Key switch
    {
        "summary" => MarkdownBlocks.From(story.Summary.Text),
        "benefits" => Benefits(story.Benefits),
        "roles" => Roles(story.Roles),
        "technology" => Technology(story.Technology),
        "process" =>
        [
            .. MarkdownBlocks.From(story.Process.Text),
            new ExportSubheading("Processen i korthet"),
            new ExportList(story.Process.Steps.Select((s, i) => $"{i + 1}. {s.Step.Label()}").ToList()),
        ],
        "lessons" => Lessons(story.Lessons),
        "contacts" => Contacts(story.Contacts),
        _ => throw new ArgumentOutOfRangeException(nameof(section), section.Key, "Ett avsnitt utan innehåll i exporten."),
    };

    private static List<ExportFact> Facts(StoryView view)
    {
        var story = view.Document;
        var facts = new List<ExportFact>();
        if (view.Municipality is { } municipality)
        {
            facts.Add(new("Kommun", $"{municipality.Name} ({municipality.County})"));
            facts.Add(new("Kommungrupp", MunicipalityGroups.Label(municipality.Group)));
        }
        if (story.OperationalAreas.Count > 0)
        {
            facts.Add(new("Verksamhetsområde", string.Join(", ", story.OperationalAreas.Select(a => a.Label()))));
        }
        facts.Add(new("Utfall", story.Outcome.Label()));
        if (story.Period is { } period)
        {
            facts.Add(new("Period", $"{period.StartYear}–{period.EndYear?.ToString(Swedish) ?? "pågår"}"));
        }
        return facts;
    }

    private static IEnumerable<ExportBlock> Benefits(BenefitsSection benefits)
    {
        foreach (var block in MarkdownBlocks.From(benefits.Text))
        {
            yield return block;
        }
        foreach (var effect in benefits.Effects)
        {
            yield return new ExportSubheading(effect.Target.Label());
            foreach (var block in MarkdownBlocks.From(effect.Text))
            {
                yield return block;
            }
            if (effect.Indicators.Count > 0)
            {
                yield return new ExportTable($"Mätta indikatorer: {effect.Target.Label()}",
                    ["Indikator", "Utgångsläge", "Resultat", "Period"],
                    effect.Indicators.Select(i => (IReadOnlyList<string>)
                    [
                        i.Name,
                        i.Baseline is { } baseline ? $"{Number(baseline)} {i.Unit}".Trim() : "–",
                        $"{Number(i.Value)} {i.Unit}".Trim(),
                        i.Period,
                    ]).ToList());
            }
        }
    }

    private static IEnumerable<ExportBlock> Roles(RolesSection roles)
    {
        foreach (var block in MarkdownBlocks.From(roles.Text))
        {
            yield return block;
        }
        var groups = new (string Heading, IReadOnlyList<string> Items)[]
        {
            ("Inom kommunen", roles.Actors.Where(a => !a.External).Select(a => Described(a.Name, a.Description)).ToList()),
            ("Externa aktörer", roles.Actors.Where(a => a.External).Select(a => Described(a.Name, a.Description)).ToList()),
            ("Forum", roles.Forums.Select(f => Described(f.Name, f.Description)).ToList()),
        };
        foreach (var (heading, items) in groups.Where(g => g.Items.Count > 0))
        {
            yield return new ExportSubheading(heading);
            yield return new ExportList(items);
        }
    }

    private static IEnumerable<ExportBlock> Technology(TechnologySection technology)
    {
        foreach (var block in MarkdownBlocks.From(technology.Text))
        {
            yield return block;
        }
        if (technology.Products.Count > 0)
        {
            yield return new ExportSubheading("Produkter och tjänster");
            yield return new ExportList(technology.Products
                .Select(p => Described($"{p.Name} ({(p.IsService ? "tjänst" : "produkt")})", p.Description)).ToList());
        }
        if (!string.IsNullOrWhiteSpace(technology.Prerequisites))
        {
            yield return new ExportSubheading("Tekniska förutsättningar");
            foreach (var block in MarkdownBlocks.From(technology.Prerequisites))
            {
                yield return block;
            }
        }
    }

    private static IEnumerable<ExportBlock> Step(ProcessStep step)
    {
        foreach (var question in StorySections.StepQuestions.Where(q => !string.IsNullOrWhiteSpace(q.Answer(step))))
        {
            yield return new ExportSubheading(question.Label);
            foreach (var block in MarkdownBlocks.From(question.Answer(step)))
            {
                yield return block;
            }
        }
    }

    private static IEnumerable<ExportBlock> Lessons(LessonsSection lessons)
    {
        foreach (var block in MarkdownBlocks.From(lessons.Text))
        {
            yield return block;
        }
        if (lessons.Tips.Count > 0)
        {
            yield return new ExportSubheading("Tips till andra kommuner");
            yield return new ExportList(lessons.Tips);
        }
    }

    private static List<ExportBlock> Contacts(IReadOnlyList<Contact> contacts)
    {
        if (contacts.Count == 0)
        {
            return [new ExportParagraph("Kommunen har inte angett någon kontaktperson.")];
        }
        return contacts.Select(c => (ExportBlock)new ExportParagraph(string.Join(", ",
            new[] { c.Name, c.Title, c.Organisation, c.Email, c.Phone }.Where(part => !string.IsNullOrWhiteSpace(part))))).ToList();
    }

    private static IEnumerable<ExportBlock> Initiatives(StoryView view, IEnumerable<Guid> ids, string baseUrl)
    {
        var initiatives = view.InitiativesFor(ids);
        if (initiatives.Count == 0)
        {
            yield break;
        }
        yield return new ExportSubheading("Kunskapshöjande initiativ");
        foreach (var initiative in initiatives)
        {
            yield return new ExportLink(initiative.Title, baseUrl + PortalPaths.Of(ContentType.Initiative, initiative.Slug));
        }
    }

    private static string Described(string name, string description) =>
        string.IsNullOrWhiteSpace(description) ? name : $"{name} – {description}";

    private static string Number(decimal value) => value.ToString("#,##0.##", Swedish);
}
