namespace EHalsostodet.Core.Taxonomy;

/// <summary>SKR's municipality groups (kommungruppsindelning 2017).</summary>
public static class MunicipalityGroups
{
    public static IReadOnlyDictionary<string, string> Labels { get; } = new Dictionary<string, string>
    {
        ["A1"] = "Storstäder",
        ["A2"] = "Pendlingskommun nära storstad",
        ["B3"] = "Större stad",
        ["B4"] = "Pendlingskommun nära större stad",
        ["B5"] = "Lågpendlingskommun nära större stad",
        ["C6"] = "Mindre stad/tätort",
        ["C7"] = "Pendlingskommun nära mindre stad/tätort",
        ["C8"] = "Landsbygdskommun",
        ["C9"] = "Landsbygdskommun med besöksnäring",
    };

    public static string Label(string code) => Labels.TryGetValue(code, out var label) ? label : code;
}
