using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.Security;

/// <summary>A route of the running portal: its HTTP method and its pattern as written where it is mapped.</summary>
internal sealed record PortalRoute(string Method, string Pattern, bool IsPage)
{
    public override string ToString() => $"{Method} {Pattern}";
}

/// <summary>Every route the running portal answers, read from its endpoint data source (static files left out).</summary>
internal static class PortalRoutes
{
    public static IReadOnlyList<PortalRoute> All(IServiceProvider services)
    {
        var routes = new HashSet<PortalRoute>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (IsStaticAsset(endpoint))
            {
                continue;
            }
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").Trim('/');
            var isPage = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null
                || endpoint.Metadata.Any(m => m.GetType().Name == "PageRouteMetadata");
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            if (isPage || methods is null || methods.Count == 0)
            {
                // A Razor page answers GET and POST (its handlers) at the same address.
                routes.Add(new PortalRoute("GET", pattern == "/Index" ? "/" : pattern, IsPage: true));
                continue;
            }
            foreach (var method in methods)
            {
                routes.Add(new PortalRoute(method, pattern, IsPage: false));
            }
        }
        return routes.OrderBy(r => r.Pattern, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal).ToList();
    }

    private static bool IsStaticAsset(RouteEndpoint endpoint) =>
        endpoint.Metadata.Any(m => m.GetType().FullName?.Contains("StaticAsset", StringComparison.Ordinal) == true);
}
