namespace EHalsostodet.Core.Content.Drafts;

/// <summary>What an editor's draft belongs to: an existing item, or a new item of a type that is not saved yet.</summary>
public readonly record struct DraftTarget(ContentType Type, Guid? ItemId)
{
    private const string NewPrefix = "ny-";

    public static DraftTarget Item(ContentType type, Guid itemId) => new(type, itemId);

    public static DraftTarget New(ContentType type) => new(type, null);

    /// <summary>"story:{id}" or "story:ny-": one draft per account and target.</summary>
    public string Key => $"{Type.Key()}:{(ItemId is { } id ? id.ToString("D") : NewPrefix)}";

    public static bool TryParse(string? key, out DraftTarget target)
    {
        target = default;
        var parts = (key ?? "").Split(':');
        if (parts.Length != 2 || !ContentTypeNames.TryParseKey(parts[0], out var type))
        {
            return false;
        }
        if (parts[1] == NewPrefix)
        {
            target = New(type);
            return true;
        }
        if (Guid.TryParseExact(parts[1], "D", out var id))
        {
            target = Item(type, id);
            return true;
        }
        return false;
    }
}
