using EHalsostodet.Core.Email;

namespace EHalsostodet.Web.MemberAccounts;

/// <summary>
/// The absolute base of links in account mails: Email:PublicBaseUrl when it is configured, which
/// production should do so that a forged Host header cannot redirect a reset link; otherwise the
/// address the request came to.
/// </summary>
public sealed class PortalBaseUrl(IConfiguration configuration)
{
    public Uri For(HttpRequest request)
    {
        var configured = configuration[$"{EmailOptions.Section}:{nameof(EmailOptions.PublicBaseUrl)}"];
        if (Uri.TryCreate(configured, UriKind.Absolute, out var baseUrl))
        {
            return baseUrl;
        }
        return new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/");
    }
}
