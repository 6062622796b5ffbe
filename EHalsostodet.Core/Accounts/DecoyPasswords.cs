using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Core.Accounts;

/// <summary>
/// Work that costs what checking or hashing a real password costs, for the answers that must not
/// tell by their timing whether an address has an account (sign-in, registration).
/// </summary>
public sealed class DecoyPasswords(IPasswordHasher<PortalUser> hasher, IOptions<PasswordHasherOptions> options)
{
    private static readonly PortalUser Nobody = new();

    /// <summary>One hash per number of rounds, so that checking it costs what checking a real one costs (the tests run portals of different costs in one process).</summary>
    private static readonly ConcurrentDictionary<int, string> DecoyHashes = new();

    /// <summary>Checks the password against a hash no password matches; always false.</summary>
    public bool Verify(string password)
    {
        var decoyHash = DecoyHashes.GetOrAdd(options.Value.IterationCount, _ => hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N")));
        _ = hasher.VerifyHashedPassword(Nobody, decoyHash, password);
        return false;
    }

    /// <summary>Hashes the password as creating an account would, and throws the hash away.</summary>
    public void Hash(string password) => _ = hasher.HashPassword(Nobody, password);
}
