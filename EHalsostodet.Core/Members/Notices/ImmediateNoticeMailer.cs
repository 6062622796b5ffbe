using EHalsostodet.Core.Email;
using EHalsostodet.Core.Members.Accounts;
using EHalsostodet.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Members.Notices;

/// <summary>Mails new notices at once to the members who chose that, in the caller's unit of work.</summary>
public sealed class ImmediateNoticeMailer(
    PortalDbContext db, MemberProfileStore profiles, EmailOutbox outbox, NoticeMailComposer composer, TimeProvider clock)
{
    public async Task MailAsync(IReadOnlyList<MemberNotice> notices, CancellationToken cancellationToken)
    {
        var userIds = notices.Select(n => n.UserId).Distinct().ToList();
        // Only confirmed addresses receive mail.
        var users = await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id) && u.EmailConfirmed && u.Email != null)
            .ToDictionaryAsync(u => u.Id, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var notice in notices)
        {
            if (!users.TryGetValue(notice.UserId, out var user))
            {
                continue;
            }
            var profile = await profiles.GetOrCreateAsync(user.Id, cancellationToken);
            if (profile.MailFrequency != MailFrequency.Immediately)
            {
                continue;
            }
            var mail = composer.ForNotice(user, profile, notice);
            outbox.Enqueue(mail.To, mail.Subject, mail.Body, mail.UnsubscribeUrl);
            notice.MailedAt = now;
        }
    }
}
