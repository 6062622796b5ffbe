namespace EHalsostodet.Core.Members.Inactivity;

/// <summary>Configuration section "Inactivity": members' accounts unused for a long time are deleted, after a reminder.</summary>
public sealed class InactivityOptions
{
    public const string Section = "Inactivity";

    /// <summary>Months without a sign-in after which a member's account is deleted (the privacy page says 24).</summary>
    public int DeleteAfterMonths { get; set; } = 24;

    /// <summary>How many months before the deletion the reminder is mailed; the account is never deleted sooner than this after it.</summary>
    public int RemindMonthsBefore { get; set; } = 1;

    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(6);
}
