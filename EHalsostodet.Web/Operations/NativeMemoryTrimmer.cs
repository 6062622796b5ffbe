using System.Runtime.InteropServices;

namespace EHalsostodet.Web.Operations;

/// <summary>
/// Gives the operating system back the native memory that glibc's allocator keeps after it is
/// freed. The JIT, SQLite and the TLS library allocate through malloc from several threads, so glibc
/// keeps one arena per busy thread; after a burst (64 connections rendering exports and pages) the
/// arenas hold tens of megabytes that are free but still resident. <c>malloc_trim</c> releases the
/// free pages of every arena. Linux with glibc only; elsewhere, or with another C library, it does nothing.
/// </summary>
public sealed class NativeMemoryTrimmer(ILogger<NativeMemoryTrimmer> logger) : BackgroundService
{
    /// <summary>Often enough to follow a burst, rare enough to cost nothing (a trim takes well under a millisecond).</summary>
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                _ = MallocTrim(0);
            }
            catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
            {
                logger.LogInformation("Det inbyggda minnet lämnas inte tillbaka: C-biblioteket saknar malloc_trim ({Reason}).", e.Message);
                return;
            }
        }
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}
