using EHalsostodet.Core.Operations;
using Microsoft.AspNetCore.Http.Features;

namespace EHalsostodet.Web.Operations;

/// <summary>
/// Counts every request by route template (never the raw path, which would make one series per
/// slug) and status class, and every export file served by its format.
/// </summary>
public sealed class RequestMetricsMiddleware(RequestDelegate next, PortalMetrics metrics)
{
    private static readonly string[] ExportFormats = ["pdf", "pptx", "docx"];

    public async Task InvokeAsync(HttpContext context)
    {
        var endpoint = new FirstEndpointFeature(context.Features.Get<IEndpointFeature>()?.Endpoint);
        context.Features.Set<IEndpointFeature>(endpoint);
        try
        {
            await next(context);
        }
        finally
        {
            var route = (endpoint.First as RouteEndpoint)?.RoutePattern.RawText;
            var statusCode = context.Response.StatusCode;
            metrics.Request(route is null ? "(ingen route)" : "/" + route.TrimStart('/'), statusCode);
            if (route is not null && statusCode == StatusCodes.Status200OK && ExportFormat(route, context.Request.Path) is { } format)
            {
                metrics.Export(format);
            }
        }
    }

    /// <summary>
    /// Remembers the endpoint routing chose first. A 404 or an error is re-executed as the error
    /// page, which replaces the endpoint; the request should still count under its own route.
    /// </summary>
    private sealed class FirstEndpointFeature(Endpoint? initial) : IEndpointFeature
    {
        private Endpoint? current = initial;

        public Endpoint? First { get; private set; } = initial;

        public Endpoint? Endpoint
        {
            get => current;
            set
            {
                current = value;
                First ??= value;
            }
        }
    }

    /// <summary>The export endpoints end in the format (…/pdf, …/{format:regex(^(pdf|pptx|docx)$)}).</summary>
    private static string? ExportFormat(string route, PathString path)
    {
        var last = path.Value?[(path.Value.LastIndexOf('/') + 1)..];
        var isExportRoute = route.EndsWith("/pdf", StringComparison.Ordinal) || route.Contains("{format:", StringComparison.Ordinal);
        return isExportRoute && last is not null && ExportFormats.Contains(last) ? last : null;
    }
}
