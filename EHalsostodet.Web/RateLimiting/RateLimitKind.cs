namespace EHalsostodet.Web.RateLimiting;

/// <summary>The kinds of request that are limited, each with its own budget per client.</summary>
public enum RateLimitKind
{
    None,
    Login,
    Registration,
    Search,
    Export,
    Contact,
}
