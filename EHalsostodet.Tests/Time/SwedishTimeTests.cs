using EHalsostodet.Core.Time;
using EHalsostodet.Tests.Infrastructure;

namespace EHalsostodet.Tests.Time;

/// <summary>
/// Swedish time as editors read and type it, around the daylight-saving changes: summer time starts
/// on 28 March 2027 (02:00 becomes 03:00) and ends on 25 October 2026 (02:00–02:59 comes twice).
/// </summary>
[TestClass]
[TestCategory(Infrastructure.TestDatabase.NotUsed)]
public sealed class SwedishTimeTests
{
    private static DateTime Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    [TestMethod]
    public void Winter_and_summer_times_are_one_and_two_hours_ahead_of_utc()
    {
        Assert.AreEqual(Utc(2026, 11, 22, 10), SwedishTime.Parse("2026-11-22T11:00").Utc);
        Assert.AreEqual(Utc(2027, 6, 15, 7), SwedishTime.Parse("2027-06-15 09:00").Utc);
        Assert.AreEqual("2026-11-22 11:00", SwedishTime.Format(Utc(2026, 11, 22, 10)));
        Assert.AreEqual("2027-06-15 09:00 (svensk tid)", SwedishTime.Describe(Utc(2027, 6, 15, 7)));
    }

    [TestMethod]
    public void The_clock_jumps_from_two_to_three_in_March_and_a_time_in_between_is_refused_in_Swedish()
    {
        Assert.AreEqual(Utc(2027, 3, 28, 0, 59), SwedishTime.Parse("2027-03-28T01:59").Utc);
        Assert.AreEqual(Utc(2027, 3, 28, 1), SwedishTime.Parse("2027-03-28T03:00").Utc);
        Assert.AreEqual("2027-03-28 03:00", SwedishTime.Format(Utc(2027, 3, 28, 1)));

        var missing = SwedishTime.Parse("2027-03-28T02:30");

        Assert.IsFalse(missing.IsValid);
        Assert.IsNull(missing.Utc);
        Assert.AreEqual(
            "Klockan 02:30 den 28 mars 2027 finns inte i svensk tid: den natten börjar sommartiden och klockan ställs fram från 02:00 till 03:00. " +
            "Välj en tid före 02:00 eller från 03:00.",
            missing.Error);
    }

    [TestMethod]
    public void The_hour_October_shows_twice_is_read_as_its_first_time_and_shown_so_that_the_two_differ()
    {
        var typed = SwedishTime.Parse("2026-10-25T02:30");

        Assert.AreEqual(Utc(2026, 10, 25, 0, 30), typed.Utc, "the first 02:30 is still summer time");
        Assert.AreEqual("2026-10-25 02:30 sommartid", SwedishTime.Format(Utc(2026, 10, 25, 0, 30)));
        Assert.AreEqual("2026-10-25 02:30 vintertid", SwedishTime.Format(Utc(2026, 10, 25, 1, 30)));
        Assert.AreEqual("2026-10-25 02:30 (svensk sommartid)", SwedishTime.Describe(Utc(2026, 10, 25, 0, 30)));
        Assert.AreEqual("2026-10-25 02:30 (svensk vintertid)", SwedishTime.Describe(Utc(2026, 10, 25, 1, 30)));
        Assert.AreEqual("2026-10-25 03:30", SwedishTime.Format(Utc(2026, 10, 25, 2, 30)), "outside the repeated hour no season is named");
        Assert.AreEqual(Utc(2026, 10, 25, 2, 30), SwedishTime.Parse("2026-10-25 03:30").Utc);
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("   ")]
    [DataRow(null)]
    public void No_time_is_no_time(string? text)
    {
        var parsed = SwedishTime.Parse(text);

        Assert.IsTrue(parsed.IsValid);
        Assert.IsNull(parsed.Utc);
    }

    [TestMethod]
    [DataRow("15 januari kl 8")]
    [DataRow("2027-01-15T08:00Z")]
    [DataRow("2027-02-30T08:00")]
    public void Text_that_is_not_a_date_and_clock_time_gets_a_Swedish_example(string text) =>
        Assert.AreEqual("Ange tiden som datum och klockslag i svensk tid, till exempel 2027-01-15 08:00.", SwedishTime.Parse(text).Error);

    [TestMethod]
    public void Today_and_the_calendar_day_are_Swedish_after_midnight_in_Sweden()
    {
        Assert.AreEqual(new DateOnly(2026, 11, 23), SwedishTime.Today(new TestClock(new DateTimeOffset(2026, 11, 22, 23, 30, 0, TimeSpan.Zero))));
        Assert.AreEqual(new DateOnly(2027, 7, 1), SwedishTime.Today(new TestClock(new DateTimeOffset(2027, 6, 30, 22, 30, 0, TimeSpan.Zero))));
        Assert.AreEqual("1 juli 2027", SwedishTime.LongDate(Utc(2027, 6, 30, 22, 30)));
        Assert.AreEqual(Utc(2026, 10, 24, 22), SwedishTime.StartOfDayUtc(new DateOnly(2026, 10, 25)));
        Assert.AreEqual(Utc(2027, 3, 27, 23), SwedishTime.StartOfDayUtc(new DateOnly(2027, 3, 28)));
    }

    [TestMethod]
    public void The_built_in_EU_rule_agrees_with_the_systems_Europe_Stockholm_every_hour_for_fifteen_years()
    {
        var system = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
        for (var at = Utc(2020, 1, 1, 0); at < Utc(2035, 1, 1, 0); at = at.AddMinutes(30))
        {
            Assert.AreEqual(TimeZoneInfo.ConvertTimeFromUtc(at, system), TimeZoneInfo.ConvertTimeFromUtc(at, SwedishTime.EuropeanRule), $"{at:o}");
        }
    }
}
