using System.Globalization;
using System.Security.Cryptography;
using EHalsostodet.Core.Content.Drafts;
using Microsoft.AspNetCore.DataProtection;

namespace EHalsostodet.Web.BackOffice.Editing;

/// <summary>
/// A hidden field in every editor form naming, tamper-proof, whose form it is and what it edits.
/// When the form arrives after its writer's session ended, this is how the text is still kept
/// for that writer, and for nobody else. It expires, so an old copy of a page cannot write drafts forever.
/// </summary>
public sealed class DraftOwnerTokens(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string FieldName = "draftOwner";

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    // The expiry travels inside the protected text and is checked against the portal's clock.
    private readonly IDataProtector protector = protection.CreateProtector("EHalsostodet.Editing.DraftOwner");

    public string Issue(string userId, DraftTarget target) =>
        protector.Protect($"{target.Key}\n{userId}\n{(clock.GetUtcNow() + Lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}");

    /// <summary>The writer and target of a token this portal issued and that has not expired.</summary>
    public (string UserId, DraftTarget Target)? Read(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }
        try
        {
            var parts = protector.Unprotect(token).Split('\n');
            return parts.Length == 3 && DraftTarget.TryParse(parts[0], out var target) &&
                long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expires) &&
                expires > clock.GetUtcNow().ToUnixTimeSeconds()
                ? (parts[1], target)
                : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
