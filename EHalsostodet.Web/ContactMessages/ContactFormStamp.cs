using System.Globalization;
using EHalsostodet.Core.ContactMessages;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Web.ContactMessages;

/// <summary>
/// Spam protection for the contact form without third-party scripts: the form carries a signed
/// stamp of when it was shown, and a form sent back sooner than Contact:MinimumFillTime, or with a
/// stamp that is missing, forged or older than a day, was not filled in by a person reading it.
/// </summary>
public sealed class ContactFormStamp(IDataProtectionProvider protection, TimeProvider clock, IOptions<ContactOptions> options)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromDays(1);

    private readonly IDataProtector protector = protection.CreateProtector("EHalsostodet.Contact.FormShownAt");

    public string Issue() => protector.Protect(clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture));

    /// <summary>Whether the stamp is genuine, and enough time has passed since it was issued.</summary>
    public bool IsPlausible(string? stamp)
    {
        if (string.IsNullOrEmpty(stamp))
        {
            return false;
        }
        try
        {
            var shown = new DateTimeOffset(long.Parse(protector.Unprotect(stamp), CultureInfo.InvariantCulture), TimeSpan.Zero);
            var elapsed = clock.GetUtcNow() - shown;
            return elapsed >= options.Value.MinimumFillTime && elapsed <= MaxAge;
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException or OverflowException)
        {
            return false;
        }
    }
}
