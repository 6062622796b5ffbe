using System.Net.Mail;
using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Email;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Sharing;
using EHalsostodet.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Core.ContactMessages;

/// <param name="Field">The form field the message is about: subject, name, email or message.</param>
public sealed record ContactError(string Field, string Message);

/// <summary>A visitor's message as the form sends it, not yet checked.</summary>
public sealed record ContactSubmission(ContactSubject? Subject, string? Name, string? Email, string? Message);

/// <summary>
/// Receives messages from the contact form: checks them, stores them for the editors and mails a
/// copy to the configured recipient, in one unit of work. Editors list them and set their status.
/// </summary>
public sealed class ContactInbox(PortalDbContext db, EmailOutbox outbox, PublicUrls urls, IOptions<ContactOptions> options, TimeProvider clock)
{
    public const int MaxNameLength = 100;
    public const int MaxEmailLength = 254;
    public const int MaxMessageLength = 5000;

    public static IReadOnlyList<ContactError> Check(ContactSubmission submission)
    {
        var errors = new List<ContactError>();
        if (submission.Subject is null)
        {
            errors.Add(new("subject", "Välj vad meddelandet gäller."));
        }
        if ((submission.Name ?? "").Trim().Length > MaxNameLength)
        {
            errors.Add(new("name", $"Namnet får vara högst {MaxNameLength} tecken."));
        }
        var email = (submission.Email ?? "").Trim();
        if (email.Length > MaxEmailLength || (email.Length > 0 && !IsEmailAddress(email)))
        {
            errors.Add(new("email", "Skriv e-postadressen på formen namn@exempel.se, eller lämna fältet tomt."));
        }
        else if (email.Length == 0 && submission.Subject == ContactSubject.PersonalData)
        {
            errors.Add(new("email", "Ange din e-postadress, så att vi kan svara på din begäran om personuppgifter."));
        }
        var message = (submission.Message ?? "").Trim();
        if (message.Length == 0)
        {
            errors.Add(new("message", "Skriv ditt meddelande."));
        }
        else if (message.Length > MaxMessageLength)
        {
            errors.Add(new("message", $"Meddelandet får vara högst {MaxMessageLength} tecken. Det är nu {message.Length} tecken."));
        }
        return errors;
    }

    /// <returns>The stored message, or the reasons it was not stored.</returns>
    public async Task<(ContactMessage? Message, IReadOnlyList<ContactError> Errors)> ReceiveAsync(ContactSubmission submission, CancellationToken cancellationToken)
    {
        var errors = Check(submission);
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var message = new ContactMessage
        {
            Id = Guid.NewGuid(),
            Subject = submission.Subject!.Value,
            Name = (submission.Name ?? "").Trim(),
            Email = (submission.Email ?? "").Trim(),
            Message = (submission.Message ?? "").Trim(),
            ReceivedAt = clock.GetUtcNow().UtcDateTime,
            Status = ContactMessageStatus.New,
        };
        db.Add(message);
        if (options.Value.Recipient is { Length: > 0 } recipient)
        {
            outbox.Enqueue(recipient, $"Meddelande via e-hälsostödet: {message.Subject.Label()}", MailBody(message));
        }
        await db.SaveChangesAsync(cancellationToken);
        return (message, []);
    }

    public async Task<IReadOnlyList<ContactMessage>> ListAsync(ContactMessageStatus? status, CancellationToken cancellationToken)
    {
        var messages = await db.ContactMessages.AsNoTracking()
            .Where(m => status == null || m.Status == status)
            .OrderByDescending(m => m.ReceivedAt)
            .ToListAsync(cancellationToken);
        // Open messages first, the newest of each group first.
        return messages.OrderBy(m => m.Status == ContactMessageStatus.Closed).ToList();
    }

    public async Task<IReadOnlyDictionary<ContactMessageStatus, int>> CountsAsync(CancellationToken cancellationToken) =>
        (await db.ContactMessages.AsNoTracking().GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .ToDictionary(g => g.Key, g => g.Count);

    /// <returns>False when there is no such message.</returns>
    public async Task<bool> SetStatusAsync(Guid id, ContactMessageStatus status, string changedBy, CancellationToken cancellationToken)
    {
        var message = await db.ContactMessages.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (message is null)
        {
            return false;
        }
        if (message.Status != status)
        {
            message.Status = status;
            message.StatusChangedAt = clock.GetUtcNow().UtcDateTime;
            message.StatusChangedBy = changedBy;
            await db.SaveChangesAsync(cancellationToken);
        }
        return true;
    }

    private string MailBody(ContactMessage message) => string.Join('\n',
        "Ämne: " + message.Subject.Label(),
        "Från: " + (message.Name.Length > 0 ? message.Name : "(inget namn)") + ", " + (message.Email.Length > 0 ? message.Email : "(ingen e-postadress)"),
        "Mottaget: " + SwedishTime.Describe(message.ReceivedAt),
        "",
        message.Message,
        "",
        "Meddelandet finns också i redaktionens verktyg, där du markerar hur det hanteras: " + urls.Absolute(PortalPaths.BackOffice.Messages));

    private static bool IsEmailAddress(string text) =>
        !text.Any(char.IsWhiteSpace) && MailAddress.TryCreate(text, out var address) && address.Address == text && text.Contains('.', StringComparison.Ordinal);
}
