using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DiffPlex;

namespace EHalsostodet.Core.Content;

/// <summary>One field that differs between two versions, with its text before and after.</summary>
public sealed record FieldChange(string Field, string Before, string After)
{
    /// <summary>The change as safe HTML: removed words in &lt;del&gt;, added words in &lt;ins&gt;.</summary>
    public string InlineHtml => VersionComparer.InlineDiffHtml(Before, After);
}

/// <summary>Compares two versions of a document field by field.</summary>
public static class VersionComparer
{
    public static IReadOnlyList<FieldChange> Compare(string beforeJson, string afterJson)
    {
        var before = Flatten(JsonNode.Parse(beforeJson));
        var after = Flatten(JsonNode.Parse(afterJson));
        return before.Keys.Union(after.Keys)
            .Where(k => before.GetValueOrDefault(k, "") != after.GetValueOrDefault(k, ""))
            .Select(k => new FieldChange(k, before.GetValueOrDefault(k, ""), after.GetValueOrDefault(k, "")))
            .ToList();
    }

    public static string InlineDiffHtml(string before, string after)
    {
        var diff = new Differ().CreateCustomDiffs(before, after, false, text => Regex.Split(text, @"(\s+)"));
        var html = new StringBuilder();
        var position = 0;
        string Join(IEnumerable<string> pieces) => WebUtility.HtmlEncode(string.Concat(pieces));
        foreach (var block in diff.DiffBlocks)
        {
            html.Append(Join(diff.PiecesOld.Skip(position).Take(block.DeleteStartA - position)));
            if (block.DeleteCountA > 0)
            {
                html.Append("<del class=\"diff\">").Append(Join(diff.PiecesOld.Skip(block.DeleteStartA).Take(block.DeleteCountA))).Append("</del>");
            }
            if (block.InsertCountB > 0)
            {
                html.Append("<ins class=\"diff\">").Append(Join(diff.PiecesNew.Skip(block.InsertStartB).Take(block.InsertCountB))).Append("</ins>");
            }
            position = block.DeleteStartA + block.DeleteCountA;
        }
        html.Append(Join(diff.PiecesOld.Skip(position)));
        return html.ToString();
    }

    /// <summary>Every leaf of the JSON as "path → text", e.g. process.steps[0].what.</summary>
    public static Dictionary<string, string> Flatten(JsonNode? node)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        void Walk(JsonNode? current, string path)
        {
            switch (current)
            {
                case JsonObject obj:
                    foreach (var (key, value) in obj)
                    {
                        Walk(value, path.Length == 0 ? key : $"{path}.{key}");
                    }
                    break;
                case JsonArray array when array.All(e => e is JsonValue):
                    result[path] = string.Join(", ", array.Select(e => e!.ToString()));
                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        Walk(array[i], $"{path}[{i}]");
                    }
                    break;
                case JsonValue value:
                    result[path] = value.ToString();
                    break;
            }
        }
        Walk(node, "");
        return result;
    }
}
