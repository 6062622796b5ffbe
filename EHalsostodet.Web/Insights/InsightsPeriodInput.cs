using System.Globalization;
using EHalsostodet.Core.Insights;

namespace EHalsostodet.Web.Insights;

/// <summary>Reads the period an editor chose (fran, till as yyyy-mm-dd), defaulting to the last 30 days.</summary>
public static class InsightsPeriodInput
{
    public const int DefaultDays = 30;
    public const int MaxDays = 3 * 366;

    public static (InsightsPeriod Period, string? Error) Parse(string? from, string? to, DateOnly today)
    {
        var fallback = new InsightsPeriod(today.AddDays(-(DefaultDays - 1)), today);
        if (string.IsNullOrWhiteSpace(from) && string.IsNullOrWhiteSpace(to))
        {
            return (fallback, null);
        }
        if (!TryDate(from, out var start) || !TryDate(to, out var end))
        {
            return (fallback, "Ange datumen som år-månad-dag, till exempel 2026-11-01. Visar de senaste 30 dagarna.");
        }
        if (start > end)
        {
            return (fallback, "Startdatumet är senare än slutdatumet. Visar de senaste 30 dagarna.");
        }
        if (end.DayNumber - start.DayNumber >= MaxDays)
        {
            return (fallback, "Välj en period på högst tre år. Visar de senaste 30 dagarna.");
        }
        return (new InsightsPeriod(start, end), null);
    }

    private static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static string Query(InsightsPeriod period) => $"fran={period.From:yyyy-MM-dd}&till={period.To:yyyy-MM-dd}";
}

/// <summary>The model of the per-day usage table.</summary>
public sealed record DailyUsageTable(IReadOnlyList<DailyUsage> Days, string Caption)
{
    public int MaxViews => Math.Max(1, Days.Count == 0 ? 0 : Days.Max(d => d.Counts[UsageMetrics.Viewed]));
}
