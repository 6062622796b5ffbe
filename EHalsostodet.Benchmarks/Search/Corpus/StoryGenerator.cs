using System.Globalization;
using Bogus;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Taxonomy;
using V = EHalsostodet.Benchmarks.Search.Corpus.WelfareTechVocabulary;

namespace EHalsostodet.Benchmarks.Search.Corpus;

/// <summary>
/// Synthetic municipal stories in the real content model, from a fixed seed: the same seed and
/// municipalities give the same stories in the same order, so runs are comparable.
/// </summary>
internal sealed class StoryGenerator
{
    private readonly Faker _faker;
    private readonly IReadOnlyList<Municipality> _municipalities;
    private int _count;

    public StoryGenerator(int seed, IReadOnlyList<Municipality> municipalities)
    {
        if (municipalities.Count == 0)
        {
            throw new ArgumentException("The stories need at least one municipality.", nameof(municipalities));
        }
        _faker = new Faker("sv") { Random = new Randomizer(seed) };
        _municipalities = municipalities;
    }

    public StoryDocument Next()
    {
        var number = ++_count;
        var municipality = _faker.Random.Pick(_municipalities);
        var theme = _faker.Random.Pick(V.Themes);
        var text = new Sentences(_faker, theme, _faker.Random.Pick(theme.Settings), municipality.Name);
        var title = text.Fill(_faker.Random.Pick(V.TitlePatterns));
        var startYear = _faker.Random.Int(2015, 2025);

        return new StoryDocument
        {
            Title = title,
            Slug = UniqueSlug(title, number),
            ShortDescription = text.Fill(_faker.Random.Pick(V.ShortDescriptions)),
            MunicipalityCode = municipality.Code,
            OperationalAreas = _faker.Random.PickSome(theme.Areas, _faker.Random.Int(1, theme.Areas.Count)).ToList(),
            Outcome = _faker.Random.WeightedRandom([Outcome.Successful, Outcome.PartlySuccessful, Outcome.LessSuccessful], [0.6f, 0.3f, 0.1f]),
            Tags = theme.Tags.Concat(_faker.Random.PickSome(V.GeneralTags, _faker.Random.Int(1, 3))).Distinct().ToList(),
            Period = new StoryPeriod { StartYear = startYear, EndYear = _faker.Random.Bool(0.4f) ? null : Math.Min(2026, startYear + _faker.Random.Int(1, 3)) },
            Summary = new TextSection { Text = text.Paragraph(V.Summary, 4, 6) },
            Roles = new RolesSection
            {
                Text = text.Paragraph(V.RolesText, 2, 3),
                Actors = Actors(text),
                Forums = _faker.Random.PickSome(V.Forums, _faker.Random.Int(1, 3)).Select(f => new Forum { Name = f.Name, Description = f.Description }).ToList(),
            },
            Benefits = new BenefitsSection { Text = text.Paragraph(V.BenefitsText, 1, 2), Effects = Effects(text) },
            Technology = new TechnologySection
            {
                Text = text.Paragraph(V.TechnologyText, 2, 3),
                Products = [new TechnologyItem { Name = theme.Product, Description = text.Fill("Används i {setting} sedan {year}."), IsService = _faker.Random.Bool() }],
                Prerequisites = string.Join("\n", _faker.Random.PickSome(V.Prerequisites, _faker.Random.Int(2, 4)).Select(p => "- " + p)),
            },
            Process = new ProcessSection
            {
                Text = text.Paragraph(V.ProcessText, 1, 3),
                Steps = Enum.GetValues<ProcessStepKind>().Select(kind => Step(kind, text)).ToList(),
            },
            Lessons = new LessonsSection
            {
                Text = text.Paragraph(V.LessonsText, 1, 3),
                Tips = _faker.Random.PickSome(V.Tips, _faker.Random.Int(2, 4)).Select(text.Fill).ToList(),
            },
            Contacts = Enumerable.Range(0, _faker.Random.Int(1, 2)).Select(_ => Contact(municipality)).ToList(),
        };
    }

    /// <summary>The number keeps slugs unique however often a title repeats.</summary>
    private static string UniqueSlug(string title, int number)
    {
        var slug = Slugs.FromText(title);
        return $"{slug[..Math.Min(70, slug.Length)].TrimEnd('-')}-{number}";
    }

    private List<Actor> Actors(Sentences text)
    {
        var inside = _faker.Random.PickSome(V.Roles, _faker.Random.Int(2, 4))
            .Select(r => new Actor { Name = Sentences.Capitalise(r), Description = text.Fill("Ansvarade för {word} under införandet.") });
        var outside = _faker.Random.PickSome(V.ExternalActors, _faker.Random.Int(0, 2))
            .Select(a => new Actor { Name = a.Name, Description = a.Description, External = true });
        return inside.Concat(outside).ToList();
    }

    private List<BenefitEffect> Effects(Sentences text) =>
        _faker.Random.PickSome(Enum.GetValues<BenefitTarget>(), _faker.Random.Int(1, 4)).Order().Select(target => new BenefitEffect
        {
            Target = target,
            Text = text.Paragraph(V.EffectText, 1, 2),
            Indicators = _faker.Random.PickSome(V.Indicators[target], _faker.Random.Int(0, 2)).Select(i => new Indicator
            {
                Name = i.Name,
                Unit = i.Unit,
                Value = _faker.Random.Int(1, 95),
                Baseline = _faker.Random.Bool(0.7f) ? _faker.Random.Int(1, 95) : null,
                Period = text.Fill("{year}"),
            }).ToList(),
        }).ToList();

    private ProcessStep Step(ProcessStepKind kind, Sentences text)
    {
        // Some stories leave a step out, so the process-step facet has varied counts.
        if (_faker.Random.Bool(0.15f))
        {
            return new ProcessStep { Step = kind };
        }
        return new ProcessStep
        {
            Step = kind,
            What = text.Paragraph(V.StepWhat[kind], 1, 2),
            Who = text.Fill(_faker.Random.Pick(V.StepWho)),
            Challenges = text.Paragraph(V.StepChallenges, 1, 2),
            SuccessFactors = text.Paragraph(V.StepSuccessFactors, 1, 2),
            Lessons = text.Paragraph(V.StepLessons, 1, 2),
            MethodsAndTools = text.Fill(_faker.Random.Pick(V.StepMethods)),
        };
    }

    private Contact Contact(Municipality municipality)
    {
        var first = _faker.Name.FirstName();
        var last = _faker.Name.LastName();
        return new Contact
        {
            Name = $"{first} {last}",
            Title = Sentences.Capitalise(_faker.Random.Pick(V.Roles)),
            Organisation = $"{municipality.Name} kommun",
            Email = $"{Slugs.FromText(first)}.{Slugs.FromText(last)}@{Slugs.FromText(municipality.Name)}.se",
            Phone = _faker.Phone.PhoneNumber("0##-### ## ##"),
        };
    }

    /// <summary>Fills sentence templates for one story: its theme, setting and municipality, with fresh details each time.</summary>
    private sealed class Sentences(Faker faker, Theme theme, string setting, string municipality)
    {
        public string Paragraph(IReadOnlyList<string> templates, int min, int max) =>
            string.Join(" ", faker.Random.PickSome(templates, Math.Min(templates.Count, faker.Random.Int(min, max))).Select(Fill));

        public string Fill(string template)
        {
            var roles = WelfareTechVocabulary.Roles;
            var roleIndex = faker.Random.Int(0, roles.Count - 1);
            var role = roles[roleIndex];
            var other = roles[(roleIndex + faker.Random.Int(1, roles.Count - 1)) % roles.Count];
            return template
                .Replace("{Theme}", Capitalise(theme.Name), StringComparison.Ordinal)
                .Replace("{theme}", theme.Name, StringComparison.Ordinal)
                .Replace("{product}", theme.Product.ToLower(CultureInfo.GetCultureInfo("sv-SE")), StringComparison.Ordinal)
                .Replace("{Effect}", Capitalise(theme.Effect), StringComparison.Ordinal)
                .Replace("{effect}", theme.Effect, StringComparison.Ordinal)
                .Replace("{setting}", setting, StringComparison.Ordinal)
                .Replace("{municipality}", municipality, StringComparison.Ordinal)
                .Replace("{Role}", Capitalise(role), StringComparison.Ordinal)
                .Replace("{role}", role, StringComparison.Ordinal)
                .Replace("{Other}", Capitalise(other), StringComparison.Ordinal)
                .Replace("{other}", other, StringComparison.Ordinal)
                .Replace("{year}", faker.Random.Int(2015, 2025).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{number}", faker.Random.Int(6, 400).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{percent}", faker.Random.Int(10, 70).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{word}", faker.Random.Pick(WelfareTechVocabulary.Words), StringComparison.Ordinal)
                .Replace("{word2}", faker.Random.Pick(WelfareTechVocabulary.Words), StringComparison.Ordinal);
        }

        public static string Capitalise(string text) =>
            text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.GetCultureInfo("sv-SE")) + text[1..];
    }
}
