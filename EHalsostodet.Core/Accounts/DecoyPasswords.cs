using Microsoft.AspNetCore.Identity;

namespace EHalsostodet.Core.Accounts;

/// <summary>
/// Work that costs what checking or hashing a real password costs, for the answers that must not
/// tell by their timing whether an address has an account (sign-in, registration).
/// </summary>
public sealed class DecoyPasswords(IPasswordHasher<PortalUser> hasher)
{
    private static readonly PortalUser Nobody = new();
    private static string? decoyHash;

    /// <summary>Checks the password against a hash no password matches; always false.</summary>
    public bool Verify(string password)
    {
        decoyHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N"));
        _ = hasher.VerifyHashedPassword(Nobody, decoyHash, password);
        return false;
    }

    /// <summary>Hashes the password as creating an account would, and throws the hash away.</summary>
    public void Hash(string password) => _ = hasher.HashPassword(Nobody, password);
}
