using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace EHalsostodet.Web.OutputCaching;

/// <summary>
/// Gives a public page a strong ETag, a hash of the bytes sent (after compression, so each encoding
/// has its own), and answers 304 when the client already has them. It runs inside the output cache,
/// which keeps the ETag with the page and answers later If-None-Match requests itself; so does
/// the Cache-Control set here, which lets a CDN keep a public page briefly.
/// </summary>
public sealed class EntityTagMiddleware(RequestDelegate next, IOptions<PublicPageCacheOptions> options)
{
    /// <summary>The HttpContext item set when the page was rendered rather than taken from the cache.</summary>
    public const string RenderedKey = "OutputCache.Rendered";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) || !PublicPageAttribute.IsOn(context))
        {
            await next(context);
            return;
        }
        var body = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = body;
        }
        var response = context.Response;
        context.Items[RenderedKey] = true;
        if (buffer.Length == 0)
        {
            // Nothing to tag, and a bare 404 stays bare for the status code pages to fill in.
            return;
        }
        if (PublicPageCachePolicy.IsShareable(response))
        {
            // Browsers ask again each time (a 304 while the ETag holds). The same address answers a
            // signed-in member with their own parts, so shared caches tell the answers apart by the cookie.
            response.Headers.CacheControl = $"public, max-age=0, s-maxage={options.Value.SharedMaxAgeSeconds}";
            response.Headers.Vary = "Accept-Encoding, Cookie";
        }
        if (response.StatusCode == StatusCodes.Status200OK && !response.Headers.ContainsKey(HeaderNames.ETag))
        {
            var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))[..32]}\"");
            response.Headers.ETag = etag.ToString();
            if (context.Request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false)))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                response.Headers.ContentType = default;
                return;
            }
        }
        response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(body, context.RequestAborted);
    }
}
