using System.Runtime.InteropServices;

namespace EHalsostodet.Benchmarks.Measurement;

/// <summary>
/// The CPU time of the calling thread (Linux: clock_gettime with CLOCK_THREAD_CPUTIME_ID). A
/// measure of the work a synchronous piece of code does that other programs on a busy machine
/// hardly change, unlike its wall time.
/// </summary>
public static partial class ThreadTime
{
    private const int ThreadCpuClock = 3;
    private static readonly bool Supported = OperatingSystem.IsLinux() && TryNow(out _);

    /// <summary>Runs the work and returns its result with the calling thread's CPU time in milliseconds, or null when that cannot be told:
    /// the system has no such clock, or the work continued on another thread.</summary>
    public static async Task<(T Result, double? Milliseconds)> MeasureAsync<T>(Func<Task<T>> work)
    {
        if (!Supported)
        {
            return (await work(), null);
        }
        var thread = Environment.CurrentManagedThreadId;
        TryNow(out var start);
        var result = await work();
        if (Environment.CurrentManagedThreadId != thread || !TryNow(out var end))
        {
            return (result, null);
        }
        return (result, (end - start) / 1e6);
    }

    private static bool TryNow(out long nanoseconds)
    {
        try
        {
            if (clock_gettime(ThreadCpuClock, out var time) == 0)
            {
                nanoseconds = time.Seconds * 1_000_000_000 + time.Nanoseconds;
                return true;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
        }
        nanoseconds = 0;
        return false;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int clock_gettime(int clock, out TimeSpec time);
}
