using System.Diagnostics;

namespace EHalsostodet.Benchmarks.Measurement;

/// <summary>Time and memory of one phase of a benchmark.</summary>
/// <param name="Processor">CPU time of the whole process during the phase, on all cores.</param>
/// <param name="WorkingSetAtStart">Physical memory held when the phase started, after a full garbage collection.</param>
/// <param name="PeakWorkingSet">The process's peak physical memory (<see cref="Process.PeakWorkingSet64"/>) read after the phase: since the phase started when <paramref name="PeakIsPerPhase"/>, else since the process started.</param>
/// <param name="SampledPeakWorkingSet">The highest physical memory seen by sampling every <see cref="PhaseMeter.SampleInterval"/>.</param>
/// <param name="FileBackedAtPeak">Of the sampled peak, the file-backed part (mapped index files and libraries); -1 where unknown.</param>
/// <param name="GcCommittedAtPeak">Memory the garbage collector had committed at the sampled peak.</param>
/// <param name="PeakManagedHeap">The highest managed heap seen by sampling (<see cref="GC.GetTotalMemory(bool)"/>, garbage not yet collected included).</param>
/// <param name="LiveManagedHeapAfter">The managed heap after the phase and a full collection: what the phase left alive.</param>
/// <param name="Allocated">Managed bytes allocated during the phase, on all threads.</param>
/// <param name="LoadAverage">The machine's one-minute load average when the phase ended.</param>
public sealed record PhaseFigures(
    string Name,
    TimeSpan Wall,
    TimeSpan Processor,
    long WorkingSetAtStart,
    long PeakWorkingSet,
    bool PeakIsPerPhase,
    long SampledPeakWorkingSet,
    long FileBackedAtPeak,
    long GcCommittedAtPeak,
    long PeakManagedHeap,
    long LiveManagedHeapAfter,
    long Allocated,
    int Gen2Collections,
    string? LoadAverage);

/// <summary>
/// Runs a phase and measures it: wall and CPU time, the peak working set (reset at the start of
/// the phase where the system allows, and sampled besides), the managed heap and allocations.
/// Full garbage collections before and after the phase are not part of its time; without
/// <c>settleHeap</c> there are none (they stop every thread of the process, which a test run of
/// the benchmark shares with other tests), and the live heap is then read with its garbage.
/// </summary>
public static class PhaseMeter
{
    public static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(25);

    public static async Task<(T Result, PhaseFigures Figures)> MeasureAsync<T>(string name, Func<Task<T>> work, bool settleHeap = true)
    {
        if (settleHeap)
        {
            FullCollection();
        }
        var workingSetAtStart = Timing.WorkingSetBytes();
        var perPhase = Timing.TryResetPeakWorkingSet();
        var allocatedAtStart = GC.GetTotalAllocatedBytes(precise: true);
        var gen2AtStart = GC.CollectionCount(2);
        using var sampler = new Sampler();
        var processorAtStart = Timing.ProcessorTime();
        var start = Stopwatch.GetTimestamp();

        var result = await work();

        var wall = Stopwatch.GetElapsedTime(start);
        var processor = Timing.ProcessorTime() - processorAtStart;
        var peakSample = sampler.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedAtStart;
        var gen2 = GC.CollectionCount(2) - gen2AtStart;
        var peak = Timing.PeakWorkingSetBytes();
        var loadAverage = Timing.LoadAverage();
        if (settleHeap)
        {
            FullCollection();
        }
        var live = GC.GetTotalMemory(forceFullCollection: false);
        return (result, new PhaseFigures(name, wall, processor, workingSetAtStart, peak, perPhase, peakSample.WorkingSet,
            peakSample.FileBacked, peakSample.GcCommitted, peakSample.Heap, live, allocated, gen2, loadAverage));
    }

    private static void FullCollection()
    {
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    /// <summary>
    /// Reads the working set and the managed heap on a thread of its own, so a busy thread pool does
    /// not delay it; keeps the highest heap seen, and the sample with the highest working set with
    /// its file-backed part and the garbage collector's committed memory at that moment.
    /// </summary>
    private sealed class Sampler : IDisposable
    {
        private readonly Thread thread;
        private readonly ManualResetEventSlim stop = new();
        private long workingSet;
        private long fileBacked = -1;
        private long gcCommitted;
        private long heap;

        public Sampler()
        {
            Sample();
            thread = new Thread(Run) { IsBackground = true, Name = "memory sampler", Priority = ThreadPriority.AboveNormal };
            thread.Start();
        }

        public (long WorkingSet, long FileBacked, long GcCommitted, long Heap) Stop()
        {
            stop.Set();
            thread.Join();
            Sample();
            return (workingSet, fileBacked, gcCommitted, heap);
        }

        public void Dispose()
        {
            if (!stop.IsSet)
            {
                Stop();
            }
            stop.Dispose();
        }

        private void Run()
        {
            while (!stop.Wait(SampleInterval))
            {
                Sample();
            }
        }

        private void Sample()
        {
            heap = Math.Max(heap, GC.GetTotalMemory(forceFullCollection: false));
            var now = Timing.WorkingSetBytes();
            if (now <= workingSet)
            {
                return;
            }
            workingSet = now;
            fileBacked = Timing.ResidentBreakdown()?.File ?? -1;
            gcCommitted = GC.GetGCMemoryInfo(GCKind.Any).TotalCommittedBytes;
        }
    }
}
