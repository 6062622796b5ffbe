using EHalsostodet.Core.Email;
using EHalsostodet.Core.Members.Profiles;
using EHalsostodet.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Members.Notifying;

/// <summary>Mails new notifications at once to the members who chose that, in the caller's unit of work.</summary>
public sealed class ImmediateNotificationMailer(
    PortalDbContext db, MemberProfileStore profiles, EmailOutbox outbox, NotificationMailComposer composer, TimeProvider clock)
{
    public async Task MailAsync(IReadOnlyList<MemberNotification> notifications, CancellationToken cancellationToken)
    {
        var userIds = notifications.Select(n => n.UserId).Distinct().ToList();
        // Only confirmed addresses receive mail.
        var users = await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id) && u.EmailConfirmed && u.Email != null)
            .ToDictionaryAsync(u => u.Id, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var notification in notifications)
        {
            if (!users.TryGetValue(notification.UserId, out var user))
            {
                continue;
            }
            var profile = await profiles.GetOrCreateAsync(user.Id, cancellationToken);
            if (profile.MailFrequency != MailFrequency.Immediately)
            {
                continue;
            }
            var mail = composer.ForNotification(user, profile, notification);
            outbox.Enqueue(mail.To, mail.Subject, mail.Body, mail.UnsubscribeUrl);
            notification.MailedAt = now;
        }
    }
}
