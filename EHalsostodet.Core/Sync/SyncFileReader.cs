using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EHalsostodet.Core.Content;
using YamlDotNet.Core;

namespace EHalsostodet.Core.Sync;

/// <summary>Reads one content file of the uSync folder into a typed document.</summary>
public static class SyncFileReader
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(ContentDocumentSerializer.Options);
        options.Converters.Add(new LenientStringConverter());
        return options;
    }

    /// <summary>Reads a file; on failure returns the problem instead, with the file's line.</summary>
    public static (SyncFile? File, SyncProblem? Problem) Read(string relativePath, string yaml)
    {
        if (SyncYaml.TooLarge(relativePath, yaml.Length) is { } tooLarge)
        {
            return (null, tooLarge);
        }
        JsonNode? root;
        IReadOnlyDictionary<string, int> lines;
        try
        {
            (root, lines) = YamlJson.Parse(yaml);
        }
        catch (YamlException e)
        {
            return (null, new SyncProblem(relativePath, Math.Max(1, (int)e.Start.Line), SyncYaml.Describe(e)));
        }
        if (root is not JsonObject obj)
        {
            return (null, new SyncProblem(relativePath, 1, "Filen ska innehålla nycklarna id, type, state och document."));
        }
        SyncProblem Problem(string path, string message) => new(relativePath, YamlJson.LineOf(lines, path), message);

        if (!Guid.TryParse(Text(obj["id"]), out var id))
        {
            return (null, Problem("$.id", "\"id\" saknas eller är inget giltigt GUID."));
        }
        if (!ContentTypeNames.TryParseKey(Text(obj["type"]), out var type))
        {
            return (null, Problem("$.type", "\"type\" ska vara story, collection, initiative eller page."));
        }
        var state = Text(obj["state"]) ?? "draft";
        if (state is not ("published" or "draft"))
        {
            return (null, Problem("$.state", "\"state\" ska vara published eller draft."));
        }
        if (!TryDate(obj["reviewBy"], out var reviewBy))
        {
            return (null, Problem("$.reviewBy", "\"reviewBy\" ska vara ett datum på formen ÅÅÅÅ-MM-DD."));
        }
        if (!TryDate(obj["lastReviewed"], out var lastReviewed))
        {
            return (null, Problem("$.lastReviewed", "\"lastReviewed\" ska vara ett datum på formen ÅÅÅÅ-MM-DD."));
        }
        if (obj["version"] is { } versionNode && !(int.TryParse(Text(versionNode), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0))
        {
            return (null, Problem("$.version", "\"version\" ska vara numret på versionen som exporterades, ett heltal från 1."));
        }
        if (obj["versionId"] is { } versionIdNode && !Guid.TryParse(Text(versionIdNode), out _))
        {
            return (null, Problem("$.versionId", "\"versionId\" ska vara id:t (ett GUID) på versionen som exporterades."));
        }
        if (obj["document"] is not JsonObject documentNode)
        {
            return (null, Problem("$.document", "\"document\" saknas."));
        }
        foreach (var key in obj.Select(p => p.Key))
        {
            if (key is not ("id" or "type" or "state" or "version" or "versionId" or "reviewBy" or "lastReviewed" or "document"))
            {
                return (null, Problem("$." + key, $"Okänd nyckel \"{key}\"."));
            }
        }

        IContentDocument document;
        try
        {
            document = (IContentDocument)(documentNode.Deserialize(ContentDocumentSerializer.DocumentClrType(type), Options)
                ?? throw new JsonException("Dokumentet är tomt."));
        }
        catch (JsonException e)
        {
            var path = "$.document" + (e.Path is { Length: > 1 } p ? p[1..] : "");
            return (null, Problem(path, $"Fältet {FieldName(e.Path)} har fel form: {DescribeJson(e)}"));
        }
        return (new SyncFile(relativePath, id, type, state == "published", reviewBy, lastReviewed, document, lines,
            obj["version"] is null ? null : int.Parse(Text(obj["version"])!, CultureInfo.InvariantCulture),
            Guid.TryParse(Text(obj["versionId"]), out var versionId) ? versionId : null), null);
    }

    private static string FieldName(string? path) => string.IsNullOrEmpty(path) || path == "$" ? "document" : "\"" + path.TrimStart('$', '.') + "\"";

    private static string DescribeJson(JsonException e)
    {
        var message = e.Message;
        if (message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return "okänt fält.";
        }
        if (message.Contains("missing required properties", StringComparison.Ordinal))
        {
            return "obligatoriska fält saknas (" + message[(message.IndexOf(':') + 1)..].Split('.')[0].Trim() + ").";
        }
        if (message.Contains("could not be converted", StringComparison.Ordinal))
        {
            return "värdet har fel typ eller är inte ett tillåtet värde.";
        }
        return message;
    }

    private static string? Text(JsonNode? node) => node is JsonValue value ? value.ToString() : null;

    private static bool TryDate(JsonNode? node, out DateOnly? date)
    {
        date = null;
        if (node is null)
        {
            return true;
        }
        if (DateOnly.TryParseExact(Text(node), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return true;
        }
        return false;
    }
}
