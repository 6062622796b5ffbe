using EHalsostodet.Core.Members.Accounts;
using EHalsostodet.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Members.Notices;

/// <summary>How often a member gets mail about notices: chosen in settings, or turned off by the link in a mail.</summary>
public sealed class MailPreferences(PortalDbContext db, MemberProfileStore profiles)
{
    public async Task<MailFrequency> GetAsync(string userId, CancellationToken cancellationToken) =>
        await db.MemberProfiles.AsNoTracking().Where(p => p.UserId == userId).Select(p => (MailFrequency?)p.MailFrequency).FirstOrDefaultAsync(cancellationToken)
            ?? new MemberProfile().MailFrequency;

    public async Task SetAsync(string userId, MailFrequency frequency, CancellationToken cancellationToken)
    {
        var profile = await profiles.GetOrCreateAsync(userId, cancellationToken);
        profile.MailFrequency = frequency;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<bool> IsKnownTokenAsync(string? token, CancellationToken cancellationToken) =>
        !string.IsNullOrWhiteSpace(token) && await db.MemberProfiles.AnyAsync(p => p.UnsubscribeToken == token, cancellationToken);

    /// <summary>Turns mail off for the profile with the token; false for an unknown or empty token. The token is the credential.</summary>
    public async Task<bool> UnsubscribeAsync(string? token, CancellationToken cancellationToken)
    {
        var profile = string.IsNullOrWhiteSpace(token) ? null : await db.MemberProfiles.FirstOrDefaultAsync(p => p.UnsubscribeToken == token, cancellationToken);
        if (profile is null)
        {
            return false;
        }
        profile.MailFrequency = MailFrequency.None;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}

/// <summary>The names of the mail choices: keys for the API and forms, Swedish labels and explanations.</summary>
public static class MailFrequencyNames
{
    public static readonly IReadOnlyList<(MailFrequency Value, string Key, string Label, string Explanation)> All =
    [
        (MailFrequency.Immediately, "immediately", "Direkt", "Ett mejl för varje notis, så snart något har hänt."),
        (MailFrequency.Daily, "daily", "En gång om dagen", "En sammanfattning varje morgon klockan 7 med det som hänt sedan förra."),
        (MailFrequency.Weekly, "weekly", "En gång i veckan", "En sammanfattning på måndagsmorgonen klockan 7."),
        (MailFrequency.None, "none", "Ingen e-post", "Du ser notiserna bara under Mina sidor."),
    ];

    public static string Key(this MailFrequency frequency) => All.First(f => f.Value == frequency).Key;

    public static string Label(this MailFrequency frequency) => All.First(f => f.Value == frequency).Label;

    public static bool TryParseKey(string? key, out MailFrequency frequency)
    {
        foreach (var choice in All)
        {
            if (string.Equals(choice.Key, key, StringComparison.OrdinalIgnoreCase))
            {
                frequency = choice.Value;
                return true;
            }
        }
        frequency = default;
        return false;
    }
}
