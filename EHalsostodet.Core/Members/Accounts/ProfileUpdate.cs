using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Persistence;
using Microsoft.AspNetCore.Identity;

namespace EHalsostodet.Core.Members.Accounts;

/// <summary>What a member submits about themselves; empty values clear a field.</summary>
public sealed record ProfileUpdate(
    string? DisplayName, string? Role, string? MunicipalityCode, IReadOnlyList<string> Areas, IReadOnlyList<string> Interests);

/// <summary>Checks a profile update against the lists and stores it. Errors are keyed by the update's field names in camelCase.</summary>
public sealed class ProfileEditor(PortalDbContext db, UserManager<PortalUser> users, MemberProfileStore profiles, ProfileChoicesQuery choicesQuery)
{
    public const int MaxDisplayNameLength = 100;

    public async Task<IReadOnlyDictionary<string, string>> SaveAsync(string userId, ProfileUpdate update, CancellationToken cancellationToken)
    {
        var choices = await choicesQuery.LoadAsync(cancellationToken);
        var errors = Validate(update, choices);
        if (errors.Count > 0)
        {
            return errors;
        }
        var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException("Kontot finns inte.");
        user.DisplayName = update.DisplayName?.Trim() ?? "";
        var profile = await profiles.GetOrCreateAsync(userId, cancellationToken);
        profile.Role = string.IsNullOrEmpty(update.Role) ? null : update.Role;
        profile.MunicipalityCode = string.IsNullOrEmpty(update.MunicipalityCode) ? null : update.MunicipalityCode;
        // Stored in the lists' order, so the same choice is always the same value.
        profile.Areas = choices.Areas.Select(a => a.Key).Where(update.Areas.Contains).ToList();
        profile.Interests = choices.Tags.Select(t => t.Slug).Where(update.Interests.Contains).ToList();
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }

    public static Dictionary<string, string> Validate(ProfileUpdate update, ProfileChoices choices)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if ((update.DisplayName?.Trim().Length ?? 0) > MaxDisplayNameLength)
        {
            errors["displayName"] = $"Namnet får vara högst {MaxDisplayNameLength} tecken.";
        }
        if (!string.IsNullOrEmpty(update.Role) && !MemberRoles.IsKnown(update.Role))
        {
            errors["role"] = "Välj en roll i listan.";
        }
        if (!string.IsNullOrEmpty(update.MunicipalityCode) && choices.Municipality(update.MunicipalityCode) is null)
        {
            errors["municipalityCode"] = "Välj en kommun i listan.";
        }
        var unknownAreas = update.Areas.Where(a => choices.Areas.All(c => c.Key != a)).ToList();
        if (unknownAreas.Count > 0)
        {
            errors["areas"] = $"Okänt verksamhetsområde: {string.Join(", ", unknownAreas)}. Välj bland {string.Join(", ", choices.Areas.Select(a => a.Key))}.";
        }
        var unknownTags = update.Interests.Where(t => choices.Tags.All(c => c.Slug != t)).ToList();
        if (unknownTags.Count > 0)
        {
            errors["interests"] = $"Okänd tagg: {string.Join(", ", unknownTags)}. Välj bland taggarna som finns.";
        }
        return errors;
    }
}
