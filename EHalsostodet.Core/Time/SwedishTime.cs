using System.Globalization;

namespace EHalsostodet.Core.Time;

/// <summary>A time an editor typed, read as Swedish time: the UTC instant, or a Swedish message saying what is wrong.</summary>
public sealed record SwedishTimeInput(DateTime? Utc, string? Error)
{
    public bool IsValid => Error is null;
}

/// <summary>
/// The one place where the portal turns stored UTC into the time Swedes read (Europe/Stockholm,
/// with daylight saving) and what editors type back into UTC. Stored times stay UTC.
/// </summary>
/// <remarks>
/// When summer time starts (last Sunday in March) the clock jumps from 02:00 to 03:00: a time in
/// between does not exist and is refused with a message. When it ends (last Sunday in October)
/// the clock shows 02:00–02:59 twice: a typed time in that hour means the first time the clock
/// shows it (summer time), and shown times in that hour say which one they are.
/// </remarks>
public static class SwedishTime
{
    /// <summary>What the portal calls its time zone in text.</summary>
    public const string Label = "svensk tid";

    public const string InputExample = "2027-01-15 08:00";

    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    private static readonly string[] InputFormats =
    [
        "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd H:mm", "yyyy-MM-dd HH.mm",
    ];

    /// <summary>
    /// Swedish time by the EU rule in force since 1996: UTC+1, and UTC+2 from the last Sunday in
    /// March at 02:00 until the last Sunday in October at 03:00.
    /// </summary>
    internal static TimeZoneInfo EuropeanRule { get; } = TimeZoneInfo.CreateCustomTimeZone(
        "Europe/Stockholm", TimeSpan.FromHours(1), "Sverige", "Svensk normaltid", "Svensk sommartid",
        [
            TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
                new DateTime(1996, 1, 1), DateTime.MaxValue.Date, TimeSpan.FromHours(1),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 5, DayOfWeek.Sunday),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 3, 0, 0), 10, 5, DayOfWeek.Sunday)),
        ]);

    /// <summary>
    /// Europe/Stockholm from the system's time-zone data, or the EU rule itself where the system has
    /// none (declared after that rule: static initialisers run in order).
    /// </summary>
    public static TimeZoneInfo Zone { get; } = FindZone();

    public static DateTime ToSwedish(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(AsUtc(utc), Zone);

    /// <summary>"2027-03-29 09:00"; in the hour October shows twice, "2026-10-25 02:30 sommartid" or "… vintertid".</summary>
    public static string Format(DateTime utc) =>
        ToSwedish(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + (IsRepeatedHour(utc) ? " " + SeasonWord(utc) : "");

    /// <summary>For messages: "2027-03-29 09:00 (svensk tid)", or "(svensk sommartid)" / "(svensk vintertid)" in the repeated hour.</summary>
    public static string Describe(DateTime utc) =>
        ToSwedish(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) +
        (IsRepeatedHour(utc) ? $" (svensk {SeasonWord(utc)})" : $" ({Label})");

    /// <summary>"29 mars 2027", the Swedish calendar day of the instant.</summary>
    public static string LongDate(DateTime utc) => ToSwedish(utc).ToString("d MMMM yyyy", Swedish);

    /// <summary>"20 februari 2020".</summary>
    public static string LongDate(DateOnly day) => day.ToString("d MMMM yyyy", Swedish);

    /// <summary>The Swedish calendar day of the instant.</summary>
    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(ToSwedish(utc));

    /// <summary>Today in Sweden.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow().UtcDateTime);

    /// <summary>The UTC instant when a Swedish calendar day begins (midnight is never inside a daylight-saving change).</summary>
    public static DateTime StartOfDayUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);

    /// <summary>For the datetime attribute of &lt;time&gt;: the instant in UTC.</summary>
    public static string Iso(DateTime utc) => AsUtc(utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The value of a datetime-local field that shows the instant.</summary>
    public static string InputValue(DateTime utc) => ToSwedish(utc).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Reads a date and clock time typed in Swedish time; empty text is no time at all.</summary>
    public static SwedishTimeInput Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new(null, null);
        }
        if (!DateTime.TryParseExact(text.Trim(), InputFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return new(null, $"Ange tiden som datum och klockslag i {Label}, till exempel {InputExample}.");
        }
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            return new(null,
                $"Klockan {local:HH:mm} den {local.ToString("d MMMM yyyy", Swedish)} finns inte i {Label}: den natten börjar sommartiden " +
                "och klockan ställs fram från 02:00 till 03:00. Välj en tid före 02:00 eller från 03:00.");
        }
        if (Zone.IsAmbiguousTime(local))
        {
            // The first time the clock shows it: still summer time, the larger offset.
            var summer = Zone.GetAmbiguousTimeOffsets(local).Max();
            return new(DateTime.SpecifyKind(local - summer, DateTimeKind.Utc), null);
        }
        return new(TimeZoneInfo.ConvertTimeToUtc(local, Zone), null);
    }

    private static bool IsRepeatedHour(DateTime utc) => Zone.IsAmbiguousTime(ToSwedish(utc));

    private static string SeasonWord(DateTime utc) => Zone.IsDaylightSavingTime(AsUtc(utc)) ? "sommartid" : "vintertid";

    private static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return EuropeanRule;
        }
    }
}
