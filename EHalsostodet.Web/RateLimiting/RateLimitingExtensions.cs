using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Web.RateLimiting;

/// <summary>
/// Rate limits per client address (login, registration, search, export) with ASP.NET Core's rate
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
        // Behind a proxy the forwarded-headers middleware has already put the real client here.
        var client = ClientKey(context.Connection.RemoteIpAddress);
        return RateLimitPartition.GetFixedWindowLimiter($"{kind}|{client}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, rule.PermitLimit),
            Window = rule.Window > TimeSpan.Zero ? rule.Window : TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    /// <summary>
    /// The client's address; for IPv6 its /64 network, since one subscriber usually has a whole /64
    /// and could otherwise take a fresh address for every request.
    /// </summary>
    private static string ClientKey(IPAddress? address)
    {
        if (address is null)
        {
            return "okänd";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
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
