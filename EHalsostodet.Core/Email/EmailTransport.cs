using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Core.Email;

/// <summary>Sends one mail. Swappable, so tests and other mail services can stand in.</summary>
public interface IEmailTransport
{
    Task SendAsync(OutboxEmail email, CancellationToken cancellationToken);
}

/// <summary>Sends through the configured SMTP server, or writes .eml files to the pickup directory.</summary>
public sealed class SmtpEmailTransport(IOptions<EmailOptions> options, Microsoft.Extensions.Hosting.IHostEnvironment environment) : IEmailTransport
{
    public async Task SendAsync(OutboxEmail email, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var message = new MailMessage
        {
            From = new MailAddress(ParseAddress(settings.From).Address, ParseAddress(settings.From).DisplayName),
            Subject = email.Subject,
            Body = email.Body,
            BodyEncoding = System.Text.Encoding.UTF8,
            SubjectEncoding = System.Text.Encoding.UTF8,
        };
        message.To.Add(email.To);
        if (!string.IsNullOrEmpty(email.UnsubscribeUrl))
        {
            // RFC 8058: mail clients offer "unsubscribe" and POST to the address without asking again.
            message.Headers.Add("List-Unsubscribe", $"<{email.UnsubscribeUrl}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        using var client = new SmtpClient();
        if (string.IsNullOrWhiteSpace(settings.SmtpHost))
        {
            client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
            client.PickupDirectoryLocation = PickupDirectory(settings, environment.ContentRootPath);
            Directory.CreateDirectory(client.PickupDirectoryLocation);
        }
        else
        {
            client.Host = settings.SmtpHost;
            client.Port = settings.SmtpPort;
            client.EnableSsl = settings.SmtpUseSsl;
            if (!string.IsNullOrEmpty(settings.SmtpUserName))
            {
                client.Credentials = new NetworkCredential(settings.SmtpUserName, settings.SmtpPassword);
            }
        }
        await client.SendMailAsync(message, cancellationToken);
    }

    public static string PickupDirectory(EmailOptions settings, string contentRoot) =>
        Path.IsPathRooted(settings.PickupDirectory) ? settings.PickupDirectory : Path.Combine(contentRoot, settings.PickupDirectory);

    private static MailAddress ParseAddress(string address) => new(address);
}
