using EHalsostodet.Core.Persistence;

namespace EHalsostodet.Core.Email;

/// <summary>Queues mail in the database, in the caller's unit of work.</summary>
public sealed class EmailOutbox(PortalDbContext db, TimeProvider clock)
{
    public void Enqueue(string to, string subject, string body) =>
        db.OutboxEmails.Add(new OutboxEmail { To = to, Subject = subject, Body = body, CreatedAt = clock.GetUtcNow().UtcDateTime });
}
