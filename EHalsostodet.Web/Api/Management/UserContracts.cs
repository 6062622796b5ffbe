namespace EHalsostodet.Web.Api.Management;

/// <summary>A new back-office account. Role is editor, reviewer or administrator.</summary>
public sealed record CreateUserRequest
{
    public string? Email { get; init; }
    public string? Password { get; init; }
    public string? Role { get; init; }
    public string? DisplayName { get; init; }
}

/// <summary>A back-office account's new role: editor, reviewer or administrator.</summary>
public sealed record ChangeRoleRequest
{
    public string? Role { get; init; }
}

/// <summary>The account as created or changed; roles as their API keys.</summary>
public sealed record UserResponse(string Id, string Email, IReadOnlyList<string> Roles);
