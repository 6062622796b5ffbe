using System.Globalization;
using System.Text.Json;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Members.Accounts;

/// <summary>A municipality a member can choose, with what "För dig" compares.</summary>
public sealed record MunicipalityChoice(string Code, string Name, string County, string Group);

/// <summary>A verksamhetsområde as stored in a profile (camelCase key, as in the read model's facets) with its Swedish label.</summary>
public sealed record AreaChoice(string Key, string Label);

/// <summary>A tag a member can choose as an interest.</summary>
public sealed record TagChoice(string Slug, string Name);

/// <summary>The lists a profile is chosen from, and checked against.</summary>
public sealed record ProfileChoices(
    IReadOnlyList<MunicipalityChoice> Municipalities, IReadOnlyList<AreaChoice> Areas, IReadOnlyList<TagChoice> Tags)
{
    public static IReadOnlyList<AreaChoice> AllAreas { get; } = Enum.GetValues<OperationalArea>()
        .Select(a => new AreaChoice(JsonNamingPolicy.CamelCase.ConvertName(a.ToString()), a.Label()))
        .ToList();

    public MunicipalityChoice? Municipality(string? code) => Municipalities.FirstOrDefault(m => m.Code == code);
}

/// <summary>Loads the profile choices: the real municipalities (not the fictional example ones) by county, and the existing tags.</summary>
public sealed class ProfileChoicesQuery(PortalDbContext db)
{
    private static readonly StringComparer Swedish = StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), ignoreCase: true);

    public async Task<ProfileChoices> LoadAsync(CancellationToken cancellationToken)
    {
        var municipalities = await db.Municipalities.AsNoTracking().Where(m => !m.IsExample)
            .Select(m => new MunicipalityChoice(m.Code, m.Name, m.County, m.Group))
            .ToListAsync(cancellationToken);
        var tags = await db.Tags.AsNoTracking().Select(t => new TagChoice(t.Slug, t.Name)).ToListAsync(cancellationToken);
        return new ProfileChoices(
            municipalities.OrderBy(m => m.County, Swedish).ThenBy(m => m.Name, Swedish).ToList(),
            ProfileChoices.AllAreas,
            tags.OrderBy(t => t.Name, Swedish).ToList());
    }
}
