using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Content.Merging;

namespace EHalsostodet.Web.BackOffice.Editing;

/// <summary>A field both sides changed, in words: each value as text and each side's change against the common version as marked-up HTML.</summary>
public sealed record ConflictField(FieldConflict Conflict, string Label, string CommonText, string YoursText, string TheirsText)
{
    public string Path => Conflict.Path;

    public bool IsText => Conflict.IsText;

    /// <summary>The text the editor's own version starts from when they write one.</summary>
    public string YoursRaw => Conflict.Yours is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : "";

    public string YoursChangeHtml => VersionComparer.InlineDiffHtml(CommonText, YoursText);

    public string TheirsChangeHtml => VersionComparer.InlineDiffHtml(CommonText, TheirsText);
}

/// <summary>A field only one side changed (or both the same way), which merges by itself.</summary>
public sealed record ReviewedChange(string Path, string Label, FieldChange Change);

/// <summary>
/// The three-way comparison as the conflict page shows it, field by field with Swedish names:
/// the fields both sides changed, and what each side changed alone.
/// </summary>
public sealed record ConflictReview(
    IReadOnlyList<ConflictField> Conflicts,
    IReadOnlyList<ReviewedChange> ChangedByOthers,
    IReadOnlyList<ReviewedChange> ChangedByYou,
    IReadOnlyList<ReviewedChange> ChangedByBoth)
{
    public static async Task<ConflictReview> BuildAsync(JsonNode common, JsonNode yours, JsonNode theirs, DocumentMergeResult merge, ContentQueries queries, CancellationToken cancellationToken)
    {
        var names = await NamesAsync(merge.Conflicts.SelectMany(c => new[] { c.Base, c.Yours, c.Theirs }), queries, cancellationToken);
        string Label(string path) => FieldNames.Label(path, merge.Merged, theirs, yours, common);
        var conflicts = merge.Conflicts
            .Select(c => new ConflictField(c, Label(c.Path), ValueText(c.Base, names), ValueText(c.Yours, names), ValueText(c.Theirs, names)))
            .ToList();

        bool InConflict(string path) => merge.Conflicts.Any(c => path == c.Path ||
            (path.StartsWith(c.Path, StringComparison.Ordinal) && path[c.Path.Length] is '.' or '['));
        var commonJson = common.ToJsonString();
        var theirsChanges = VersionComparer.Compare(commonJson, theirs.ToJsonString()).Where(c => !InConflict(c.Field)).ToList();
        var yoursChanges = VersionComparer.Compare(commonJson, yours.ToJsonString()).Where(c => !InConflict(c.Field)).ToList();
        var both = theirsChanges.Where(t => yoursChanges.Any(y => y.Field == t.Field && y.After == t.After)).Select(t => t.Field).ToHashSet(StringComparer.Ordinal);
        ReviewedChange Reviewed(FieldChange change) => new(change.Field, Label(change.Field), change);
        return new ConflictReview(
            conflicts,
            theirsChanges.Where(c => !both.Contains(c.Field)).Select(Reviewed).ToList(),
            yoursChanges.Where(c => !both.Contains(c.Field)).Select(Reviewed).ToList(),
            theirsChanges.Where(c => both.Contains(c.Field)).Select(Reviewed).ToList());
    }

    /// <summary>A value as a reader understands it: text as it is, chosen items by title, rows one per line.</summary>
    public static string ValueText(JsonNode? node, IReadOnlyDictionary<Guid, string> names)
    {
        if (node is null)
        {
            return "";
        }
        if (node is JsonValue value)
        {
            return Scalar(value, names);
        }
        if (node is JsonArray array)
        {
            return array.All(e => e is JsonValue)
                ? string.Join(", ", array.Select(e => Scalar((JsonValue)e!, names)))
                : string.Join("\n", array.Select(row => ValueText(row, names).Replace("\n", " · ", StringComparison.Ordinal)));
        }
        var lines = VersionComparer.Flatten(node)
            .Where(f => f.Value.Length > 0)
            .Select(f => $"{FieldNames.Label(f.Key, node)}: {ScalarText(f.Value, names)}");
        return string.Join("\n", lines);
    }

    private static string Scalar(JsonValue value, IReadOnlyDictionary<Guid, string> names) => value.GetValueKind() switch
    {
        JsonValueKind.True => "Ja",
        JsonValueKind.False => "Nej",
        JsonValueKind.String => ScalarText(value.GetValue<string>(), names),
        _ => value.ToJsonString(),
    };

    private static string ScalarText(string text, IReadOnlyDictionary<Guid, string> names) =>
        Guid.TryParse(text, out var id) ? names.GetValueOrDefault(id, text) : VocabularyLabel(text) ?? text;

    /// <summary>The Swedish name of a fixed-list value as documents store it (e.g. "elderlyCare" → "Äldreomsorg").</summary>
    private static string? VocabularyLabel(string key)
    {
        static string? Find<T>(string key, Func<T, string> label) where T : struct, Enum =>
            Enum.TryParse<T>(key, ignoreCase: true, out var parsed) && !int.TryParse(key, CultureInfo.InvariantCulture, out _) && Enum.IsDefined(parsed)
                ? label(parsed)
                : null;
        if (key.Length == 0 || !char.IsAsciiLetterLower(key[0]) || key.Any(c => !char.IsAsciiLetter(c)))
        {
            return null;
        }
        return Find<OperationalArea>(key, v => v.Label()) ?? Find<Outcome>(key, v => v.Label()) ?? Find<BenefitTarget>(key, v => v.Label())
            ?? Find<ProcessStepKind>(key, v => v.Label()) ?? Find<InitiativeSector>(key, v => v.Label()) ?? Find<TargetGroup>(key, v => v.Label())
            ?? Find<InitiativeSubArea>(key, v => v.Label()) ?? Find<InitiativeArea>(key, v => v.Label())
            ?? Find<InitiativeFormat>(key, v => v.Label());
    }

    /// <summary>Titles of the items and alt texts of the images the values refer to by id.</summary>
    private static async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IEnumerable<JsonNode?> values, ContentQueries queries, CancellationToken cancellationToken)
    {
        var ids = values.SelectMany(v => v is null ? [] : VersionComparer.Flatten(v).Values.Concat(v is JsonValue ? [v.ToString()] : []))
            .SelectMany(text => text.Split(", "))
            .Select(text => Guid.TryParse(text, out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty).Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }
        var names = await queries.TitlesAsync(ids, cancellationToken);
        foreach (var (id, altText) in await queries.ImageAltTextsAsync(ids, cancellationToken))
        {
            names[id] = $"Bild: {altText}";
        }
        return names;
    }
}
