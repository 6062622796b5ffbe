using NetVips;
using Vips = NetVips.NetVips;

namespace EHalsostodet.Core.Media;

/// <summary>
/// The libvips library in this process (its native build comes with the NetVips.Native package),
/// set up once for untrusted uploads: no operation cache that would keep decoded images alive, and
/// no loaders that libvips marks as unsafe for untrusted input.
/// </summary>
public static class Libvips
{
    private static readonly Lazy<string?> version = new(Initialise);

    /// <summary>Whether the native library loaded.</summary>
    public static bool IsAvailable => version.Value is not null;

    /// <summary>"8.18.7", or null when the native library did not load.</summary>
    public static string? Version => version.Value;

    /// <summary>Why the native library did not load, for the logs and the health check.</summary>
    public static string? Problem => IsAvailable ? null : ModuleInitializer.Exception?.Message ?? "libvips kunde inte läsas in.";

    private static string? Initialise()
    {
        try
        {
            if (!ModuleInitializer.VipsInitialized)
            {
                return null;
            }
            Cache.Max = 0;
            Vips.BlockUntrusted = true;
            return $"{Vips.Version(0)}.{Vips.Version(1)}.{Vips.Version(2)}";
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException)
        {
            return null;
        }
    }
}
