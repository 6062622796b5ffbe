namespace EHalsostodet.Core.Email;

/// <summary>
/// A mail waiting to be sent. Written in the same transaction as the change that caused it,
/// sent afterwards by <see cref="EmailDispatcher"/>, so a rolled-back change sends nothing.
/// </summary>
public sealed class OutboxEmail
{
    public long Id { get; set; }
    public string To { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    /// <summary>The one-click unsubscribe address (RFC 8058) for mail to members; null for editorial mail.</summary>
    public string? UnsubscribeUrl { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
    public int Attempts { get; set; }
    public string LastError { get; set; } = "";
}
