using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Email;
using EHalsostodet.Core.Members.Privacy;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Sharing;
using EHalsostodet.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Core.Members.Inactivity;

/// <param name="Counted">Members seen for the first time, whose time starts now.</param>
public sealed record InactivityRun(int Counted, int Reminded, int Deleted);

/// <summary>
/// Members' accounts that nobody signs in to: a reminder by mail a month before the deletion, then
/// the deletion itself through <see cref="MemberAccountDeleter"/>, as if the member had deleted the
/// account. A sign-in in between starts the time over. Back-office accounts are never touched.
/// </summary>
public sealed class InactiveAccounts(
    PortalDbContext db, EmailOutbox outbox, MemberAccountDeleter deleter, PublicUrls urls, IOptions<InactivityOptions> options, TimeProvider clock)
{
    public async Task RecordSignInAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var activity = await db.AccountActivities.FindAsync([userId], cancellationToken);
        if (activity is null)
        {
            db.AccountActivities.Add(new AccountActivity { UserId = userId, LastSignInAt = now });
        }
        else
        {
            activity.LastSignInAt = now;
            activity.ReminderSentAt = null;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<InactivityRun> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var settings = options.Value;
        var members = await MembersAsync(cancellationToken);
        var activities = await db.AccountActivities.Where(a => members.Keys.Contains(a.UserId)).ToDictionaryAsync(a => a.UserId, cancellationToken);

        var counted = 0;
        foreach (var userId in members.Keys.Where(id => !activities.ContainsKey(id)))
        {
            db.AccountActivities.Add(new AccountActivity { UserId = userId, LastSignInAt = now });
            counted++;
        }

        var reminded = 0;
        var toDelete = new List<string>();
        foreach (var activity in activities.Values)
        {
            var deleteAt = activity.LastSignInAt.AddMonths(settings.DeleteAfterMonths);
            if (activity.ReminderSentAt is { } sent)
            {
                // Never sooner than the notice the reminder promised.
                if (now >= deleteAt && now >= sent.AddMonths(settings.RemindMonthsBefore))
                {
                    toDelete.Add(activity.UserId);
                }
            }
            else if (now >= deleteAt.AddMonths(-settings.RemindMonthsBefore) && members[activity.UserId] is { Length: > 0 } email)
            {
                var deletionDay = deleteAt > now.AddMonths(settings.RemindMonthsBefore) ? deleteAt : now.AddMonths(settings.RemindMonthsBefore);
                outbox.Enqueue(email, "Ditt konto på e-hälsostödet tas bort om du inte loggar in", ReminderBody(deletionDay));
                activity.ReminderSentAt = now;
                reminded++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);

        var deleted = 0;
        foreach (var userId in toDelete)
        {
            if (await deleter.DeleteInactiveAsync(userId, cancellationToken) == AccountDeletion.Deleted)
            {
                deleted++;
            }
        }
        return new InactivityRun(counted, reminded, deleted);
    }

    /// <summary>Accounts with the member role and no back-office role, with their e-mail addresses.</summary>
    private async Task<Dictionary<string, string>> MembersAsync(CancellationToken cancellationToken)
    {
        var backOffice = db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .Where(x => PortalRoles.BackOffice.Contains(x.Name!)).Select(x => x.UserId);
        return await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .Where(x => x.Name == PortalRoles.Member && !backOffice.Contains(x.UserId))
            .Join(db.Users, x => x.UserId, u => u.Id, (x, u) => new { u.Id, u.Email })
            .Distinct()
            .ToDictionaryAsync(u => u.Id, u => u.Email ?? "", cancellationToken);
    }

    private string ReminderBody(DateTime deletionDay) => string.Join('\n',
        "Hej!",
        "",
        "Du har ett konto på e-hälsostödet men har inte loggat in på länge. Enligt hur vi behandlar personuppgifter tar vi bort konton som inte har använts på "
            + options.Value.DeleteAfterMonths + " månader.",
        "",
        "Ditt konto och allt du har sparat – profil, sparat innehåll, egna samlingar, handlingsplaner, följningar och notiser – tas bort tidigast den "
            + SwedishTime.LongDate(deletionDay) + ".",
        "",
        "Vill du behålla kontot räcker det att du loggar in före dess: " + urls.Absolute(PortalPaths.Members.Login()),
        "Vill du själv ladda ned dina uppgifter eller ta bort kontot direkt gör du det under Mina uppgifter: " + urls.Absolute(PortalPaths.Members.MyData),
        "",
        "Läs mer: " + urls.Absolute(PortalPaths.Privacy));
}
