using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace EHalsostodet.Core.Content;

/// <summary>
/// The one JSON contract for typed documents: versions, the read model, uSync files and the
/// APIs all go through it, so a document looks the same everywhere.
/// </summary>
public static class ContentDocumentSerializer
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static Type DocumentClrType(ContentType type) => type switch
    {
        ContentType.Story => typeof(StoryDocument),
        ContentType.Collection => typeof(CollectionDocument),
        ContentType.Initiative => typeof(InitiativeDocument),
        ContentType.Page => typeof(PageDocument),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static string Serialize(IContentDocument document) =>
        JsonSerializer.Serialize(document, document.GetType(), Options);

    public static JsonNode ToNode(IContentDocument document) =>
        JsonSerializer.SerializeToNode(document, document.GetType(), Options)!;

    /// <summary>
    /// A stored version's document. Null list entries and null fields, which older versions may hold,
    /// are left out, so that every page (and the search index) can show the rest;
    /// <see cref="ReadStored"/> names them for the back office.
    /// </summary>
    public static IContentDocument Deserialize(ContentType type, string json) =>
        (IContentDocument)ReadTolerant(DocumentClrType(type), json, dropped: null);

    public static T Deserialize<T>(string json) where T : IContentDocument =>
        (T)ReadTolerant(typeof(T), json, dropped: null);

    /// <summary>
    /// A document sent by a client, exactly as sent: null entries are kept so that
    /// <see cref="DocumentValidator"/> refuses them by name.
    /// </summary>
    public static IContentDocument DeserializeInput(ContentType type, string json) =>
        (IContentDocument)(JsonSerializer.Deserialize(json, DocumentClrType(type), Options)
            ?? throw new JsonException("Dokumentet är tomt."));

    public static IContentDocument Deserialize(ContentType type, JsonNode node) =>
        (IContentDocument)(node.Deserialize(DocumentClrType(type), Options)
            ?? throw new JsonException("Dokumentet är tomt."));

    /// <summary>A stored version for the back office: the document, or why it cannot be shown as it is, in Swedish.</summary>
    public static StoredDocument ReadStored(ContentType type, string json)
    {
        var dropped = new List<string>();
        try
        {
            var document = (IContentDocument)ReadTolerant(DocumentClrType(type), json, dropped);
            return new StoredDocument(document, dropped.Count == 0 ? null :
                $"Den sparade versionen har tomma värden (null) i {string.Join(", ", dropped.Order(StringComparer.Ordinal))}. " +
                "De visas inte här och är borta när du sparar en ny version.");
        }
        catch (JsonException e)
        {
            var field = e.Path is { Length: > 1 } path ? $" (fältet {path.TrimStart('$', '.')})" : "";
            return new StoredDocument(null,
                $"Den sparade versionen kan inte läsas{field}. Återskapa en tidigare version under Versioner, " +
                "eller spara en rättad version genom förvaltnings-API:t.");
        }
    }

    private static object ReadTolerant(Type clrType, string json, List<string>? dropped)
    {
        // Documents are written without nulls, so a version without the word has nothing to leave out.
        if (!json.Contains("null", StringComparison.Ordinal))
        {
            return JsonSerializer.Deserialize(json, clrType, Options) ?? throw new JsonException("Dokumentet är tomt.");
        }
        var node = JsonNode.Parse(json);
        DropNulls(node, "", dropped);
        return node.Deserialize(clrType, Options) ?? throw new JsonException("Dokumentet är tomt.");
    }

    private static void DropNulls(JsonNode? node, string path, List<string>? dropped)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Where(p => p.Value is null).Select(p => p.Key).ToList())
                {
                    obj.Remove(key);
                    dropped?.Add(path.Length == 0 ? key : $"{path}.{key}");
                }
                foreach (var (key, value) in obj)
                {
                    DropNulls(value, path.Length == 0 ? key : $"{path}.{key}", dropped);
                }
                break;
            case JsonArray array:
                for (var i = array.Count - 1; i >= 0; i--)
                {
                    if (array[i] is null)
                    {
                        array.RemoveAt(i);
                        dropped?.Add($"{path}[{i}]");
                    }
                    else
                    {
                        DropNulls(array[i], $"{path}[{i}]", dropped);
                    }
                }
                break;
        }
    }
}

/// <summary>A stored version read for the back office: the document (null when it cannot be read) and what is wrong with it, if anything.</summary>
public sealed record StoredDocument(IContentDocument? Document, string? Problem);
