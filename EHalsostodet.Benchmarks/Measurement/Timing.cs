using System.Diagnostics;
using System.Globalization;

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

    /// <summary>The most physical memory this process has held so far, or since <see cref="TryResetPeakWorkingSet"/> (VmHWM on Linux).</summary>
    public static long PeakWorkingSetBytes()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }

    /// <summary>
    /// Starts the peak working set afresh from the current working set, so that the next
    /// <see cref="PeakWorkingSetBytes"/> is the peak of what follows (Linux 4.0 and later: writing 5
    /// to /proc/self/clear_refs resets VmHWM). False where that is not possible: the peak then
    /// counts from the start of the process.
    /// </summary>
    public static bool TryResetPeakWorkingSet()
    {
        try
        {
            if (!File.Exists("/proc/self/clear_refs"))
            {
                return false;
            }
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The physical memory this process holds now: resident pages from /proc/self/statm (cheap to read often), else the process's working set.</summary>
    public static long WorkingSetBytes()
    {
        try
        {
            var fields = File.ReadAllText("/proc/self/statm").Split(' ');
            return long.Parse(fields[1], CultureInfo.InvariantCulture) * Environment.SystemPageSize;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            using var process = Process.GetCurrentProcess();
            return process.WorkingSet64;
        }
    }

    /// <summary>
    /// The resident memory that is anonymous (managed heap, native allocations, code) and that is
    /// file-backed (mapped files: the index files Lucene maps, the program's libraries), from
    /// /proc/self/status; null where the system does not tell.
    /// </summary>
    public static (long Anonymous, long File)? ResidentBreakdown()
    {
        try
        {
            long? anonymous = null, file = null;
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("RssAnon:", StringComparison.Ordinal))
                {
                    anonymous = Kilobytes(line);
                }
                else if (line.StartsWith("RssFile:", StringComparison.Ordinal))
                {
                    file = Kilobytes(line);
                }
            }
            return anonymous is { } a && file is { } f ? (a, f) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }

        static long Kilobytes(string line) =>
            long.Parse(line.Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>
    /// CPU time of this process and of the child processes it has waited for (utime, stime,
    /// cutime and cstime of /proc/self/stat), so that work handed to a program it runs is counted
    /// too; null where the system does not tell.
    /// </summary>
    public static TimeSpan? ProcessorTimeWithChildren()
    {
        try
        {
            var stat = File.ReadAllText("/proc/self/stat");
            // The fields after the command name, which is in parentheses and may hold spaces.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = fields[11..15].Sum(f => long.Parse(f, CultureInfo.InvariantCulture));
            return TimeSpan.FromSeconds(ticks / 100.0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>The bytes of the files under a folder, or 0 when it does not exist.</summary>
    public static long FolderBytes(string folder) =>
        Directory.Exists(folder)
            ? new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f =>
            {
                try
                {
                    return f.Length;
                }
                catch (FileNotFoundException)
                {
                    // A segment merged away while the folder was read.
                    return 0;
                }
            })
            : 0;
}
