namespace EHalsostodet.Core.Email;

/// <summary>Configuration section "Email". Without an SMTP host, mail is written to the pickup directory.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public string From { get; set; } = "E-hälsostödet <noreply@ehalsostodet.example.se>";
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    public bool SmtpUseSsl { get; set; } = true;
    public string? SmtpUserName { get; set; }
    public string? SmtpPassword { get; set; }
    /// <summary>Where mail goes as .eml files when no SMTP host is set; relative to the content root.</summary>
    public string PickupDirectory { get; set; } = "App_Data/mail";
    /// <summary>
    /// The portal's public address, e.g. https://ehalsostodet.example.se: every absolute link is built on it
    /// (see <see cref="Sharing.PublicUrls"/>). Unset: the address the server listens on.
    /// </summary>
    public string? PublicBaseUrl { get; set; }
    public TimeSpan DispatchInterval { get; set; } = TimeSpan.FromSeconds(10);
}
