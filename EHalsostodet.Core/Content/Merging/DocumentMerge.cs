using System.Text.Json;
using System.Text.Json.Nodes;

namespace EHalsostodet.Core.Content.Merging;

/// <summary>
/// A field that both sides changed since the version they shared, each in its own way.
/// <see cref="Path"/> is the field's JSON path in the merged document (e.g. <c>summary.text</c>,
/// <c>contacts[0].phone</c>, or a whole list such as <c>roles.actors</c>); a missing value is null.
/// </summary>
public sealed record FieldConflict(string Path, JsonNode? Base, JsonNode? Yours, JsonNode? Theirs)
{
    /// <summary>Both sides hold text (or one removed it), so the editor may also write a text of their own.</summary>
    public bool IsText => IsTextOrMissing(Base) && IsTextOrMissing(Yours) && IsTextOrMissing(Theirs);

    private static bool IsTextOrMissing(JsonNode? node) => node is null || node.GetValueKind() == JsonValueKind.String;
}

/// <summary>The merged document and the fields that need a choice; until then those fields hold the latest version's value.</summary>
public sealed record DocumentMergeResult(JsonObject Merged, IReadOnlyList<FieldConflict> Conflicts);

/// <summary>
/// Three-way merge of two documents that were both changed from one common version: a field
/// that only one side changed takes that side's value; a field that both changed the same way
/// takes it; a field that both changed differently is a conflict. Objects merge property by
/// property. Lists of rows (actors, contacts, the five steps …) merge row by row while all three
/// hold the same rows (the same number, and for steps and effects the same step or target at
/// each place); otherwise, and for lists of plain values (tags, chosen initiatives), a list is one field.
/// </summary>
public static class DocumentMerge
{
    /// <summary>Properties that name what a row is, so a row is only merged with the row of the same name.</summary>
    private static readonly string[] RowKeys = ["step", "target"];

    /// <param name="resolve">
    /// The value chosen for a conflicting field (null removes it); without it, or when it returns
    /// <see cref="KeepTheirs"/>, the field keeps the latest version's value.
    /// </param>
    public static DocumentMergeResult Merge(JsonNode common, JsonNode yours, JsonNode theirs, Func<FieldConflict, ConflictChoice>? resolve = null)
    {
        var conflicts = new List<FieldConflict>();
        var merged = MergeNode(common, yours, theirs, "", conflicts, resolve) as JsonObject
            ?? throw new ArgumentException("Dokumenten måste vara JSON-objekt.", nameof(yours));
        return new DocumentMergeResult(merged, conflicts);
    }

    /// <summary>The choice that leaves a conflicting field as the latest version has it.</summary>
    public static readonly ConflictChoice KeepTheirs = new(null, UseTheirs: true);

    private static JsonNode? MergeNode(JsonNode? common, JsonNode? yours, JsonNode? theirs, string path, List<FieldConflict> conflicts, Func<FieldConflict, ConflictChoice>? resolve)
    {
        if (JsonNode.DeepEquals(yours, theirs) || JsonNode.DeepEquals(yours, common))
        {
            return theirs?.DeepClone();
        }
        if (JsonNode.DeepEquals(theirs, common))
        {
            return yours?.DeepClone();
        }
        if (common is JsonObject c && yours is JsonObject y && theirs is JsonObject t)
        {
            var result = new JsonObject();
            foreach (var key in t.Select(p => p.Key).Concat(y.Select(p => p.Key)).Concat(c.Select(p => p.Key)).Distinct(StringComparer.Ordinal))
            {
                var value = MergeNode(c[key], y[key], t[key], path.Length == 0 ? key : $"{path}.{key}", conflicts, resolve);
                if (value is not null)
                {
                    result[key] = value;
                }
            }
            return result;
        }
        if (common is JsonArray ca && yours is JsonArray ya && theirs is JsonArray ta && SameRows(ca, ya, ta))
        {
            var result = new JsonArray();
            for (var i = 0; i < ta.Count; i++)
            {
                result.Add(MergeNode(ca[i], ya[i], ta[i], $"{path}[{i}]", conflicts, resolve));
            }
            return result;
        }
        var conflict = new FieldConflict(path, common?.DeepClone(), yours?.DeepClone(), theirs?.DeepClone());
        conflicts.Add(conflict);
        var choice = resolve?.Invoke(conflict) ?? KeepTheirs;
        return choice.UseTheirs ? theirs?.DeepClone() : choice.Value?.DeepClone();
    }

    /// <summary>Three lists of objects with the same number of rows, and the same step or target in each place.</summary>
    private static bool SameRows(JsonArray common, JsonArray yours, JsonArray theirs)
    {
        if (common.Count != yours.Count || common.Count != theirs.Count || common.Count == 0)
        {
            return false;
        }
        for (var i = 0; i < common.Count; i++)
        {
            if (common[i] is not JsonObject c || yours[i] is not JsonObject y || theirs[i] is not JsonObject t)
            {
                return false;
            }
            foreach (var key in RowKeys)
            {
                if (!JsonNode.DeepEquals(c[key], y[key]) || !JsonNode.DeepEquals(c[key], t[key]))
                {
                    return false;
                }
            }
        }
        return true;
    }
}

/// <summary>How a conflicting field is resolved: the latest version's value, or the given value (null removes the field).</summary>
public sealed record ConflictChoice(JsonNode? Value, bool UseTheirs = false)
{
    public static ConflictChoice Use(JsonNode? value) => new(value);
}
