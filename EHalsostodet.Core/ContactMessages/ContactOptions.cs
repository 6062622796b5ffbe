namespace EHalsostodet.Core.ContactMessages;

/// <summary>Configuration section "Contact".</summary>
public sealed class ContactOptions
{
    public const string Section = "Contact";

    /// <summary>Where every message is mailed as well, e.g. the editorial team's shared mailbox. Unset: messages are only listed in /redaktion.</summary>
    public string? Recipient { get; set; }

    /// <summary>A form sent sooner than this after it was shown is taken for a machine's and not stored.</summary>
    public TimeSpan MinimumFillTime { get; set; } = TimeSpan.FromSeconds(3);
}
