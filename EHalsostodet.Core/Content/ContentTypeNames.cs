namespace EHalsostodet.Core.Content;

/// <summary>The names a content type goes by in files, URLs and the interface.</summary>
public static class ContentTypeNames
{
    /// <summary>The name in uSync files and the APIs: story, collection, initiative, page.</summary>
    public static string Key(this ContentType type) => type switch
    {
        ContentType.Story => "story",
        ContentType.Collection => "collection",
        ContentType.Initiative => "initiative",
        ContentType.Page => "page",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static bool TryParseKey(string? key, out ContentType type)
    {
        foreach (var candidate in Enum.GetValues<ContentType>())
        {
            if (string.Equals(candidate.Key(), key, StringComparison.OrdinalIgnoreCase))
            {
                type = candidate;
                return true;
            }
        }
        type = default;
        return false;
    }

    public static string Label(this ContentType type) => type switch
    {
        ContentType.Story => "Kommunberättelse",
        ContentType.Collection => "Samling",
        ContentType.Initiative => "Kunskapshöjande initiativ",
        ContentType.Page => "Sida",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
