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

    /// <summary>HEAD answers as GET does (the server leaves the body out), so link checkers and previews see the image exists.</summary>
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapQrCodes(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/berattelser/{slug}/qr.svg", GetAndHead, (string slug, HttpContext context, ShareTargets targets, IQrCodeRenderer renderer, PublicUrls urls, UsageCounter counter, CancellationToken cancellationToken) =>
            QrAsync(targets.PublishedAsync(ContentType.Story, slug, cancellationToken), slug, context, renderer, urls, counter, cancellationToken))
            .WithMetadata(new OldContentSlugsAttribute(ContentType.Story));
        app.MapMethods("/samlingar/{slug}/qr.svg", GetAndHead, (string slug, HttpContext context, ShareTargets targets, IQrCodeRenderer renderer, PublicUrls urls, UsageCounter counter, CancellationToken cancellationToken) =>
            QrAsync(targets.PublishedAsync(ContentType.Collection, slug, cancellationToken), slug, context, renderer, urls, counter, cancellationToken))
            .WithMetadata(new OldContentSlugsAttribute(ContentType.Collection));
        app.MapMethods("/delad-samling/{token}/qr.svg", GetAndHead, (string token, HttpContext context, ShareTargets targets, IQrCodeRenderer renderer, PublicUrls urls, UsageCounter counter, CancellationToken cancellationToken) =>
            QrAsync(targets.SharedCollectionAsync(token, cancellationToken), "delad-samling", context, renderer, urls, counter, cancellationToken));
        return app;
    }

    private static async Task<Results<ContentHttpResult, EmptyHttpResult, NotFound>> QrAsync(
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
            // Downloading the code is a share; merely showing it in the panel on every page view (or asking with HEAD) is not.
            if (HttpMethods.IsGet(context.Request.Method))
            {
                await counter.CountAsync(UsageMetrics.Shared, target.ItemId is { } id ? UsageCounter.Subject(id) : SharedCollectionSubject, cancellationToken);
            }
            headers.ContentDisposition = $"attachment; filename=\"{ShareLink.QrFileName(fileKey)}\"";
            headers.CacheControl = "no-store";
        }
        else
        {
            // A member's shared collection can be revoked, so only the published pages' codes are public cache material.
            headers.CacheControl = target.ItemId is null ? "private, max-age=300" : "public, max-age=3600";
        }
        if (HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.ContentType = SvgContentType + "; charset=utf-8";
            context.Response.ContentLength = System.Text.Encoding.UTF8.GetByteCount(svg);
            return TypedResults.Empty;
        }
        return TypedResults.Content(svg, SvgContentType, System.Text.Encoding.UTF8);
    }
}
