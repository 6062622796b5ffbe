namespace EHalsostodet.Core.Sharing;

/// <summary>
/// What the share panel offers for one page: its absolute address to copy, an e-mail to write,
/// and where its QR code is.
/// </summary>
/// <param name="Title">The page's title as a reader knows it.</param>
/// <param name="Url">The page's absolute address.</param>
/// <param name="QrPath">The site-relative path of the page's QR code (…/qr.svg).</param>
public sealed record ShareLink(string Title, string Url, string QrPath)
{
    public string MailSubject => $"Tips från E-hälsostödet: {Title}";

    // RFC 6068: line breaks in a mailto body are CRLF, percent-encoded like everything else.
    public string MailBody => $"Hej!\r\n\r\nJag vill tipsa om \"{Title}\" på E-hälsostödet:\r\n{Url}\r\n";

    public string MailtoHref => $"mailto:?subject={Uri.EscapeDataString(MailSubject)}&body={Uri.EscapeDataString(MailBody)}";

    /// <summary>The QR code's path with the query that makes the server offer it as a file and count a share.</summary>
    public string QrDownloadPath => QrPath + "?" + ShareTargets.DownloadQuery + "=1";

    /// <summary>The file name offered for the downloaded QR code.</summary>
    public static string QrFileName(string slugOrToken) => $"qr-{slugOrToken}.svg";
}
