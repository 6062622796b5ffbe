using EHalsostodet.Core.Email;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Core.Sharing;

/// <summary>
/// The one place that makes absolute addresses: links in mail, share links, QR codes, og:url and
/// canonical links, Atom feeds, the sitemap, exports and the delivery API. They are built on
/// Email:PublicBaseUrl when it is set; otherwise on the address the server listens on (Kestrel's
/// first bound address), and without one on http://localhost:5000. Never on the request's Host
/// header, so a forged Host cannot put another site's address in a reset mail or a cached page.
/// </summary>
public sealed class PublicUrls(IOptions<EmailOptions> options, IListeningAddress listening)
{
    public const string Fallback = "http://localhost:5000";

    /// <summary>Whether Email:PublicBaseUrl is set, as production should have it.</summary>
    public bool IsConfigured => Configured(options.Value) is not null;

    /// <summary>The base address without a trailing slash, e.g. https://ehalsostodet.example.se.</summary>
    public string BaseUrl => (Configured(options.Value) ?? listening.Address ?? Fallback).TrimEnd('/');

    /// <summary>The base address with a trailing slash, for <see cref="Uri"/> arithmetic.</summary>
    public Uri BaseUri => new(BaseUrl + "/");

    /// <param name="path">A site-relative path starting with "/" (with a query string if need be).</param>
    public string Absolute(string path) => BaseUrl + (path.StartsWith('/') ? path : "/" + path);

    private static string? Configured(EmailOptions email) =>
        string.IsNullOrWhiteSpace(email.PublicBaseUrl) ? null : email.PublicBaseUrl.Trim();

    /// <summary>An absolute http or https address, as Email:PublicBaseUrl must be when set.</summary>
    public static bool IsValidBase(string? value) =>
        Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment);
}

/// <summary>
/// The address the portal's server listens on, for links when no public address is configured.
/// The web host supplies the real one; without a server (commands, tests of the core) there is none.
/// </summary>
public interface IListeningAddress
{
    /// <summary>An absolute address without a trailing slash, or null when the server has none (yet).</summary>
    string? Address { get; }
}

internal sealed class NoListeningAddress : IListeningAddress
{
    public string? Address => null;
}
