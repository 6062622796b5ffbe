using System.Security.Claims;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Members.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages.Members;

/// <summary>The member's overview: a greeting and the way to every member page.</summary>
public sealed class IndexModel(MemberProfileStore profiles, UserManager<PortalUser> users) : PageModel
{
    public string Name { get; private set; } = "";

    public bool HasProfile { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        Name = (await users.FindByIdAsync(userId))?.NameForDisplay ?? "";
        HasProfile = await profiles.IsFilledInAsync(userId, cancellationToken);
    }
}
