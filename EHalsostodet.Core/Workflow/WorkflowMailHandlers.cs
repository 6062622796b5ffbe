using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Email;
using EHalsostodet.Core.Notifications;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Sharing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Workflow;

/// <summary>Tells every reviewer but the submitter that something awaits review.</summary>
public sealed class ReviewerAlertHandler(UserManager<PortalUser> users, EmailOutbox outbox, PublicUrls urls)
    : INotificationHandler<ContentSubmittedNotification>
{
    public async Task HandleAsync(ContentSubmittedNotification notification, CancellationToken cancellationToken)
    {
        var reviewers = (await users.GetUsersInRoleAsync(PortalRoles.Reviewer))
            .Concat(await users.GetUsersInRoleAsync(PortalRoles.Administrator))
            .Where(u => u.Id != notification.SubmittedBy.UserId && !string.IsNullOrEmpty(u.Email) && !u.IsBlocked)
            .DistinctBy(u => u.Id);
        var link = urls.Absolute($"/redaktion/innehall/{notification.Item.Id}");
        foreach (var reviewer in reviewers)
        {
            outbox.Enqueue(reviewer.Email!,
                $"Att granska: {notification.Item.Title}",
                $"""
                Hej {reviewer.NameForDisplay},

                {notification.SubmittedBy.Name} har skickat "{notification.Item.Title}" på granskning i e-hälsostödet.
                {(notification.Comment.Length > 0 ? $"\nKommentar: {notification.Comment}\n" : "")}
                Granska innehållet här:
                {link}

                Du får det här meddelandet eftersom du är granskare i e-hälsostödets redaktion.
                """);
        }
    }
}

/// <summary>Tells the authors of a rejected change what the reviewer said.</summary>
public sealed class RejectionMailHandler(PortalDbContext db, EmailOutbox outbox, PublicUrls urls)
    : INotificationHandler<ContentRejectedNotification>
{
    public async Task HandleAsync(ContentRejectedNotification notification, CancellationToken cancellationToken)
    {
        var authorIds = await db.ContentVersions.Where(v => v.ItemId == notification.Item.Id && v.AuthorId != null)
            .Select(v => v.AuthorId!).Distinct().ToListAsync(cancellationToken);
        var authors = await db.Users.Where(u => authorIds.Contains(u.Id) && u.Id != notification.RejectedBy.UserId && u.Email != null)
            .ToListAsync(cancellationToken);
        var link = urls.Absolute($"/redaktion/innehall/{notification.Item.Id}");
        foreach (var author in authors)
        {
            outbox.Enqueue(author.Email!,
                $"Skickad tillbaka: {notification.Item.Title}",
                $"""
                Hej {author.NameForDisplay},

                {notification.RejectedBy.Name} har granskat "{notification.Item.Title}" och skickat tillbaka det med kommentaren:

                {notification.Comment}

                Fortsätt arbeta med innehållet här:
                {link}
                """);
        }
    }
}
