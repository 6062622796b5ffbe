namespace EHalsostodet.Core.ContactMessages;

/// <summary>What a message through the contact form is about.</summary>
public enum ContactSubject
{
    Question,
    StoryTip,
    Accessibility,
    PersonalData,
}

/// <summary>How far the editors have come with a message.</summary>
public enum ContactMessageStatus
{
    New,
    InProgress,
    Closed,
}

/// <summary>A message a visitor sent through the contact form (/skriv-till-oss).</summary>
public sealed class ContactMessage
{
    public Guid Id { get; set; }
    public ContactSubject Subject { get; set; }
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public string Message { get; set; } = "";
    public DateTime ReceivedAt { get; set; }
    public ContactMessageStatus Status { get; set; }
    /// <summary>When and by whom the status was last changed; null while the message is new.</summary>
    public DateTime? StatusChangedAt { get; set; }
    public string? StatusChangedBy { get; set; }
}

public static class ContactLabels
{
    public static string Label(this ContactSubject subject) => subject switch
    {
        ContactSubject.Question => "Fråga",
        ContactSubject.StoryTip => "Tipsa om en berättelse",
        ContactSubject.Accessibility => "Tillgänglighet",
        ContactSubject.PersonalData => "Personuppgifter",
        _ => subject.ToString(),
    };

    /// <summary>The value in the address, e.g. /skriv-till-oss?amne=tillganglighet.</summary>
    public static string UrlKey(this ContactSubject subject) => subject switch
    {
        ContactSubject.Question => "fraga",
        ContactSubject.StoryTip => "tipsa-om-en-berattelse",
        ContactSubject.Accessibility => "tillganglighet",
        ContactSubject.PersonalData => "personuppgifter",
        _ => subject.ToString(),
    };

    public static ContactSubject? SubjectFromUrlKey(string? key) =>
        Enum.GetValues<ContactSubject>().Cast<ContactSubject?>().FirstOrDefault(s => s!.Value.UrlKey() == key);

    public static string Label(this ContactMessageStatus status) => status switch
    {
        ContactMessageStatus.New => "Ny",
        ContactMessageStatus.InProgress => "Påbörjad",
        ContactMessageStatus.Closed => "Avslutad",
        _ => status.ToString(),
    };
}
