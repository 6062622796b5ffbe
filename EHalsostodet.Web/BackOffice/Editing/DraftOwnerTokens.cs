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

    private readonly ITimeLimitedDataProtector protector =
        protection.CreateProtector("EHalsostodet.Editing.DraftOwner").ToTimeLimitedDataProtector();

    public string Issue(string userId, DraftTarget target) =>
        protector.Protect($"{target.Key}\n{userId}", clock.GetUtcNow() + Lifetime);

    /// <summary>The writer and target of a token this portal issued and that has not expired.</summary>
    public (string UserId, DraftTarget Target)? Read(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }
        try
        {
            var parts = protector.Unprotect(token, out var expires).Split('\n');
            return parts.Length == 2 && expires > clock.GetUtcNow() && DraftTarget.TryParse(parts[0], out var target)
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
