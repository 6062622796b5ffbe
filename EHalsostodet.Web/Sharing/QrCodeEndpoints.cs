using EHalsostodet.Core.Content;
using EHalsostodet.Core.Insights;
using EHalsostodet.Core.Sharing;
using EHalsostodet.Web.Addresses;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EHalsostodet.Web.Sharing;

/// <summary>
/// QR codes of shareable pages: /berattelser/{slug}/qr.svg, /samlingar/{slug}/qr.svg and
/// /delad-samling/{token}/qr.svg, each encoding the page's absolute address. Unknown,
/// unpublished and revoked pages answer 404.
/// </summary>
public static class QrCodeEndpoints
{
    public const string SvgContentType = "image/svg+xml";

    /// <summary>The subject of share counts for members' shared collections: never the token, which would let a count reveal a link.</summary>
    public const string SharedCollectionSubject = "delad-samling";

    public static IEndpointRouteBuilder MapQrCodes(this IEndpointRouteBuilder app)
    {
        app.MapGet("/berattelser/{slug}/qr.svg", (string slug, HttpContext context, ShareTargets targets, IQrCodeRenderer renderer, PublicUrls urls, UsageCounter counter, CancellationToken cancellationToken) =>
            QrAsync(targets.PublishedAsync(ContentType.Story, slug, cancellationToken), slug, context, renderer, urls, counter, cancellationToken))
            .WithMetadata(new OldContentSlugsAttribute(ContentType.Story));
        app.MapGet("/samlingar/{slug}/qr.svg", (string slug, HttpContext context, ShareTargets targets, IQrCodeRenderer renderer, PublicUrls urls, UsageCounter counter, CancellationToken cancellationToken) =>
            QrAsync(targets.PublishedAsync(ContentType.Collection, slug, cancellationToken), slug, context, renderer, urls, counter, cancellationToken))
            .WithMetadata(new OldContentSlugsAttribute(ContentType.Collection));
        app.MapGet("/delad-samling/{token}/qr.svg", (string token, HttpContext context, ShareTargets targets, IQrCodeRenderer renderer, PublicUrls urls, UsageCounter counter, CancellationToken cancellationToken) =>
            QrAsync(targets.SharedCollectionAsync(token, cancellationToken), "delad-samling", context, renderer, urls, counter, cancellationToken));
        return app;
    }

    private static async Task<Results<ContentHttpResult, NotFound>> QrAsync(
        Task<ShareTarget?> find, string fileKey, HttpContext context, IQrCodeRenderer renderer, PublicUrls urls, UsageCounter counter, CancellationToken cancellationToken)
    {
        if (await find is not { } target)
        {
            return TypedResults.NotFound();
        }
        var svg = renderer.Svg(urls.Absolute(target.Path));
        var headers = context.Response.Headers;
        if (context.Request.Query.ContainsKey(ShareTargets.DownloadQuery))
        {
            // Downloading the code is a share; merely showing it in the panel on every page view is not.
            await counter.CountAsync(UsageMetrics.Shared, target.ItemId is { } id ? UsageCounter.Subject(id) : SharedCollectionSubject, cancellationToken);
            headers.ContentDisposition = $"attachment; filename=\"{ShareLink.QrFileName(fileKey)}\"";
            headers.CacheControl = "no-store";
        }
        else
        {
            // A member's shared collection can be revoked, so only the published pages' codes are public cache material.
            headers.CacheControl = target.ItemId is null ? "private, max-age=300" : "public, max-age=3600";
        }
        return TypedResults.Content(svg, SvgContentType, System.Text.Encoding.UTF8);
    }
}
