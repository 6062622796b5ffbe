using MimeKit;

namespace EHalsostodet.Tests.Api;

/// <summary>A mail from the pickup folder, read by MimeKit as the complete message it must be.</summary>
internal sealed record Mail(string To, string Subject, string Body)
{
    public string Text => Subject + "\n" + Body;

    public static Mail Parse(string eml)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(eml));
        using var message = MimeMessage.Load(stream);
        return new Mail(
            string.Join(", ", message.To.Mailboxes.Select(m => m.Address)),
            message.Subject ?? "",
            (message.TextBody ?? "").Replace("\r\n", "\n", StringComparison.Ordinal));
    }
}
