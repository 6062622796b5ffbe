using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Content;
using Microsoft.AspNetCore.Routing.Patterns;

namespace EHalsostodet.Web.Addresses;

/// <summary>How an endpoint whose route has a {slug} finds the current slug of an old one.</summary>
public interface IOldSlugs
{
    Task<string?> CurrentSlugAsync(AddressHistory history, string slug, CancellationToken cancellationToken);
}

/// <summary>Marks a page or endpoint of a content type's {slug}: an old slug of an item answers 301 to its live one.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class OldContentSlugsAttribute(ContentType type) : Attribute, IOldSlugs
{
    public Task<string?> CurrentSlugAsync(AddressHistory history, string slug, CancellationToken cancellationToken) =>
        history.CurrentSlugAsync(type, slug, cancellationToken);
}

/// <summary>Marks a page or endpoint of a tag's {slug}: a renamed or merged tag's old slug answers 301 to the current one.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class OldTagSlugsAttribute : Attribute, IOldSlugs
{
    public Task<string?> CurrentSlugAsync(AddressHistory history, string slug, CancellationToken cancellationToken) =>
        history.CurrentTagSlugAsync(slug, cancellationToken);
}

/// <summary>
/// Old addresses keep working: when a GET to an endpoint marked with <see cref="IOldSlugs"/> finds
/// nothing (404), and its slug is an old address of content or of a tag, the answer is a permanent
/// redirect to the same route with the current slug (…/pdf, /qr.svg and /feed included) and the
/// same query string. Handlers only say 404; the lookup costs nothing on the pages that are found.
/// </summary>
public sealed class OldAddressRedirects(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint() as RouteEndpoint;
        await next(context);
        if (endpoint?.Metadata.GetMetadata<IOldSlugs>() is not { } oldSlugs ||
            !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)) ||
            context.Response.StatusCode != StatusCodes.Status404NotFound || context.Response.HasStarted ||
            context.GetRouteValue("slug") is not string slug)
        {
            return;
        }
        var history = context.RequestServices.GetRequiredService<AddressHistory>();
        if (await oldSlugs.CurrentSlugAsync(history, slug, context.RequestAborted) is not { } current)
        {
            return;
        }
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
        context.Response.Headers.Location = context.Request.PathBase + Path(endpoint.RoutePattern, context.Request.RouteValues, current) + context.Request.QueryString;
    }

    /// <summary>The route's path with its own values, the slug replaced.</summary>
    private static string Path(RoutePattern pattern, RouteValueDictionary values, string slug) =>
        "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart { Name: "slug" } => Uri.EscapeDataString(slug),
            RoutePatternParameterPart parameter => Uri.EscapeDataString(Convert.ToString(values[parameter.Name], System.Globalization.CultureInfo.InvariantCulture) ?? ""),
            _ => "",
        }))));
}
