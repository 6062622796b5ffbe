namespace EHalsostodet.Web.Api.Delivery;

/// <summary>Configuration section "Delivery": the read-only JSON API for published content.</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    /// <summary>Origins that browsers may call the API from (CORS). Empty: no CORS headers at all.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>When any key is set, every request needs one of them in the X-Api-Key header.</summary>
    public string[] ApiKeys { get; set; } = [];

    /// <summary>How long clients and shared caches may keep a response (Cache-Control max-age).</summary>
    public TimeSpan CacheMaxAge { get; set; } = TimeSpan.FromMinutes(1);
}
