using EHalsostodet.Core.Time;

namespace EHalsostodet.Core.Members.Notices;

/// <summary>
/// When digests go out, in Swedish time: daily at 07:00, weekly on Monday at 07:00. A digest
/// sent late (the portal was down at 07:00) still goes out once, at the next run.
/// </summary>
public static class DigestSchedule
{
    public static readonly TimeSpan SendTime = TimeSpan.FromHours(7);

    /// <summary>The latest send time at or before <paramref name="nowUtc"/>, in UTC; null for frequencies without digests.</summary>
    public static DateTime? LatestSendTimeUtc(MailFrequency frequency, DateTime nowUtc)
    {
        if (frequency is not (MailFrequency.Daily or MailFrequency.Weekly))
        {
            return null;
        }
        var local = SwedishTime.ToSwedish(nowUtc);
        var slot = local.Date + SendTime;
        if (slot > local)
        {
            slot = slot.AddDays(-1);
        }
        while (frequency == MailFrequency.Weekly && slot.DayOfWeek != DayOfWeek.Monday)
        {
            slot = slot.AddDays(-1);
        }
        // 07:00 is never inside a daylight-saving gap in Sweden, so the conversion is unambiguous.
        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(slot, DateTimeKind.Unspecified), SwedishTime.Zone);
    }
}
