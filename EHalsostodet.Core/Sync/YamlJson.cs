using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EHalsostodet.Core.Sync;

/// <summary>
/// Turns YAML into JSON nodes so uSync files share the documents' one JSON contract, and
/// remembers the line of every JSON path so errors can point into the file.
/// </summary>
internal static partial class YamlJson
{
    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?$")]
    private static partial Regex Number();

    /// <summary>Throws <see cref="YamlException"/> (a <see cref="YamlLimitException"/> for a file over <see cref="SyncYaml"/>'s limits).</summary>
    public static (JsonNode? Node, IReadOnlyDictionary<string, int> Lines) Parse(string yaml)
    {
        var stream = SyncYaml.Load(yaml);
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        if (stream.Documents.Count == 0)
        {
            return (null, lines);
        }
        var node = Convert(stream.Documents[0].RootNode, "$", lines);
        return (node, lines);
    }

    private static JsonNode? Convert(YamlNode node, string path, Dictionary<string, int> lines)
    {
        lines[path] = (int)node.Start.Line;
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var (keyNode, valueNode) in mapping.Children)
                {
                    if (keyNode is not YamlScalarNode { Value: var key })
                    {
                        throw new YamlException(keyNode.Start, keyNode.End, "En nyckel ska vara text, inte en lista eller mappning.");
                    }
                    key ??= "";
                    if (obj.ContainsKey(key))
                    {
                        throw new YamlException(keyNode.Start, keyNode.End, $"Nyckeln \"{key}\" förekommer två gånger.");
                    }
                    obj[key] = Convert(valueNode, $"{path}.{key}", lines);
                }
                return obj;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                var index = 0;
                foreach (var child in sequence.Children)
                {
                    array.Add(Convert(child, $"{path}[{index++}]", lines));
                }
                return array;
            case YamlScalarNode scalar:
                return Scalar(scalar);
            default:
                throw new YamlException(node.Start, node.End, "Okänd YAML-struktur (alias stöds inte).");
        }
    }

    internal static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style is not ScalarStyle.Plain)
        {
            return JsonValue.Create(value);
        }
        if (value is "" or "~" or "null")
        {
            return null;
        }
        if (value is "true" or "false")
        {
            return JsonValue.Create(value == "true");
        }
        if (Number().IsMatch(value) && decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }
        return JsonValue.Create(value);
    }

    /// <summary>The line of a JSON path, or of its nearest parent that has one.</summary>
    public static int LineOf(IReadOnlyDictionary<string, int> lines, string path)
    {
        while (path.Length > 0)
        {
            if (lines.TryGetValue(path, out var line))
            {
                return line;
            }
            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            if (cut <= 0)
            {
                break;
            }
            path = path[..cut];
        }
        return 1;
    }
}
