namespace EHalsostodet.Core.Content;

/// <summary>
/// The first path segments the portal routes itself (its pages, APIs, files and static assets),
/// plus a few kept for later. A page lives at /{slug}, so a document with one of these slugs
/// would be unreachable or shadow a route; no content type may take them. A test compares the
/// list with the running portal's routes.
/// </summary>
public static class ReservedSlugs
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "api", "avsluta-prenumeration", "berattelser", "css", "delad-handlingsplan", "delad-samling", "fel", "health",
        "index", "js", "kunskapshojande-initiativ", "media", "mina-sidor", "redaktion", "samlingar", "skriv-till-oss", "sok", "taggar",
        // Not routed today, but addresses a site keeps for itself.
        "admin", "assets", "favicon-ico", "fonts", "images", "img", "lib", "login", "logga-in", "robots-txt", "sitemap", "static", "well-known",
    };

    public static bool Contains(string? slug) => slug is not null && All.Contains(slug);
}
