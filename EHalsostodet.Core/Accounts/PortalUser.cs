using Microsoft.AspNetCore.Identity;

namespace EHalsostodet.Core.Accounts;

/// <summary>An account: an editor, reviewer or administrator of the back office, or a member.</summary>
public sealed class PortalUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public string NameForDisplay => string.IsNullOrWhiteSpace(DisplayName) ? Email ?? UserName ?? Id : DisplayName;
}
