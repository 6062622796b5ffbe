using System.Text;
using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Sharing;
using EHalsostodet.Web.OutputCaching;

namespace EHalsostodet.Web.Seo;

/// <summary>/sitemap.xml and /robots.txt for search engines.</summary>
public static class SeoEndpoints
{
    /// <summary>Addresses that are private, per person or not content: search engines keep out.</summary>
    public static readonly IReadOnlyList<string> DisallowedPaths =
        [PortalPaths.BackOffice.Home, PortalPaths.Members.Home, "/api/", PortalPaths.SharedCollections + "/", PortalPaths.SharedPlans + "/", PortalPaths.Unsubscriptions + "/"];

    public static IServiceCollection AddSeo(this IServiceCollection services) => services.AddScoped<SitemapBuilder>();

    public static IEndpointRouteBuilder MapSeo(this IEndpointRouteBuilder app)
    {
        app.MapGet("/sitemap.xml", SitemapAsync).WithMetadata(new PublicPageAttribute { Lists = Enum.GetValues<ContentType>() }).ExcludeFromDescription();
        app.MapGet("/robots.txt", Robots).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> SitemapAsync(SitemapBuilder sitemap, HttpResponse response, CancellationToken cancellationToken)
    {
        var document = await sitemap.BuildAsync(cancellationToken);
        await using var buffer = new MemoryStream();
        // UTF-8 without a byte-order mark, as the XML declaration says.
        await using (var writer = System.Xml.XmlWriter.Create(buffer, new System.Xml.XmlWriterSettings { Encoding = new UTF8Encoding(false), Async = true }))
        {
            await document.SaveAsync(writer, cancellationToken);
        }
        response.Headers.CacheControl = "public, max-age=3600";
        return TypedResults.Bytes(buffer.ToArray(), "application/xml; charset=utf-8");
    }

    private static IResult Robots(PublicUrls urls, HttpResponse response)
    {
        var text = new StringBuilder("User-agent: *\n");
        foreach (var path in DisallowedPaths)
        {
            text.Append("Disallow: ").Append(path).Append('\n');
        }
        text.Append('\n').Append("Sitemap: ").Append(urls.Absolute(PortalPaths.Sitemap)).Append('\n');
        response.Headers.CacheControl = "public, max-age=3600";
        return TypedResults.Text(text.ToString(), "text/plain; charset=utf-8");
    }
}
