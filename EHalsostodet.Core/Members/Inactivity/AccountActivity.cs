namespace EHalsostodet.Core.Members.Inactivity;

/// <summary>When an account last signed in, and whether it has been told that it will be deleted for disuse.</summary>
public sealed class AccountActivity
{
    public required string UserId { get; set; }

    /// <summary>The last sign-in with a password; for accounts that have not signed in since this was recorded, when the portal first counted them.</summary>
    public DateTime LastSignInAt { get; set; }

    /// <summary>When the reminder was mailed; cleared by the next sign-in.</summary>
    public DateTime? ReminderSentAt { get; set; }
}
