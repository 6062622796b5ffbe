using System.Globalization;

namespace EHalsostodet.Web.RateLimiting;

/// <summary>The Retry-After header that every 429 the portal sends carries: whole seconds, at least one.</summary>
public static class RetryAfterHeader
{
    public static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    public static void Set(HttpResponse response, TimeSpan wait) =>
        response.Headers.RetryAfter = Seconds(wait).ToString(CultureInfo.InvariantCulture);
}
