namespace EHalsostodet.Web.Infrastructure;

/// <summary>
/// The APIs take the site's cookie as well as a bearer token, and minimal APIs check no antiforgery
/// token. So a state-changing API call that carries cookies must come from the portal's own pages:
/// a browser says where a request comes from (Sec-Fetch-Site, Origin) and cannot be made to lie
/// about it, so a cross-site one is refused. Bearer-token calls carry no ambient credentials and
/// need no such check.
/// </summary>
public sealed class CrossSiteApiRequestGuard(RequestDelegate next)
{
    public const string Message = "Förfrågan kom från en annan webbplats och avvisades. Anropa API:t med en bearer-token.";

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/api") &&
            !IsSafe(request.Method) &&
            request.Headers.Cookie.Count > 0 &&
            !request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) &&
            IsCrossOrigin(request))
        {
            return Results.Problem(title: "Förbjuden förfrågan", detail: Message, statusCode: StatusCodes.Status403Forbidden)
                .ExecuteAsync(context);
        }
        return next(context);
    }

    private static bool IsSafe(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);

    private static bool IsCrossOrigin(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site is not ("same-origin" or "none"))
        {
            return true;
        }
        var origin = request.Headers.Origin.ToString();
        return origin.Length > 0 &&
               !string.Equals(origin, $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase);
    }
}
