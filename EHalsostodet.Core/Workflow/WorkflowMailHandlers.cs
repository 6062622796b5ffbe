using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Email;
using EHalsostodet.Core.Events;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Sharing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Workflow;

/// <summary>Tells every reviewer but the submitter that something awaits review.</summary>
public sealed class ReviewerAlertHandler(UserManager<PortalUser> users, EmailOutbox outbox, PublicUrls urls)
    : IEventHandler<ContentSubmitted>
{
    public async Task HandleAsync(ContentSubmitted contentEvent, CancellationToken cancellationToken)
    {
        var reviewers = (await ReviewersAsync(users)).Where(u => u.Id != contentEvent.SubmittedBy.UserId);
        var link = urls.Absolute(PortalPaths.BackOffice.Content(contentEvent.Item.Id));
        foreach (var reviewer in reviewers)
        {
            outbox.Enqueue(reviewer.Email!,
                $"Att granska: {contentEvent.Item.Title}",
                $"""
                Hej {reviewer.NameForDisplay},

                {contentEvent.SubmittedBy.Name} har skickat "{contentEvent.Item.Title}" på granskning i e-hälsostödet.
                {(contentEvent.Comment.Length > 0 ? $"\nKommentar: {contentEvent.Comment}\n" : "")}
                Granska innehållet här:
                {link}

                Du får det här meddelandet eftersom du är granskare i e-hälsostödets redaktion.
                """);
        }
    }

    /// <summary>Every reviewer and administrator who can be reached and may sign in.</summary>
    internal static async Task<IEnumerable<PortalUser>> ReviewersAsync(UserManager<PortalUser> users) =>
        (await users.GetUsersInRoleAsync(PortalRoles.Reviewer))
            .Concat(await users.GetUsersInRoleAsync(PortalRoles.Administrator))
            .Where(u => !string.IsNullOrEmpty(u.Email) && !u.IsBlocked)
            .DistinctBy(u => u.Id);
}

/// <summary>
/// Tells the reviewers, and whoever sent the item for review, that an edit took it out of review:
/// it need not be reviewed now and comes back when it is sent again.
/// </summary>
public sealed class ReviewWithdrawnMailHandler(UserManager<PortalUser> users, EmailOutbox outbox, PublicUrls urls)
    : IEventHandler<ContentReturnedToDraft>
{
    public async Task HandleAsync(ContentReturnedToDraft contentEvent, CancellationToken cancellationToken)
    {
        var recipients = (await ReviewerAlertHandler.ReviewersAsync(users)).ToList();
        if (contentEvent.SubmittedById is { } submitterId && recipients.All(u => u.Id != submitterId) &&
            await users.FindByIdAsync(submitterId) is { IsBlocked: false, Email.Length: > 0 } submitter)
        {
            recipients.Add(submitter);
        }
        var link = urls.Absolute(PortalPaths.BackOffice.Content(contentEvent.Item.Id));
        foreach (var recipient in recipients.Where(u => u.Id != contentEvent.EditedBy.UserId))
        {
            outbox.Enqueue(recipient.Email!,
                $"Granskningen avbröts: {contentEvent.Item.Title}",
                $"""
                Hej {recipient.NameForDisplay},

                {contentEvent.EditedBy.Name} har ändrat "{contentEvent.Item.Title}" medan det väntade på granskning.
                Ändringen gjorde innehållet till ett utkast igen, så det behöver inte granskas nu.
                Det kommer tillbaka till granskning när det skickas på nytt.

                Innehållet finns här:
                {link}

                Du får det här meddelandet eftersom du är granskare i e-hälsostödets redaktion eller skickade innehållet på granskning.
                """);
        }
    }
}

/// <summary>Tells the authors of a rejected change what the reviewer said.</summary>
public sealed class RejectionMailHandler(PortalDbContext db, EmailOutbox outbox, PublicUrls urls)
    : IEventHandler<ContentRejected>
{
    public async Task HandleAsync(ContentRejected contentEvent, CancellationToken cancellationToken)
    {
        var authorIds = await db.ContentVersions.Where(v => v.ItemId == contentEvent.Item.Id && v.AuthorId != null)
            .Select(v => v.AuthorId!).Distinct().ToListAsync(cancellationToken);
        var authors = await db.Users.Where(u => authorIds.Contains(u.Id) && u.Id != contentEvent.RejectedBy.UserId && u.Email != null)
            .ToListAsync(cancellationToken);
        var link = urls.Absolute(PortalPaths.BackOffice.Content(contentEvent.Item.Id));
        foreach (var author in authors)
        {
            outbox.Enqueue(author.Email!,
                $"Skickad tillbaka: {contentEvent.Item.Title}",
                $"""
                Hej {author.NameForDisplay},

                {contentEvent.RejectedBy.Name} har granskat "{contentEvent.Item.Title}" och skickat tillbaka det med kommentaren:

                {contentEvent.Comment}

                Fortsätt arbeta med innehållet här:
                {link}
                """);
        }
    }
}
