namespace EHalsostodet.Benchmarks.Measurement;

/// <summary>Percentiles of a set of timings in milliseconds, by the nearest-rank method.</summary>
public sealed record LatencySummary(int Count, double P50, double P95, double P99, double Max)
{
    public static LatencySummary From(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new LatencySummary(0, 0, 0, 0, 0);
        }
        double At(double percentile) => sorted[Math.Max(0, (int)Math.Ceiling(percentile / 100 * sorted.Length) - 1)];
        return new LatencySummary(sorted.Length, At(50), At(95), At(99), sorted[^1]);
    }
}
