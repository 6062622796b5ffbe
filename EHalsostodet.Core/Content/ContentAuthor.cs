namespace EHalsostodet.Core.Content;

/// <summary>Who saved a version: a user, or the system (the first start's seed import, a scheduled job).</summary>
public sealed record ContentAuthor(string? UserId, string Name)
{
    /// <summary>The seed content imported into an empty database at the first start; any later import names the person.</summary>
    public static ContentAuthor SeedImport { get; } = new(null, "Startinnehåll (uSync, första start)");
}
