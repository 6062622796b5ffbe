using EHalsostodet.Core.Addresses;

namespace EHalsostodet.Web.Infrastructure;

/// <summary>
/// Answers that belong to one person (the member API under /api/v1/me, and an action plan shared by
/// link under /delad-handlingsplan) are never stored by a browser or a proxy: <c>Cache-Control: no-store</c>
/// on every answer there, errors and exports included.
/// </summary>
public sealed class PrivateResponsesMiddleware(RequestDelegate next)
{
    public static readonly PathString[] Prefixes = ["/api/v1/me", PortalPaths.SharedPlans];

    public Task InvokeAsync(HttpContext context)
    {
        if (Prefixes.Any(prefix => context.Request.Path.StartsWithSegments(prefix)))
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.CacheControl = "no-store";
                context.Response.Headers.Pragma = "no-cache";
                return Task.CompletedTask;
            });
        }
        return next(context);
    }
}
