using EHalsostodet.Core.Email;
using EHalsostodet.Core.Instances;
using EHalsostodet.Core.Jobs;
using EHalsostodet.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Core.Members.Notices;

/// <summary>
/// Sends daily and weekly digests: one mail per member listing every notice not yet mailed
/// (and not already read on the site), once the member's send time has come.
/// </summary>
public sealed class NoticeDigestService(
    PortalDbContext db, EmailOutbox outbox, NoticeMailComposer composer, IJobLock jobLock, TimeProvider clock)
{
    /// <summary>Returns how many digests were queued.</summary>
    public async Task<int> SendDueDigestsAsync(CancellationToken cancellationToken)
    {
        // One run at a time over all instances, so no member gets a digest twice.
        await using var exclusive = await jobLock.AcquireAsync(JobLockNames.NoticeDigests, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var profiles = await db.MemberProfiles
            .Where(p => (p.MailFrequency == MailFrequency.Daily || p.MailFrequency == MailFrequency.Weekly) &&
                db.MemberNotices.Any(n => n.UserId == p.UserId && n.MailedAt == null && n.ReadAt == null))
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var profile in profiles)
        {
            var sendTime = DigestSchedule.LatestSendTimeUtc(profile.MailFrequency, now)!.Value;
            if (profile.LastDigestAt >= sendTime)
            {
                continue;
            }
            var pending = await db.MemberNotices
                .Where(n => n.UserId == profile.UserId && n.MailedAt == null && n.ReadAt == null)
                .OrderBy(n => n.CreatedAt)
                .ToListAsync(cancellationToken);
            // What came in after today's (or this week's) send time waits for the next digest.
            if (!pending.Any(n => n.CreatedAt < sendTime))
            {
                continue;
            }
            var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == profile.UserId && u.EmailConfirmed && u.Email != null, cancellationToken);
            if (user is null)
            {
                continue;
            }
            var mail = composer.Digest(user, profile, pending, profile.MailFrequency);
            outbox.Enqueue(mail.To, mail.Subject, mail.Body, mail.UnsubscribeUrl);
            foreach (var notice in pending)
            {
                notice.MailedAt = now;
            }
            profile.LastDigestAt = now;
            await db.SaveChangesAsync(cancellationToken);
            sent++;
        }
        return sent;
    }
}

/// <summary>Configuration section "Notifications".</summary>
public sealed class NoticeOptions
{
    public const string Section = "Notifications";

    /// <summary>How often the digest job looks for digests that are due.</summary>
    public TimeSpan DigestInterval { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>Runs <see cref="NoticeDigestService"/> on a timer.</summary>
public sealed class NoticeDigestJob(
    IServiceScopeFactory scopes, IOptions<NoticeOptions> options, TimeProvider clock, ILogger<NoticeDigestJob> logger)
    : PeriodicJob(scopes, clock, logger)
{
    protected override TimeSpan Interval => options.Value.DigestInterval;

    protected override string FailureMessage => "Sammanfattningarna med notiser kunde inte skickas; nytt försök vid nästa körning.";

    protected override async Task<string?> RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var sent = await services.GetRequiredService<NoticeDigestService>().SendDueDigestsAsync(cancellationToken);
        return sent > 0 ? $"Sammanfattningar med notiser köades till {sent} medlemmar." : null;
    }
}

