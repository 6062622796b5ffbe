using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;

namespace EHalsostodet.Core.Email;

/// <summary>Sends one mail. Swappable, so tests and other mail services can stand in.</summary>
public interface IEmailTransport
{
    Task SendAsync(OutboxEmail email, CancellationToken cancellationToken);
}

/// <summary>Sends through the configured SMTP server with MailKit, or writes .eml files to the pickup directory.</summary>
public sealed class SmtpEmailTransport(IOptions<EmailOptions> options, IHostEnvironment environment) : IEmailTransport
{
    public async Task SendAsync(OutboxEmail email, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var message = Message(settings, email);
        if (string.IsNullOrWhiteSpace(settings.SmtpHost))
        {
            await WriteToPickupAsync(message, PickupDirectory(settings, environment.ContentRootPath), cancellationToken);
            return;
        }
        using var client = new SmtpClient();
        await client.ConnectAsync(settings.SmtpHost, settings.SmtpPort, Security(settings), cancellationToken);
        if (!string.IsNullOrEmpty(settings.SmtpUserName))
        {
            await client.AuthenticateAsync(settings.SmtpUserName, settings.SmtpPassword ?? "", cancellationToken);
        }
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    public static string PickupDirectory(EmailOptions settings, string contentRoot) =>
        Path.IsPathRooted(settings.PickupDirectory) ? settings.PickupDirectory : Path.Combine(contentRoot, settings.PickupDirectory);

    private static MimeMessage Message(EmailOptions settings, OutboxEmail email)
    {
        var message = new MimeMessage { Subject = email.Subject };
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(email.To));
        if (!string.IsNullOrEmpty(email.UnsubscribeUrl))
        {
            // RFC 8058: mail clients offer "unsubscribe" and POST to the address without asking again.
            message.Headers.Add("List-Unsubscribe", $"<{email.UnsubscribeUrl}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        message.Body = new TextPart("plain") { Text = email.Body };
        // Seven-bit transfer encodings, so every server and pickup reader passes the text on unchanged.
        message.Prepare(EncodingConstraint.SevenBit);
        return message;
    }

    /// <summary>STARTTLS on the submission port, TLS from the start on 465 (as <c>SmtpUseSsl</c> asks), or none.</summary>
    private static SecureSocketOptions Security(EmailOptions settings) => settings switch
    {
        { SmtpUseSsl: false } => SecureSocketOptions.None,
        { SmtpPort: 465 } => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };

    /// <summary>Written under another name and then renamed, so a reader of the folder never sees half a message.</summary>
    private static async Task WriteToPickupAsync(MimeMessage message, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, Guid.NewGuid().ToString("D") + ".eml");
        var partial = path + ".part";
        await message.WriteToAsync(partial, cancellationToken);
        File.Move(partial, path);
    }
}
