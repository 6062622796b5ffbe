using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace EHalsostodet.Core.Sync;

/// <summary>
/// Writes JSON nodes as YAML that <see cref="YamlJson"/> reads back to the same nodes: keys in
/// the node's order, multi-line text as literal blocks, and strings that would read as a
/// number, boolean or null quoted.
/// </summary>
internal static class SyncYamlWriter
{
    public static string Write(JsonNode node, bool flowMappingsInLists = false)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var emitter = new Emitter(writer, new EmitterSettings().WithBestWidth(int.MaxValue));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        Emit(emitter, node, flowMappingsInLists, inFlow: false);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    private static void Emit(IEmitter emitter, JsonNode? node, bool flowMappingsInLists, bool inFlow)
    {
        switch (node)
        {
            case null:
                emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, "null", ScalarStyle.Plain, true, false));
                break;
            case JsonObject obj:
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, inFlow ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var (key, value) in obj)
                {
                    EmitString(emitter, key, inFlow);
                    Emit(emitter, value, flowMappingsInLists, inFlow);
                }
                emitter.Emit(new MappingEnd());
                break;
            case JsonArray array:
                // Short lists of plain words read best on one line, as in the hand-written files.
                var flow = inFlow || (array.Count > 0 && array.All(IsShortWord));
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, flow ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in array)
                {
                    Emit(emitter, item, flowMappingsInLists, flow || (flowMappingsInLists && item is JsonObject));
                }
                emitter.Emit(new SequenceEnd());
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                EmitString(emitter, value.GetValue<string>(), inFlow);
                break;
            case JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value.GetValue<bool>() ? "true" : "false", ScalarStyle.Plain, true, false));
                break;
            case JsonValue value:
                emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value.ToJsonString(), ScalarStyle.Plain, true, false));
                break;
        }
    }

    private static bool IsShortWord(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String
        && value.GetValue<string>() is { Length: > 0 and <= 40 } text
        && text.All(c => char.IsLetterOrDigit(c) || c is ' ' or '-') && !ReadsAsNonString(text) && text.Trim() == text;

    private static void EmitString(IEmitter emitter, string text, bool inFlow)
    {
        var style = ScalarStyle.Any;
        if (ReadsAsNonString(text))
        {
            style = ScalarStyle.DoubleQuoted;
        }
        else if (text.Contains('\n', StringComparison.Ordinal) && !inFlow)
        {
            style = ScalarStyle.Literal;
        }
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, text, style, true, true));
    }

    /// <summary>Whether a plain scalar with this text would be read as something other than this string.</summary>
    private static bool ReadsAsNonString(string text) =>
        text is "" or "~" or "null" or "true" or "false"
        // Codes such as kommunkod 0114 stay strings for every YAML reader, not only ours.
        || text.All(char.IsAsciiDigit)
        || YamlJson.Scalar(new YamlDotNet.RepresentationModel.YamlScalarNode(text)) is not JsonValue { } v
        || v.GetValueKind() != JsonValueKind.String;
}
