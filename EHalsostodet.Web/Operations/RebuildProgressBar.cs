using System.Globalization;

namespace EHalsostodet.Web.Operations;

/// <summary>The progress of <c>search rebuild</c> as a bar on one line: <c>[#######-------]  48 %  48 000 / 100 000</c>.</summary>
public sealed class RebuildProgressBar(TextWriter output) : IProgress<(int Done, int Total)>
{
    private const int Width = 30;
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");
    private int lastPercent = -1;

    public void Report((int Done, int Total) value)
    {
        var percent = value.Total == 0 ? 100 : (int)(100L * value.Done / value.Total);
        if (percent == lastPercent)
        {
            return;
        }
        lastPercent = percent;
        var filled = percent * Width / 100;
        output.Write(string.Create(Swedish, $"\r[{new string('#', filled)}{new string('-', Width - filled)}] {percent,3} %  {value.Done:N0} / {value.Total:N0}"));
        if (value.Done >= value.Total)
        {
            output.WriteLine();
        }
    }
}
