using System.Text.Json;
using EHalsostodet.Core.Persistence;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EHalsostodet.Web.Operations;

/// <summary>
/// /health/live: the process answers (always 200, no checks). /health/ready: database, search
/// index, mail and libvips, as JSON; 503 when a check is unhealthy. Neither is cached.
/// </summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddPortalHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddPortalDatabaseCheck("database", tags: [ReadyTag])
            .AddCheck<SearchIndexHealthCheck>("search", tags: [ReadyTag])
            .AddCheck<MailHealthCheck>("mail", tags: [ReadyTag])
            .AddCheck<LibvipsHealthCheck>("libvips", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync });
        return app;
    }

    /// <summary>{"status":"Healthy","checks":[{"name":"database","status":"Healthy","description":…,"durationMs":…}]}</summary>
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        // The health middleware already sends no-store; say it again in case that ever changes.
        context.Response.Headers.CacheControl = "no-store, no-cache";
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            durationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                error = e.Value.Exception?.Message,
                durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), context.RequestAborted);
    }
}
