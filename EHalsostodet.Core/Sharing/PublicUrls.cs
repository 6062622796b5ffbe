using EHalsostodet.Core.Email;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Core.Sharing;

/// <summary>
/// Absolute addresses of public pages, always built on the one configured public base URL
/// (Email:PublicBaseUrl), never on the request's Host header, so a shared link, a QR code and
/// og:url all name the same address.
/// </summary>
public sealed class PublicUrls(IOptions<EmailOptions> options)
{
    public string BaseUrl => options.Value.PublicBaseUrl.TrimEnd('/');

    /// <param name="path">A site-relative path starting with "/".</param>
    public string Absolute(string path) => BaseUrl + (path.StartsWith('/') ? path : "/" + path);
}
