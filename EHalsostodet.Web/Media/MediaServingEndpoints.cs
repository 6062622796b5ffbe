using System.Globalization;
using EHalsostodet.Core.Media;
using Microsoft.Net.Http.Headers;

namespace EHalsostodet.Web.Media;

/// <summary>GET /media/{id}/{variant}: the stripped original, a WebP variant or a card crop, cached for a year.</summary>
public static class MediaServingEndpoints
{
    public static IEndpointRouteBuilder MapMediaServing(this IEndpointRouteBuilder app)
    {
        app.MapGet("/media/{id:guid}/{variant}", ServeAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ServeAsync(Guid id, string variant, HttpContext context, MediaLibrary library, MediaFileStore files, CancellationToken cancellationToken)
    {
        var item = await library.FindAsync(id, cancellationToken);
        if (item is null)
        {
            return Results.NotFound();
        }
        string path;
        string contentType;
        if (variant == MediaUrls.OriginalVariant)
        {
            (path, contentType) = (files.OriginalPath(item), item.ContentType);
        }
        else if (int.TryParse(variant, NumberStyles.None, CultureInfo.InvariantCulture, out var width) && item.Variants.Contains(width))
        {
            (path, contentType) = (files.VariantPath(item, width), "image/webp");
        }
        else if (MediaUrls.TryParseCard(variant, out var focalPoint, out var cardWidth) && focalPoint == item.FocalPoint && item.Cards.Contains(cardWidth))
        {
            (path, contentType) = (files.CardPath(item, cardWidth), "image/webp");
        }
        else
        {
            return Results.NotFound();
        }
        if (!File.Exists(path))
        {
            return Results.NotFound();
        }
        // An address's file never changes (a new focal point makes new card addresses), so the id and variant are a strong validator.
        var etag = new EntityTagHeaderValue($"\"{item.Id:N}-{variant}\"");
        var headers = context.Response.Headers;
        headers.CacheControl = "public, max-age=31536000, immutable";
        headers.XContentTypeOptions = "nosniff";
        headers.ContentDisposition = "inline";
        return Results.File(path, contentType, entityTag: etag);
    }
}
