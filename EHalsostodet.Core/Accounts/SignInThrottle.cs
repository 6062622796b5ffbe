using System.Collections.Concurrent;

namespace EHalsostodet.Core.Accounts;

/// <summary>
/// Slows down password guessing without giving strangers a way to lock anyone out. Failures are
/// counted per account <em>and</em> client address: after <see cref="FreeFailures"/> wrong
/// passwords, that client must wait 2, 4, 8 … seconds (at most <see cref="MaxDelay"/>) after each
/// further failure before its next attempt is even checked. Other clients, the owner's included,
/// are not affected. A successful sign-in from the client, or a password reset by mail for the
/// account, clears the count.
/// </summary>
/// <remarks>
/// Kept in memory per instance: behind a load balancer with N instances a client can make N times
/// as many attempts. The rate limits per client address (RateLimits:Login) bound the total, and a
/// count is forgotten <see cref="ForgetAfter"/> after its last failure.
/// </remarks>
public sealed class SignInThrottle(TimeProvider clock)
{
    public const int FreeFailures = 5;
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromHours(24);

    /// <summary>Above this many counts the oldest are forgotten, so a flood of made-up addresses cannot fill memory.</summary>
    internal const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<(string Account, string Client), Failures> failures = new();

    private sealed record Failures(int Count, DateTimeOffset Last);

    /// <summary>How long the client must still wait before its next attempt for the account is checked; null when it may try now.</summary>
    public TimeSpan? RetryAfter(string account, string client)
    {
        if (!failures.TryGetValue(Key(account, client), out var count) || count.Count < FreeFailures)
        {
            return null;
        }
        var wait = count.Last + Delay(count.Count) - clock.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : null;
    }

    public void Failed(string account, string client)
    {
        var now = clock.GetUtcNow();
        failures.AddOrUpdate(Key(account, client), _ => new Failures(1, now),
            (_, old) => new Failures(now - old.Last > ForgetAfter ? 1 : old.Count + 1, now));
        if (failures.Count > MaxEntries)
        {
            Prune(now);
        }
    }

    /// <summary>The right password from this client: its count for the account starts over.</summary>
    public void Succeeded(string account, string client) => failures.TryRemove(Key(account, client), out _);

    /// <summary>The owner proved control of the address (a reset by mail): every client's count for the account starts over.</summary>
    public void ForgetAccount(string account)
    {
        var normalized = Normalize(account);
        foreach (var key in failures.Keys.Where(k => k.Account == normalized))
        {
            failures.TryRemove(key, out _);
        }
    }

    /// <summary>The wait after the given number of failures: none up to five, then 2^(n−5) s doubling up to the cap.</summary>
    public static TimeSpan Delay(int failureCount) =>
        failureCount < FreeFailures
            ? TimeSpan.Zero
            : TimeSpan.FromSeconds(Math.Min(Math.Pow(2, failureCount - FreeFailures + 1), MaxDelay.TotalSeconds));

    private static (string, string) Key(string account, string client) => (Normalize(account), client);

    private static string Normalize(string account) => account.Trim().ToUpperInvariant();

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, value) in failures)
        {
            if (now - value.Last > ForgetAfter)
            {
                failures.TryRemove(key, out _);
            }
        }
        if (failures.Count > MaxEntries)
        {
            foreach (var key in failures.OrderBy(f => f.Value.Last).Take(failures.Count - MaxEntries / 2).Select(f => f.Key).ToList())
            {
                failures.TryRemove(key, out _);
            }
        }
    }
}
