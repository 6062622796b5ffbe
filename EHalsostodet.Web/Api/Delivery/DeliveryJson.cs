using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace EHalsostodet.Web.Api.Delivery;

/// <summary>
/// A delivery response: JSON with a strong ETag (a hash of the body, which names the published
/// version of every item in it, so it is the same for identical requests and changes with any
/// publish), Cache-Control from configuration, and 304 for a matching If-None-Match.
/// </summary>
public sealed class DeliveryJson<T>(T value) : IResult, IEndpointMetadataProvider
{
    public T Value => value;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var services = httpContext.RequestServices;
        var serializerOptions = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var options = services.GetRequiredService<IOptions<DeliveryOptions>>().Value;
        var body = JsonSerializer.SerializeToUtf8Bytes(value, serializerOptions);
        var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16))}\"";

        var response = httpContext.Response;
        response.Headers.ETag = etag;
        response.Headers.CacheControl = $"public, max-age={(int)options.CacheMaxAge.TotalSeconds}";
        if (options.ApiKeys.Length > 0)
        {
            response.Headers.Append(HeaderNames.Vary, DeliveryApiKeyFilter.HeaderName);
        }
        if (Matches(httpContext.Request.Headers.IfNoneMatch, etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(httpContext.Request.Method))
        {
            await response.Body.WriteAsync(body, httpContext.RequestAborted);
        }
    }

    private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string etag)
    {
        if (ifNoneMatch.Count == 0 || !EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags))
        {
            return false;
        }
        // If-None-Match uses the weak comparison (RFC 9110 13.1.2).
        var ours = new EntityTagHeaderValue(etag);
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(ours, useStrongComparison: false));
    }

    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status304NotModified));
    }
}

public static class DeliveryJson
{
    public static DeliveryJson<T> Of<T>(T value) => new(value);
}
