using EHalsostodet.Core.Members.Plans;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages.Members.Plans;

/// <summary>/delad-handlingsplan/{token}: a member's plan, read-only for anyone with the link, until the owner revokes it.</summary>
[AllowAnonymous]
public sealed class SharedModel(ActionPlanService plans) : PageModel
{
    public ActionPlanDetails Plan { get; private set; } = null!;

    public string Token { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        var plan = await plans.FindSharedAsync(token, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }
        Plan = plan;
        Token = token;
        // Shared by link, not published: search engines should not list it.
        Response.Headers["X-Robots-Tag"] = "noindex";
        return Page();
    }
}
