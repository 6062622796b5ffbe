using EHalsostodet.Core.Content;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Core.Taxonomy;

namespace EHalsostodet.Core.Search;

/// <summary>Swedish names for facets and their values, in the order the search page shows them.</summary>
public static class FacetLabels
{
    public const string Type = "type";

    public static IReadOnlyList<(string Facet, string Title)> Facets { get; } =
    [
        (Type, "Innehållstyp"),
        (FacetNames.OperationalArea, "Verksamhetsområde"),
        (FacetNames.Tag, "Tagg"),
        (FacetNames.Municipality, "Kommun"),
        (FacetNames.County, "Län"),
        (FacetNames.MunicipalityGroup, "Kommungrupp"),
        (FacetNames.ProcessStep, "Processteg"),
        (FacetNames.BenefitTarget, "Nytta för"),
        (FacetNames.Outcome, "Utfall"),
        (FacetNames.InitiativeArea, "Område (kunskapshöjande initiativ)"),
        (FacetNames.TargetGroup, "Målgrupp"),
        (FacetNames.SubArea, "Delområde"),
        (FacetNames.Organisation, "Organisation"),
        (FacetNames.Format, "Format"),
    ];

    /// <summary>Facets only knowledge initiatives have: worth showing only when initiatives are among the hits.</summary>
    public static IReadOnlySet<string> InitiativeOnly { get; } =
        new HashSet<string>([FacetNames.InitiativeArea, FacetNames.TargetGroup, FacetNames.SubArea, FacetNames.Organisation], StringComparer.Ordinal);

    public static bool IsKnown(string facet) => Facets.Any(f => f.Facet == facet);

    /// <param name="tagNames">Tag slug → name, for the tag facet.</param>
    /// <param name="municipalityNames">Municipality code → name, for the municipality facet.</param>
    public static string Value(string facet, string value, IReadOnlyDictionary<string, string> tagNames, IReadOnlyDictionary<string, string>? municipalityNames = null) => facet switch
    {
        Type when ContentTypeNames.TryParseKey(value, out var type) => type.Label(),
        FacetNames.Tag => tagNames.GetValueOrDefault(value, value),
        FacetNames.Municipality => municipalityNames?.GetValueOrDefault(value, value) ?? value,
        FacetNames.MunicipalityGroup => MunicipalityGroups.Label(value),
        FacetNames.OperationalArea => EnumLabel<OperationalArea>(value, v => v.Label()),
        FacetNames.ProcessStep => EnumLabel<ProcessStepKind>(value, v => v.Label()),
        FacetNames.BenefitTarget => EnumLabel<BenefitTarget>(value, v => v.Label()),
        FacetNames.Outcome => EnumLabel<Outcome>(value, v => v.Label()),
        FacetNames.InitiativeArea => EnumLabel<InitiativeArea>(value, v => v.Label()),
        FacetNames.TargetGroup => EnumLabel<TargetGroup>(value, v => v.Label()),
        FacetNames.SubArea => EnumLabel<InitiativeSubArea>(value, v => v.Label()),
        FacetNames.Sector => EnumLabel<InitiativeSector>(value, v => v.Label()),
        FacetNames.Format => EnumLabel<InitiativeFormat>(value, v => v.Label()),
        _ => value,
    };

    /// <summary>Fixed lists keep their natural order (Identifiera before Förvalta); the rest go by count.</summary>
    public static IEnumerable<FacetCount> Ordered(string facet, IEnumerable<FacetCount> counts) => facet switch
    {
        FacetNames.OperationalArea => ByEnum<OperationalArea>(counts),
        FacetNames.ProcessStep => ByEnum<ProcessStepKind>(counts),
        FacetNames.BenefitTarget => ByEnum<BenefitTarget>(counts),
        FacetNames.Outcome => ByEnum<Outcome>(counts),
        FacetNames.InitiativeArea => ByEnum<InitiativeArea>(counts),
        FacetNames.TargetGroup => ByEnum<TargetGroup>(counts),
        FacetNames.SubArea => ByEnum<InitiativeSubArea>(counts),
        FacetNames.Format => ByEnum<InitiativeFormat>(counts),
        _ => counts,
    };

    private static IEnumerable<FacetCount> ByEnum<T>(IEnumerable<FacetCount> counts) where T : struct, Enum =>
        counts.OrderBy(c => Enum.TryParse<T>(c.Value, ignoreCase: true, out var parsed) ? Convert.ToInt32(parsed, System.Globalization.CultureInfo.InvariantCulture) : int.MaxValue);

    private static string EnumLabel<T>(string value, Func<T, string> label) where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? label(parsed) : value;
}
