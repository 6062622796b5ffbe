namespace EHalsostodet.Web.Operations;

/// <summary>
/// Configuration section "ReverseProxy": the proxies whose X-Forwarded-For and X-Forwarded-Proto
/// are believed. Loopback is always trusted (nginx on the same machine); anything else must be listed.
/// </summary>
public sealed class ReverseProxyOptions
{
    public const string Section = "ReverseProxy";

    /// <summary>IP addresses of trusted proxies, e.g. "10.0.0.5".</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Trusted proxy networks in CIDR notation, e.g. "10.0.0.0/24".</summary>
    public string[] KnownNetworks { get; set; } = [];
}
