using System.Globalization;
using System.Text;
using EHalsostodet.Core.Insights;

namespace EHalsostodet.Web.Insights;

/// <summary>The usage counts as CSV for a spreadsheet: semicolons and a BOM, as Swedish Excel expects.</summary>
public static class InsightsCsv
{
    public static byte[] Write(IEnumerable<UsageRow> rows)
    {
        var csv = new StringBuilder();
        csv.Append("datum;mått;id eller tagg;titel;antal\r\n");
        foreach (var row in rows)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{row.Day:yyyy-MM-dd};{Field(MetricLabels.Name(row.Metric))};{Field(row.Subject)};{Field(row.Title)};{row.Count}\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>Quoted, and with a leading apostrophe when a spreadsheet would read the text as a formula.</summary>
    private static string Field(string text)
    {
        if (text.Length > 0 && "=+-@\t\r".Contains(text[0], StringComparison.Ordinal))
        {
            text = "'" + text;
        }
        return "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}

/// <summary>Swedish names of the usage metrics.</summary>
public static class MetricLabels
{
    public static string Name(string metric) => metric switch
    {
        UsageMetrics.Viewed => "visningar",
        UsageMetrics.Saved => "sparade",
        UsageMetrics.Shared => "delningar",
        UsageMetrics.Exported => "exporter",
        UsageMetrics.TagUsed => "taggval",
        _ => metric,
    };

    public static string TopHeading(string metric) => metric switch
    {
        UsageMetrics.Viewed => "Mest visat",
        UsageMetrics.Saved => "Mest sparat",
        UsageMetrics.Shared => "Mest delat",
        UsageMetrics.Exported => "Mest exporterat",
        _ => metric,
    };
}
