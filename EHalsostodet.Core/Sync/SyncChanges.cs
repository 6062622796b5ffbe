using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EHalsostodet.Core.Content;

namespace EHalsostodet.Core.Sync;

/// <summary>
/// The fields an import would change in a document, as the report shows them: Swedish field
/// names ("Processbeskrivning › Testa › Utmaningar", not process.steps[2].challenges), the
/// fixed vocabularies' labels, titles for the ids of items, and long texts cut to the part
/// around the first difference.
/// </summary>
public static partial class SyncChanges
{
    private const int MaxLength = 160;
    private const int ContextBefore = 40;

    private static readonly Dictionary<string, Func<string, string?>> VocabularyLabels = new(StringComparer.Ordinal)
    {
        ["operationalAreas"] = v => Enum.TryParse<OperationalArea>(v, true, out var e) ? e.Label() : null,
        ["outcome"] = v => Enum.TryParse<Outcome>(v, true, out var e) ? e.Label() : null,
        ["target"] = v => Enum.TryParse<BenefitTarget>(v, true, out var e) ? e.Label() : null,
        ["step"] = v => Enum.TryParse<ProcessStepKind>(v, true, out var e) ? e.Label() : null,
        ["sectors"] = v => Enum.TryParse<InitiativeSector>(v, true, out var e) ? e.Label() : null,
        ["targetGroups"] = v => Enum.TryParse<TargetGroup>(v, true, out var e) ? e.Label() : null,
        ["subAreas"] = v => Enum.TryParse<InitiativeSubArea>(v, true, out var e) ? e.Label() : null,
        ["areas"] = v => Enum.TryParse<InitiativeArea>(v, true, out var e) ? e.Label() : null,
        ["formats"] = v => Enum.TryParse<InitiativeFormat>(v, true, out var e) ? e.Label() : null,
    };

    /// <param name="current">The item's latest version as stored.</param>
    /// <param name="file">The document the file holds.</param>
    /// <param name="titles">Titles of items by id, for references such as a collection's stories.</param>
    public static IReadOnlyList<SyncChange> Between(string current, JsonNode file, IReadOnlyDictionary<Guid, string> titles)
    {
        var currentNode = JsonNode.Parse(current);
        return VersionComparer.Compare(current, file.ToJsonString())
            .Select(change =>
            {
                var key = LastKey().Match(change.Field).Groups["key"].Value;
                var (before, after) = Shorten(Shown(key, change.Before, titles), Shown(key, change.After, titles));
                return new SyncChange(change.Field, FieldNames.Label(change.Field, file, currentNode), before, after);
            })
            .ToList();
    }

    /// <summary>A value as a reader understands it, on one line; null when empty.</summary>
    private static string? Shown(string key, string text, IReadOnlyDictionary<Guid, string> titles)
    {
        text = Whitespace().Replace(text, " ").Trim();
        if (text.Length == 0)
        {
            return null;
        }
        // Lists of plain values arrive joined with ", "; every part must be a known value to be replaced.
        var parts = text.Split(", ");
        if (VocabularyLabels.TryGetValue(key, out var label) && parts.Select(label).ToList() is var labels && labels.All(l => l is not null))
        {
            return string.Join(", ", labels);
        }
        if (parts.All(p => Guid.TryParse(p, out var id) && titles.ContainsKey(id)))
        {
            return string.Join(", ", parts.Select(p => titles[Guid.Parse(p)]));
        }
        return text switch
        {
            "true" => "ja",
            "false" => "nej",
            _ => text,
        };
    }

    /// <summary>Long texts from a little before their first difference, each at most <see cref="MaxLength"/> characters.</summary>
    private static (string? Before, string? After) Shorten(string? before, string? after)
    {
        if ((before?.Length ?? 0) <= MaxLength && (after?.Length ?? 0) <= MaxLength)
        {
            return (before, after);
        }
        var common = 0;
        while (before is not null && after is not null && common < before.Length && common < after.Length && before[common] == after[common])
        {
            common++;
        }
        var start = common > ContextBefore ? common - ContextBefore : 0;
        if (start > 0 && (before ?? after)!.IndexOf(' ', start) is var space and >= 0 && space < common)
        {
            start = space + 1;
        }
        string? Cut(string? text) => text is null ? null
            : (start > 0 ? "…" : "") + (text.Length - start > MaxLength ? text.Substring(start, MaxLength).TrimEnd() + "…" : text[start..]);
        return (Cut(before), Cut(after));
    }

    [GeneratedRegex(@"(?<key>[A-Za-z0-9_]+)(?:\[\d+\])*$")]
    private static partial Regex LastKey();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
