using System.Globalization;

namespace EHalsostodet.Core.Wording;

/// <summary>A count with its noun in the right number: "1 kommunberättelse", "2 kommunberättelser".</summary>
public static class SwedishCount
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public static string Of(int count, string singular, string plural) =>
        $"{count.ToString("N0", Swedish)} {(count == 1 ? singular : plural)}";

    public static string Stories(int count) => Of(count, "kommunberättelse", "kommunberättelser");
}
