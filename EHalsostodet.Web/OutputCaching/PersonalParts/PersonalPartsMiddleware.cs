using System.Security.Claims;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace EHalsostodet.Web.OutputCaching.PersonalParts;

/// <summary>
/// Gives a signed-in member the cached public page with their own personal parts: it asks the rest
/// of the pipeline as a visitor (so the page comes from the output cache, or is rendered for it as
/// for anyone), then renders only the marked <see cref="PersonalPart">parts</see> as the member.
/// The answer is the member's own: <c>private, no-store</c>, no ETag, never compressed (it carries
/// an antiforgery token).
/// </summary>
public sealed class PersonalPartsMiddleware(RequestDelegate next)
{
    private static readonly ClaimsPrincipal Visitor = new(new ClaimsIdentity());

    public async Task InvokeAsync(HttpContext context, PersonalPartRenderer renderer)
    {
        if (context.User.Identity?.IsAuthenticated != true || !PublicPageAttribute.IsOn(context) ||
            !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
        {
            await next(context);
            return;
        }
        var member = context.User;
        var request = context.Request.Headers;
        request.Remove(HeaderNames.AcceptEncoding);
        request.Remove(HeaderNames.IfNoneMatch);
        request.Remove(HeaderNames.IfModifiedSince);
        var body = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        context.User = Visitor;
        try
        {
            await next(context);
        }
        finally
        {
            context.User = member;
            context.Response.Body = body;
        }
        var response = context.Response;
        if (buffer.Length == 0)
        {
            // A bare 404 stays bare for the status code pages to fill in.
            return;
        }
        var bytes = buffer.ToArray();
        if (response.StatusCode == StatusCodes.Status200OK && response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
        {
            bytes = Encoding.UTF8.GetBytes(await renderer.FillAsync(context, Encoding.UTF8.GetString(bytes)));
        }
        response.Headers.ETag = default;
        response.Headers.Age = default;
        response.Headers.CacheControl = "private, no-store";
        response.Headers.Vary = "Cookie";
        response.ContentLength = bytes.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await body.WriteAsync(bytes, context.RequestAborted);
        }
    }
}
