namespace EHalsostodet.Core.Content;

/// <summary>Who saved a version: a user, or the system (an import, a scheduled job).</summary>
public sealed record ContentAuthor(string? UserId, string Name)
{
    public static ContentAuthor Import { get; } = new(null, "Innehållsimport (uSync)");
}
