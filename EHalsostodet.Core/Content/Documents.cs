namespace EHalsostodet.Core.Content;

/// <summary>What every typed document has: a title and a URL slug.</summary>
public interface IContentDocument
{
    string Title { get; }
    string Slug { get; }
}

/// <summary>Kommunberättelse: how one municipality brought in a digital solution.</summary>
public sealed record StoryDocument : IContentDocument
{
    public required string Title { get; init; }
    public required string Slug { get; init; }
    /// <summary>The card text: one or two sentences that let a reader judge relevance.</summary>
    public string ShortDescription { get; init; } = "";
    /// <summary>Kommunkod (four digits), or an example municipality's code (X…).</summary>
    public string MunicipalityCode { get; init; } = "";
    public IReadOnlyList<OperationalArea> OperationalAreas { get; init; } = [];
    public Outcome Outcome { get; init; } = Outcome.Successful;
    public IReadOnlyList<string> Tags { get; init; } = [];
    public StoryPeriod? Period { get; init; }
    public Guid? HeroImageId { get; init; }

    public TextSection Summary { get; init; } = new();
    public RolesSection Roles { get; init; } = new();
    public BenefitsSection Benefits { get; init; } = new();
    public TechnologySection Technology { get; init; } = new();
    public ProcessSection Process { get; init; } = new();
    public LessonsSection Lessons { get; init; } = new();
    public IReadOnlyList<Contact> Contacts { get; init; } = [];
}

/// <summary>When the work took place; an open end means it is still going on.</summary>
public sealed record StoryPeriod
{
    public int StartYear { get; init; }
    public int? EndYear { get; init; }
}

/// <summary>Markdown text with the knowledge initiatives an editor links to it.</summary>
public record TextSection
{
    public string Text { get; init; } = "";
    public IReadOnlyList<Guid> InitiativeIds { get; init; } = [];
}

/// <summary>Nyckelroller och organisation.</summary>
public sealed record RolesSection : TextSection
{
    public IReadOnlyList<Actor> Actors { get; init; } = [];
    public IReadOnlyList<Forum> Forums { get; init; } = [];
}

/// <summary>A role or organisation that took part, inside the municipality or outside it.</summary>
public sealed record Actor
{
    public required string Name { get; init; }
    public string Description { get; init; } = "";
    public bool External { get; init; }
}

/// <summary>A group where decisions were prepared or made.</summary>
public sealed record Forum
{
    public required string Name { get; init; }
    public string Description { get; init; } = "";
}

/// <summary>Nyttoeffekter.</summary>
public sealed record BenefitsSection : TextSection
{
    public IReadOnlyList<BenefitEffect> Effects { get; init; } = [];
}

/// <summary>The effect for one target group, with optional measured indicators.</summary>
public sealed record BenefitEffect
{
    public BenefitTarget Target { get; init; }
    public string Text { get; init; } = "";
    public IReadOnlyList<Indicator> Indicators { get; init; } = [];
}

/// <summary>A measured value, compared with a baseline where one was measured.</summary>
public sealed record Indicator
{
    public required string Name { get; init; }
    public decimal Value { get; init; }
    public string Unit { get; init; } = "";
    public decimal? Baseline { get; init; }
    public string Period { get; init; } = "";
}

/// <summary>Teknik: products, services and technical prerequisites.</summary>
public sealed record TechnologySection : TextSection
{
    public IReadOnlyList<TechnologyItem> Products { get; init; } = [];
    public string Prerequisites { get; init; } = "";
}

/// <summary>A product or service that was used.</summary>
public sealed record TechnologyItem
{
    public required string Name { get; init; }
    public string Description { get; init; } = "";
    public bool IsService { get; init; }
}

/// <summary>Processbeskrivning: a summary and the five steps.</summary>
public sealed record ProcessSection : TextSection
{
    public IReadOnlyList<ProcessStep> Steps { get; init; } = [];
}

/// <summary>One of the five steps with its six questions.</summary>
public sealed record ProcessStep
{
    public ProcessStepKind Step { get; init; }
    public string What { get; init; } = "";
    public string Who { get; init; } = "";
    public string Challenges { get; init; } = "";
    public string SuccessFactors { get; init; } = "";
    public string Lessons { get; init; } = "";
    public string MethodsAndTools { get; init; } = "";
    public IReadOnlyList<Guid> InitiativeIds { get; init; } = [];
}

/// <summary>Lärdomar och tips.</summary>
public sealed record LessonsSection : TextSection
{
    public IReadOnlyList<string> Tips { get; init; } = [];
}

/// <summary>A person readers may contact about the story.</summary>
public sealed record Contact
{
    public required string Name { get; init; }
    public string Title { get; init; } = "";
    public string Organisation { get; init; } = "";
    public string Email { get; init; } = "";
    public string Phone { get; init; } = "";
}

/// <summary>Samling: stories in an editorial order.</summary>
public sealed record CollectionDocument : IContentDocument
{
    public required string Title { get; init; }
    public required string Slug { get; init; }
    public string Description { get; init; } = "";
    public IReadOnlyList<Guid> StoryIds { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
    public Guid? HeroImageId { get; init; }
}

/// <summary>Kunskapshöjande initiativ (KHI).</summary>
public sealed record InitiativeDocument : IContentDocument
{
    public required string Title { get; init; }
    public required string Slug { get; init; }
    public string Purpose { get; init; } = "";
    public IReadOnlyList<InitiativeLink> Links { get; init; } = [];
    public IReadOnlyList<string> Organisations { get; init; } = [];
    /// <summary>The production year used for sorting and filtering.</summary>
    public int? ProductionYear { get; init; }
    /// <summary>The production note as the source gives it, e.g. "2016, uppdaterad 2017".</summary>
    public string ProductionNote { get; init; } = "";
    public IReadOnlyList<InitiativeSector> Sectors { get; init; } = [];
    public IReadOnlyList<TargetGroup> TargetGroups { get; init; } = [];
    public IReadOnlyList<InitiativeSubArea> SubAreas { get; init; } = [];
    public IReadOnlyList<InitiativeArea> Areas { get; init; } = [];
    public IReadOnlyList<InitiativeFormat> Formats { get; init; } = [];
    /// <summary>Why there is no link, shown instead of the links (e.g. the source gives no address).</summary>
    public string NoLinkReason { get; init; } = "";
}

/// <summary>A link to an initiative's material.</summary>
public sealed record InitiativeLink
{
    public required string Url { get; init; }
    public string Label { get; init; } = "";
    /// <summary>The day the address was last seen to work, as far as anyone recorded it.</summary>
    public DateOnly? CheckedOn { get; init; }
}

/// <summary>Sida: about, accessibility statement, contact, privacy.</summary>
public sealed record PageDocument : IContentDocument
{
    public required string Title { get; init; }
    public required string Slug { get; init; }
    public string Body { get; init; } = "";
}

/// <summary>The knowledge initiatives one part of a story refers to.</summary>
/// <param name="Section">The section key in the read model: summary, roles, …, process.identify, lessons.</param>
/// <param name="Field">The JSON path of the list in the document, for error messages.</param>
public sealed record SectionInitiatives(string Section, string Field, IReadOnlyList<Guid> Ids);

public static class StoryInitiatives
{
    /// <summary>Every place in a story that refers to knowledge initiatives, in the document's order.</summary>
    public static IEnumerable<SectionInitiatives> InitiativeReferences(this StoryDocument story)
    {
        foreach (var section in StorySections.All)
        {
            if (section.InitiativeIds is { } initiativeIds)
            {
                yield return new(section.Key, section.Key + ".initiativeIds", initiativeIds(story));
            }
            if (section == StorySections.Process)
            {
                for (var i = 0; i < story.Process.Steps.Count; i++)
                {
                    var step = story.Process.Steps[i];
                    yield return new(StorySections.StepKey(step.Step), $"process.steps[{i}].initiativeIds", step.InitiativeIds);
                }
            }
        }
    }
}
