namespace EHalsostodet.Core.Taxonomy;

/// <summary>A Swedish municipality with its county and SKR municipality group.</summary>
public sealed class Municipality
{
    /// <summary>Kommunkod, four digits; fictional example municipalities use X001 …</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string County { get; set; } = "";
    /// <summary>SKR's kommungrupp code, e.g. B3.</summary>
    public string Group { get; set; } = "";
    /// <summary>Fictional: stories from it are shown as example content.</summary>
    public bool IsExample { get; set; }
}
