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

    public static IContentDocument Deserialize(ContentType type, string json) =>
        (IContentDocument)(JsonSerializer.Deserialize(json, DocumentClrType(type), Options)
            ?? throw new JsonException("Dokumentet är tomt."));

    public static IContentDocument Deserialize(ContentType type, JsonNode node) =>
        (IContentDocument)(node.Deserialize(DocumentClrType(type), Options)
            ?? throw new JsonException("Dokumentet är tomt."));

    public static T Deserialize<T>(string json) where T : IContentDocument =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException("Dokumentet är tomt.");
}
