namespace EHalsostodet.Core.Sync;

/// <summary>Configuration section "Sync".</summary>
public sealed class SyncOptions
{
    public const string Section = "Sync";

    /// <summary>The uSync folder imported into an empty database; by default the one shipped with the build.</summary>
    public string SeedFolder { get; set; } = Path.Combine(AppContext.BaseDirectory, "uSync");

    /// <summary>Where uploaded uSync archives wait for the administrator's decision; relative paths are under the content root.</summary>
    public string UploadFolder { get; set; } = "App_Data/usync-uploads";

    /// <summary>How long an uploaded archive is kept before it is removed unused.</summary>
    public TimeSpan UploadLifetime { get; set; } = TimeSpan.FromHours(1);
}
