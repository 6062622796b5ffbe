namespace EHalsostodet.Core.Sync;

/// <summary>Configuration section "Sync".</summary>
public sealed class SyncOptions
{
    public const string Section = "Sync";

    /// <summary>The uSync folder imported into an empty database; by default the one shipped with the build.</summary>
    public string SeedFolder { get; set; } = Path.Combine(AppContext.BaseDirectory, "uSync");
}
