using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Web.RateLimiting;

/// <summary>
/// Rate limits per client address (login, registration, search, export, contact form) with ASP.NET Core's rate
/// limiter. Over the limit a request gets 429 with Retry-After: the Swedish error page for pages,
/// problem details for the APIs.
/// </summary>
public static class RateLimitingExtensions
{
    public const string TooManyRequestsMessage = "För många förfrågningar på kort tid. Vänta en stund och försök igen.";

    public static IServiceCollection AddPortalRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(Partition);
            options.OnRejected = RejectAsync;
        });
        return services;
    }

    /// <summary>Call after the status-code pages, so a page over its limit is answered with the 429 page.</summary>
    public static IApplicationBuilder UsePortalRateLimiting(this IApplicationBuilder app) => app.UseRateLimiter();

    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitOptions>>().CurrentValue;
        var kind = options.Enabled ? RateLimitedRequests.Classify(context.Request) : RateLimitKind.None;
        if (kind == RateLimitKind.None)
        {
            return RateLimitPartition.GetNoLimiter("");
        }
        var rule = options.For(kind);
        var client = ClientAddress.KeyOf(context.Connection.RemoteIpAddress);
        return RateLimitPartition.GetFixedWindowLimiter($"{kind}|{client}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, rule.PermitLimit),
            Window = rule.Window > TimeSpan.Zero ? rule.Window : TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        RetryAfterHeader.Set(context.Response, retryAfter);
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await Results.Problem(
                    title: "För många förfrågningar",
                    detail: TooManyRequestsMessage,
                    statusCode: StatusCodes.Status429TooManyRequests)
                .ExecuteAsync(context);
        }
        // Pages get no body here: the status-code pages re-execute /fel/429, the Swedish error page.
    }
}
