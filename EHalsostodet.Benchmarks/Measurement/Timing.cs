using System.Diagnostics;

namespace EHalsostodet.Benchmarks.Measurement;

public static class Timing
{
    public static async Task<(T Result, double Milliseconds)> MeasureAsync<T>(Func<Task<T>> work)
    {
        var start = Stopwatch.GetTimestamp();
        var result = await work();
        return (result, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }

    /// <summary>CPU time this process has used so far, on all cores; unlike wall time, other programs on the machine barely change it.</summary>
    public static TimeSpan ProcessorTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>The load average over the last minute, where the system tells it (Linux), else null.</summary>
    public static string? LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ').FirstOrDefault() : null;

    /// <summary>The most physical memory this process has held so far (VmHWM on Linux).</summary>
    public static long PeakWorkingSetBytes()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }
}
