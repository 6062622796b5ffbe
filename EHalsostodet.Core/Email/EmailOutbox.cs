using EHalsostodet.Core.Persistence;

namespace EHalsostodet.Core.Email;

/// <summary>Queues mail in the database, in the caller's unit of work.</summary>
public sealed class EmailOutbox(PortalDbContext db, TimeProvider clock)
{
    /// <param name="unsubscribeUrl">When given, the mail carries List-Unsubscribe headers for one-click unsubscribe.</param>
    public void Enqueue(string to, string subject, string body, string? unsubscribeUrl = null) =>
        db.OutboxEmails.Add(new OutboxEmail { To = to, Subject = subject, Body = body, UnsubscribeUrl = unsubscribeUrl, CreatedAt = clock.GetUtcNow().UtcDateTime });
}
