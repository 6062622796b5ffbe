using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Members.Plans;
using EHalsostodet.Web.BackOffice.Editing;
using EHalsostodet.Web.Members.Saving;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using EHalsostodet.Web.Infrastructure;

namespace EHalsostodet.Web.Pages.Members.Plans;

/// <summary>/mina-sidor/handlingsplaner: my action plans with their progress, and where "Gör en egen handlingsplan" posts.</summary>
[Authorize]
public sealed class IndexModel(ActionPlanService plans) : PageModel
{
    public IReadOnlyList<ActionPlanSummary> Plans { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Plans = await plans.ListAsync(User.RequiredMemberId(), cancellationToken);

    /// <summary>Starts a plan from a published story and opens it.</summary>
    public async Task<IActionResult> OnPostAsync(Guid storyId, CancellationToken cancellationToken) =>
        await plans.CreateFromStoryAsync(User.RequiredMemberId(), storyId, cancellationToken) is { } id
            ? new SeeOtherResult(PortalPaths.Members.Plan(id))
            : NotFound();
}
