using EHalsostodet.Core.Addresses;

namespace EHalsostodet.Web.RateLimiting;

/// <summary>
/// Which limit a request counts against, decided from its method and path alone so that it works
/// before routing and for every endpoint that answers the same address.
/// </summary>
public static class RateLimitedRequests
{
    private static readonly string[] LoginPosts = [PortalPaths.BackOffice.Login(), PortalPaths.Members.Login(), "/api/auth/login"];

    private static readonly string[] RegistrationPosts =
    [
        PortalPaths.Members.Register, PortalPaths.Members.ForgotPassword, PortalPaths.Members.Confirm,
    ];

    private static readonly string[] ContactPosts = [PortalPaths.ContactForm];

    private static readonly string[] SearchGets = [PortalPaths.SearchPage, "/api/v1/search", "/api/v1/search/suggest"];

    /// <summary>The first segment of every address with exports under it: /berattelser/{slug}/pdf and so on.</summary>
    private static readonly string[] ExportRoots = ["berattelser", "samlingar", "delad-samling", "delad-handlingsplan", "mina-sidor"];

    private static readonly string[] ExportFormats = ["pdf", "pptx", "docx"];

    public static RateLimitKind Classify(HttpRequest request)
    {
        var path = (request.Path.Value ?? "").TrimEnd('/');
        if (HttpMethods.IsPost(request.Method))
        {
            if (Matches(LoginPosts, path))
            {
                return RateLimitKind.Login;
            }
            if (Matches(RegistrationPosts, path))
            {
                return RateLimitKind.Registration;
            }
            if (Matches(ContactPosts, path))
            {
                return RateLimitKind.Contact;
            }
        }
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            if (Matches(SearchGets, path))
            {
                return RateLimitKind.Search;
            }
            if (IsExport(path))
            {
                return RateLimitKind.Export;
            }
        }
        return RateLimitKind.None;
    }

    private static bool Matches(string[] paths, string path) =>
        paths.Any(p => string.Equals(p, path, StringComparison.OrdinalIgnoreCase));

    private static bool IsExport(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length >= 3 &&
               ExportRoots.Contains(segments[0], StringComparer.OrdinalIgnoreCase) &&
               ExportFormats.Contains(segments[^1], StringComparer.OrdinalIgnoreCase);
    }
}
