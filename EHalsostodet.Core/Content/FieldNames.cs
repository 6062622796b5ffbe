using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace EHalsostodet.Core.Content;

/// <summary>
/// Swedish names for the JSON paths of a document, as the version comparison and the uSync
/// import report show them: <c>process.steps[2].challenges</c> becomes "Processbeskrivning › Testa › Utmaningar".
/// </summary>
public static partial class FieldNames
{
    public const string Separator = " › ";

    private static readonly Dictionary<string, string> TopLevel = new(StorySections.All.Select(s => KeyValuePair.Create(s.Key, s.Heading)), StringComparer.Ordinal)
    {
        ["title"] = "Titel",
        ["slug"] = "Webbadress (slug)",
        ["shortDescription"] = "Kort beskrivning",
        ["municipalityCode"] = "Kommun",
        ["operationalAreas"] = "Verksamhetsområden",
        ["outcome"] = "Utfall",
        ["tags"] = "Taggar",
        ["period"] = "Period",
        ["heroImageId"] = "Huvudbild",
        ["description"] = "Beskrivning",
        ["storyIds"] = "Berättelser",
        ["purpose"] = "Syfte",
        ["links"] = "Länkar",
        ["organisations"] = "Ansvariga organisationer",
        ["productionYear"] = "Produktionsår",
        ["productionNote"] = "Produktionsår (som källan anger det)",
        ["sectors"] = "Verksamhetsområden",
        ["targetGroups"] = "Målgrupper",
        ["subAreas"] = "Delområden",
        ["areas"] = "Områden",
        ["formats"] = "Format",
        ["noLinkReason"] = "Varför länk saknas",
        ["body"] = "Brödtext",
    };

    private static readonly Dictionary<string, string> Nested = new(StorySections.StepQuestions.Select(q => KeyValuePair.Create(q.Key, q.Label)), StringComparer.Ordinal)
    {
        ["text"] = "Text",
        ["initiativeIds"] = "Kunskapshöjande initiativ",
        ["actors"] = "Aktörer",
        ["forums"] = "Forum",
        ["name"] = "Namn",
        ["description"] = "Beskrivning",
        ["external"] = "Extern",
        ["effects"] = "Effekter",
        ["target"] = "Målgrupp",
        ["indicators"] = "Indikatorer",
        ["value"] = "Värde",
        ["unit"] = "Enhet",
        ["baseline"] = "Utgångsvärde",
        ["period"] = "Period",
        ["products"] = "Produkter och tjänster",
        ["prerequisites"] = "Tekniska förutsättningar",
        ["isService"] = "Tjänst",
        ["steps"] = "Steg",
        ["step"] = "Steg",
        ["tips"] = "Tips",
        ["title"] = "Titel",
        ["organisation"] = "Organisation",
        ["email"] = "E-post",
        ["phone"] = "Telefon",
        ["url"] = "Adress",
        ["label"] = "Länktext",
        ["checkedOn"] = "Kontrollerad",
        ["startYear"] = "Startår",
        ["endYear"] = "Slutår",
    };

    /// <summary>Names that depend on where the key sits, e.g. a contact's title is a job title.</summary>
    private static readonly Dictionary<(string Parent, string Key), string> InContext = new()
    {
        [("contacts", "title")] = "Befattning",
        [("process", "text")] = "Sammanfattning",
    };

    /// <summary>
    /// The Swedish label of a JSON path. The documents (any of them may be null) name array
    /// elements: a process step by its step, a benefit effect by its target group, a contact by name.
    /// </summary>
    public static string Label(string path, params JsonNode?[] documents)
    {
        ArgumentNullException.ThrowIfNull(path);
        var parts = new List<string>();
        var nodes = documents.ToList();
        string? parentKey = null;
        foreach (Match segment in SegmentPattern().Matches(path))
        {
            var key = segment.Groups["key"].Value;
            var label = parentKey is null
                ? TopLevel.GetValueOrDefault(key)
                : InContext.GetValueOrDefault((parentKey, key)) ?? Nested.GetValueOrDefault(key);
            nodes = nodes.Select(n => n is JsonObject obj ? obj[key] : null).ToList();
            // An array of objects named by its elements gets no label of its own: "Processbeskrivning › Testa".
            var indexes = segment.Groups["index"].Captures.Select(c => int.Parse(c.Value, CultureInfo.InvariantCulture)).ToList();
            if (indexes.Count == 0 || !IsNamedList(key))
            {
                parts.Add(label ?? key);
            }
            foreach (var index in indexes)
            {
                nodes = nodes.Select(n => n is JsonArray array && index < array.Count ? array[index] : null).ToList();
                parts.Add(ElementName(key, index, nodes));
            }
            parentKey = key;
        }
        return parts.Count == 0 ? path : string.Join(Separator, parts);
    }

    private static bool IsNamedList(string key) => key is "steps" or "effects";

    private static string ElementName(string key, int index, IReadOnlyList<JsonNode?> elements)
    {
        var number = (index + 1).ToString(CultureInfo.InvariantCulture);
        switch (key)
        {
            case "steps":
                foreach (var element in elements)
                {
                    if (element is JsonObject step && Enum.TryParse<ProcessStepKind>(step["step"]?.ToString(), ignoreCase: true, out var kind))
                    {
                        return kind.Label();
                    }
                }
                return Enum.IsDefined(typeof(ProcessStepKind), index) ? ((ProcessStepKind)index).Label() : $"Steg {number}";
            case "effects":
                foreach (var element in elements)
                {
                    if (element is JsonObject effect && Enum.TryParse<BenefitTarget>(effect["target"]?.ToString(), ignoreCase: true, out var target))
                    {
                        return target.Label();
                    }
                }
                return $"Effekt {number}";
            default:
                foreach (var element in elements)
                {
                    if (element is JsonObject obj && obj["name"]?.ToString() is { Length: > 0 } name)
                    {
                        return name;
                    }
                }
                return $"nr {number}";
        }
    }

    [GeneratedRegex(@"(?<key>[A-Za-z0-9_]+)(?:\[(?<index>\d+)\])*")]
    private static partial Regex SegmentPattern();
}
