namespace EHalsostodet.Core.Members;

/// <summary>The roles a member can choose in their profile, with Swedish labels, in display order.</summary>
public static class MemberRoles
{
    public static readonly IReadOnlyList<(string Key, string Label)> All =
    [
        ("enhetschef", "Enhetschef"),
        ("verksamhetschef", "Verksamhetschef"),
        ("forvaltningschef", "Förvaltnings- eller socialchef"),
        ("verksamhetsutvecklare", "Verksamhetsutvecklare"),
        ("digitaliseringsstrateg", "Digitaliseringsstrateg eller IT-strateg"),
        ("mas-mar", "Medicinskt ansvarig (MAS/MAR/MAS-R)"),
        ("projektledare", "Projektledare"),
        ("forskare", "Forskare eller utbildare"),
        ("fortroendevald", "Förtroendevald"),
        ("annan", "Annan roll"),
    ];

    public static bool IsKnown(string? key) => key is not null && All.Any(r => r.Key == key);

    public static string Label(string? key) => All.FirstOrDefault(r => r.Key == key).Label ?? "";
}
