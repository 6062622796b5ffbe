using EHalsostodet.Core.Content;
using static EHalsostodet.Web.BackOffice.Editing.FormFields;

namespace EHalsostodet.Web.BackOffice.Editing;

/// <summary>The edit form of a Kommunberättelse: every field of <see cref="StoryDocument"/>.</summary>
public sealed class StoryForm : IContentForm, IHeroImageForm
{
    public ContentType Type => ContentType.Story;

    public string? Title { get; set; }
    public string? Slug { get; set; }
    public string? ShortDescription { get; set; }
    public string? MunicipalityCode { get; set; }
    public List<OperationalArea> OperationalAreas { get; set; } = [];
    public Outcome Outcome { get; set; } = Outcome.Successful;
    public PeriodForm Period { get; set; } = new();
    public string? Tags { get; set; }
    public Guid? HeroImageId { get; set; }

    public SectionForm Summary { get; set; } = new();
    public RolesForm Roles { get; set; } = new();
    public BenefitsForm Benefits { get; set; } = new();
    public TechnologyForm Technology { get; set; } = new();
    public ProcessForm Process { get; set; } = new();
    public LessonsForm Lessons { get; set; } = new();
    public List<ContactRow> Contacts { get; set; } = [];

    public sealed class PeriodForm
    {
        public string? StartYear { get; set; }
        public string? EndYear { get; set; }
    }

    public class SectionForm
    {
        public string? Text { get; set; }
        public List<Guid> InitiativeIds { get; set; } = [];
    }

    public sealed class RolesForm : SectionForm
    {
        public List<ActorRow> Actors { get; set; } = [];
        public List<ForumRow> Forums { get; set; } = [];
    }

    public sealed class ActorRow
    {
        public string? Name { get; set; }
        public string? Description { get; set; }
        public bool External { get; set; }
        public bool IsEmpty => IsBlank(Name, Description);
    }

    public sealed class ForumRow
    {
        public string? Name { get; set; }
        public string? Description { get; set; }
        public bool IsEmpty => IsBlank(Name, Description);
    }

    public sealed class BenefitsForm : SectionForm
    {
        /// <summary>Always one per <see cref="BenefitTarget"/>, in the enum's order.</summary>
        public List<EffectForm> Effects { get; set; } = [];
    }

    public sealed class EffectForm
    {
        public string? Text { get; set; }
        public List<IndicatorRow> Indicators { get; set; } = [];
    }

    public sealed class IndicatorRow
    {
        public string? Name { get; set; }
        public string? Value { get; set; }
        public string? Unit { get; set; }
        public string? Baseline { get; set; }
        public string? Period { get; set; }
        public bool IsEmpty => IsBlank(Name, Value, Unit, Baseline, Period);
    }

    public sealed class TechnologyForm : SectionForm
    {
        public List<ProductRow> Products { get; set; } = [];
        public string? Prerequisites { get; set; }
    }

    public sealed class ProductRow
    {
        public string? Name { get; set; }
        public string? Description { get; set; }
        public bool IsService { get; set; }
        public bool IsEmpty => IsBlank(Name, Description);
    }

    public sealed class ProcessForm : SectionForm
    {
        /// <summary>Always the five steps, in the order of <see cref="ProcessStepKind"/>.</summary>
        public List<StepForm> Steps { get; set; } = [];
    }

    public sealed class StepForm
    {
        public string? What { get; set; }
        public string? Who { get; set; }
        public string? Challenges { get; set; }
        public string? SuccessFactors { get; set; }
        public string? Lessons { get; set; }
        public string? MethodsAndTools { get; set; }
        public List<Guid> InitiativeIds { get; set; } = [];
        public bool IsEmpty => IsBlank(What, Who, Challenges, SuccessFactors, Lessons, MethodsAndTools) && InitiativeIds.Count == 0;
    }

    /// <summary>The six questions of a step: property name in the form, the Swedish label, and the answer as typed.</summary>
    public static IReadOnlyList<(string Key, string Label, Func<StepForm, string?> Value)> StepQuestions { get; } =
    [
        Question("what", s => s.What),
        Question("who", s => s.Who),
        Question("challenges", s => s.Challenges),
        Question("successFactors", s => s.SuccessFactors),
        Question("lessons", s => s.Lessons),
        Question("methodsAndTools", s => s.MethodsAndTools),
    ];

    private static (string Key, string Label, Func<StepForm, string?> Value) Question(string key, Func<StepForm, string?> value) =>
        (key, StorySections.StepQuestions.Single(q => q.Key == key).Label, value);

    public sealed class LessonsForm : SectionForm
    {
        /// <summary>One tip per line.</summary>
        public string? Tips { get; set; }
    }

    public sealed class ContactRow
    {
        public string? Name { get; set; }
        public string? Title { get; set; }
        public string? Organisation { get; set; }
        public string? Email { get; set; }
        public string? Phone { get; set; }
        public bool IsEmpty => IsBlank(Name, Title, Organisation, Email, Phone);
    }

    /// <summary>An empty story form with the fixed parts (four targets, five steps) and empty rows.</summary>
    public static StoryForm New()
    {
        var form = new StoryForm();
        form.Normalise();
        FormRows.AddEmptyRows(form);
        return form;
    }

    public static StoryForm FromDocument(StoryDocument story)
    {
        var form = new StoryForm
        {
            Title = story.Title,
            Slug = story.Slug,
            ShortDescription = story.ShortDescription,
            MunicipalityCode = story.MunicipalityCode,
            OperationalAreas = [.. story.OperationalAreas],
            Outcome = story.Outcome,
            Period = new PeriodForm { StartYear = Format(story.Period?.StartYear), EndYear = Format(story.Period?.EndYear) },
            Tags = JoinTags(story.Tags),
            HeroImageId = story.HeroImageId,
            Summary = new SectionForm { Text = story.Summary.Text, InitiativeIds = [.. story.Summary.InitiativeIds] },
            Roles = new RolesForm
            {
                Text = story.Roles.Text,
                InitiativeIds = [.. story.Roles.InitiativeIds],
                Actors = story.Roles.Actors.Select(a => new ActorRow { Name = a.Name, Description = a.Description, External = a.External }).ToList(),
                Forums = story.Roles.Forums.Select(f => new ForumRow { Name = f.Name, Description = f.Description }).ToList(),
            },
            Benefits = new BenefitsForm
            {
                Text = story.Benefits.Text,
                InitiativeIds = [.. story.Benefits.InitiativeIds],
                Effects = Enum.GetValues<BenefitTarget>().Select(target =>
                {
                    var effect = story.Benefits.Effects.FirstOrDefault(e => e.Target == target);
                    return new EffectForm
                    {
                        Text = effect?.Text,
                        Indicators = effect?.Indicators.Select(i => new IndicatorRow
                        {
                            Name = i.Name,
                            Value = FormatDecimal(i.Value),
                            Unit = i.Unit,
                            Baseline = i.Baseline is { } b ? FormatDecimal(b) : "",
                            Period = i.Period,
                        }).ToList() ?? [],
                    };
                }).ToList(),
            },
            Technology = new TechnologyForm
            {
                Text = story.Technology.Text,
                InitiativeIds = [.. story.Technology.InitiativeIds],
                Products = story.Technology.Products.Select(p => new ProductRow { Name = p.Name, Description = p.Description, IsService = p.IsService }).ToList(),
                Prerequisites = story.Technology.Prerequisites,
            },
            Process = new ProcessForm
            {
                Text = story.Process.Text,
                InitiativeIds = [.. story.Process.InitiativeIds],
                Steps = Enum.GetValues<ProcessStepKind>().Select(kind =>
                {
                    var step = story.Process.Steps.FirstOrDefault(s => s.Step == kind);
                    return step is null ? new StepForm() : new StepForm
                    {
                        What = step.What,
                        Who = step.Who,
                        Challenges = step.Challenges,
                        SuccessFactors = step.SuccessFactors,
                        Lessons = step.Lessons,
                        MethodsAndTools = step.MethodsAndTools,
                        InitiativeIds = [.. step.InitiativeIds],
                    };
                }).ToList(),
            },
            Lessons = new LessonsForm { Text = story.Lessons.Text, InitiativeIds = [.. story.Lessons.InitiativeIds], Tips = JoinLines(story.Lessons.Tips) },
            Contacts = story.Contacts.Select(c => new ContactRow { Name = c.Name, Title = c.Title, Organisation = c.Organisation, Email = c.Email, Phone = c.Phone }).ToList(),
        };
        form.Normalise();
        FormRows.AddEmptyRows(form);
        return form;
    }

    /// <summary>Makes sure there are exactly four effects and five steps, whatever was posted.</summary>
    public void Normalise()
    {
        var targets = Enum.GetValues<BenefitTarget>().Length;
        while (Benefits.Effects.Count < targets)
        {
            Benefits.Effects.Add(new EffectForm());
        }
        if (Benefits.Effects.Count > targets)
        {
            Benefits.Effects.RemoveRange(targets, Benefits.Effects.Count - targets);
        }
        var steps = Enum.GetValues<ProcessStepKind>().Length;
        while (Process.Steps.Count < steps)
        {
            Process.Steps.Add(new StepForm());
        }
        if (Process.Steps.Count > steps)
        {
            Process.Steps.RemoveRange(steps, Process.Steps.Count - steps);
        }
    }

    public IReadOnlyList<RowGroup> RowGroups()
    {
        Normalise();
        var groups = new List<RowGroup>
        {
            new("roles.actors", Roles.Actors, () => new ActorRow()),
            new("roles.forums", Roles.Forums, () => new ForumRow()),
        };
        for (var t = 0; t < Benefits.Effects.Count; t++)
        {
            groups.Add(new($"benefits.effects[{t}].indicators", Benefits.Effects[t].Indicators, () => new IndicatorRow()));
        }
        groups.Add(new("technology.products", Technology.Products, () => new ProductRow()));
        groups.Add(new("contacts", Contacts, () => new ContactRow()));
        return groups;
    }

    public IEnumerable<MarkdownField> MarkdownFields()
    {
        yield return new("summary.text", Summary.Text, 3);
        yield return new("roles.text", Roles.Text, 2);
        yield return new("benefits.text", Benefits.Text, 3);
        for (var t = 0; t < Benefits.Effects.Count; t++)
        {
            yield return new($"benefits.effects[{t}].text", Benefits.Effects[t].Text, 4);
        }
        yield return new("technology.text", Technology.Text, 2);
        yield return new("technology.prerequisites", Technology.Prerequisites, 3);
        yield return new("process.text", Process.Text, 3);
        for (var s = 0; s < Process.Steps.Count; s++)
        {
            foreach (var (key, _, value) in StepQuestions)
            {
                yield return new($"process.steps[{s}].{key}", value(Process.Steps[s]), 3);
            }
        }
        yield return new("lessons.text", Lessons.Text, 2);
    }

    public DocumentDraft ToDocument()
    {
        Normalise();
        var errors = new List<ValidationError>();
        var map = new Dictionary<string, string>();
        var title = Clean(Title);
        var slug = Clean(Slug);

        StoryPeriod? period = null;
        if (!IsBlank(Period.StartYear, Period.EndYear))
        {
            int? end = null;
            if (!TryParseYear(Period.StartYear, out var start))
            {
                errors.Add(new("period.startYear", "Ange startåret med fyra siffror, till exempel 2021."));
            }
            if (!IsBlank(Period.EndYear))
            {
                if (TryParseYear(Period.EndYear, out var parsedEnd))
                {
                    end = parsedEnd;
                }
                else
                {
                    errors.Add(new("period.endYear", "Ange slutåret med fyra siffror, eller lämna det tomt om arbetet pågår."));
                }
            }
            period = new StoryPeriod { StartYear = start, EndYear = end };
        }

        var story = new StoryDocument
        {
            Title = title,
            Slug = slug.Length > 0 ? slug : Slugs.FromText(title),
            ShortDescription = Clean(ShortDescription),
            MunicipalityCode = Clean(MunicipalityCode),
            OperationalAreas = OperationalAreas.Distinct().Order().ToList(),
            Outcome = Outcome,
            Period = period,
            Tags = FormFields.Tags(Tags),
            HeroImageId = HeroImageId,
            Summary = new TextSection { Text = Text(Summary.Text), InitiativeIds = Ids(Summary.InitiativeIds) },
            Roles = new RolesSection
            {
                Text = Text(Roles.Text),
                InitiativeIds = Ids(Roles.InitiativeIds),
                // Names are required by DocumentValidator, whose errors come back to these rows through the map.
                Actors = Rows(Roles.Actors, r => r.IsEmpty, "roles.actors", map, (row, _) =>
                    new Actor { Name = Clean(row.Name), Description = Text(row.Description), External = row.External }),
                Forums = Rows(Roles.Forums, r => r.IsEmpty, "roles.forums", map, (row, _) =>
                    new Forum { Name = Clean(row.Name), Description = Text(row.Description) }),
            },
            Benefits = new BenefitsSection
            {
                Text = Text(Benefits.Text),
                InitiativeIds = Ids(Benefits.InitiativeIds),
                Effects = Effects(errors, map),
            },
            Technology = new TechnologySection
            {
                Text = Text(Technology.Text),
                InitiativeIds = Ids(Technology.InitiativeIds),
                Products = Rows(Technology.Products, r => r.IsEmpty, "technology.products", map, (row, _) =>
                    new TechnologyItem { Name = Clean(row.Name), Description = Text(row.Description), IsService = row.IsService }),
                Prerequisites = Text(Technology.Prerequisites),
            },
            Process = new ProcessSection
            {
                Text = Text(Process.Text),
                InitiativeIds = Ids(Process.InitiativeIds),
                // The five steps are stored together or not at all.
                Steps = Process.Steps.All(s => s.IsEmpty) ? [] : Process.Steps.Select((s, i) => new ProcessStep
                {
                    Step = (ProcessStepKind)i,
                    What = Text(s.What),
                    Who = Text(s.Who),
                    Challenges = Text(s.Challenges),
                    SuccessFactors = Text(s.SuccessFactors),
                    Lessons = Text(s.Lessons),
                    MethodsAndTools = Text(s.MethodsAndTools),
                    InitiativeIds = Ids(s.InitiativeIds),
                }).ToList(),
            },
            Lessons = new LessonsSection { Text = Text(Lessons.Text), InitiativeIds = Ids(Lessons.InitiativeIds), Tips = Lines(Lessons.Tips) },
            Contacts = Rows(Contacts, r => r.IsEmpty, "contacts", map, (row, _) =>
                new Contact { Name = Clean(row.Name), Title = Clean(row.Title), Organisation = Clean(row.Organisation), Email = Clean(row.Email), Phone = Clean(row.Phone) }),
        };
        return new DocumentDraft(story, errors, map);
    }

    private List<BenefitEffect> Effects(List<ValidationError> errors, Dictionary<string, string> map)
    {
        var effects = new List<BenefitEffect>();
        for (var t = 0; t < Benefits.Effects.Count; t++)
        {
            var form = Benefits.Effects[t];
            var documentPath = $"benefits.effects[{effects.Count}]";
            var formPath = $"benefits.effects[{t}]";
            var indicatorMap = new Dictionary<string, string>();
            var indicators = Rows(form.Indicators, r => r.IsEmpty, "indicators", indicatorMap, (row, path) =>
            {
                if (!TryParseDecimal(row.Value, out var value))
                {
                    errors.Add(new($"{formPath}.{path}.value", "Ange värdet som ett tal, till exempel 12,5."));
                }
                decimal? baseline = null;
                if (!IsBlank(row.Baseline))
                {
                    if (TryParseDecimal(row.Baseline, out var parsed))
                    {
                        baseline = parsed;
                    }
                    else
                    {
                        errors.Add(new($"{formPath}.{path}.baseline", "Ange utgångsvärdet som ett tal, eller lämna det tomt."));
                    }
                }
                return new Indicator { Name = Clean(row.Name), Value = value, Unit = Clean(row.Unit), Baseline = baseline, Period = Clean(row.Period) };
            });
            if (IsBlank(form.Text) && indicators.Count == 0)
            {
                continue;
            }
            map[documentPath] = formPath;
            foreach (var (documentRow, formRow) in indicatorMap)
            {
                map[$"{documentPath}.{documentRow}"] = $"{formPath}.{formRow}";
            }
            effects.Add(new BenefitEffect { Target = (BenefitTarget)t, Text = Text(form.Text), Indicators = indicators });
        }
        return effects;
    }

    /// <summary>The non-empty rows as document entries; records where each one came from in the form.</summary>
    internal static List<TResult> Rows<TRow, TResult>(
        List<TRow> rows, Func<TRow, bool> isEmpty, string path, Dictionary<string, string> map, Func<TRow, string, TResult> convert)
    {
        var results = new List<TResult>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i] is null || isEmpty(rows[i]))
            {
                continue;
            }
            map[$"{path}[{results.Count}]"] = $"{path}[{i}]";
            results.Add(convert(rows[i], $"{path}[{i}]"));
        }
        return results;
    }

    private static List<Guid> Ids(List<Guid> ids) => ids.Where(id => id != Guid.Empty).Distinct().ToList();
}
