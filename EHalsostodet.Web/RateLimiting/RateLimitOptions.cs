namespace EHalsostodet.Web.RateLimiting;

/// <summary>
/// Limits per client address under <c>RateLimits</c>: how many requests of a kind are allowed in a
/// window. <see cref="Enabled"/> switches every limit off at once (for a load test).
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public bool Enabled { get; set; } = true;

    /// <summary>Sign-in attempts (POST) on every login form and /api/auth/login.</summary>
    public RateLimitRule Login { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Registrations, password-reset requests and new confirmation mails: each sends mail.</summary>
    public RateLimitRule Registration { get; set; } = new() { PermitLimit = 5, Window = TimeSpan.FromMinutes(10) };

    /// <summary>Searches on /sok and the search API (suggestions are asked for while typing).</summary>
    public RateLimitRule Search { get; set; } = new() { PermitLimit = 120, Window = TimeSpan.FromMinutes(1) };

    /// <summary>PDF, PowerPoint and Word exports, which are expensive to build.</summary>
    public RateLimitRule Export { get; set; } = new() { PermitLimit = 20, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Messages sent through the contact form, each stored and mailed.</summary>
    public RateLimitRule Contact { get; set; } = new() { PermitLimit = 5, Window = TimeSpan.FromMinutes(10) };

    public RateLimitRule For(RateLimitKind kind) => kind switch
    {
        RateLimitKind.Login => Login,
        RateLimitKind.Registration => Registration,
        RateLimitKind.Search => Search,
        RateLimitKind.Export => Export,
        RateLimitKind.Contact => Contact,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

/// <summary>At most <see cref="PermitLimit"/> requests per client in each <see cref="Window"/>.</summary>
public sealed class RateLimitRule
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }
}
