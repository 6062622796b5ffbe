namespace EHalsostodet.Web.Api.Members;

/// <summary>The signed-in account and its member profile.</summary>
public sealed record MeResponse(string Email, string DisplayName, IReadOnlyList<string> Roles, MeProfile Profile);

/// <summary>A member profile. Role is a key from the list of member roles, areas are verksamhetsområde keys, interests tag slugs.</summary>
public sealed record MeProfile(string? Role, string? MunicipalityCode, string? MunicipalityName, IReadOnlyList<string> Areas, IReadOnlyList<string> Interests);

/// <summary>The whole profile as it should be; a field left out is cleared.</summary>
public sealed record UpdateMeRequest
{
    public string? DisplayName { get; init; }
    public string? Role { get; init; }
    public string? MunicipalityCode { get; init; }
    public IReadOnlyList<string>? Areas { get; init; }
    public IReadOnlyList<string>? Interests { get; init; }
}

/// <summary>Deleting the account needs the password.</summary>
public sealed record DeleteMeRequest
{
    public string? Password { get; init; }
}
