using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Members.Saving;
using EHalsostodet.Web.Members.Saving;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages.Members;

/// <summary>
/// Where "Spara" leads a visitor who was not signed in, once signed in: it asks before saving,
/// and the save itself is the ordinary antiforgery-protected post, so a link from elsewhere can
/// never save anything on its own.
/// </summary>
[Authorize]
public sealed class ConfirmSaveModel(SavedItemService savedItems, MemberItemState state) : PageModel
{
    public const string BackQuery = "tillbaka";

    public SavedTarget Target { get; private set; } = null!;

    public bool IsSaved { get; private set; }

    /// <summary>The page to go back to: local to the portal, else the item's own page.</summary>
    public string Back { get; private set; } = PortalPaths.Home;

    /// <summary>The address "Spara" sends an anonymous visitor to sign in at, coming back here.</summary>
    public static string SignInPath(Guid itemId, string back) =>
        PortalPaths.Members.Login(PortalPaths.Members.ConfirmSave(itemId, BackQuery, back));

    public async Task<IActionResult> OnGetAsync(Guid id, [FromQuery(Name = BackQuery)] string? back, CancellationToken cancellationToken)
    {
        if (await savedItems.FindSavableAsync(id, cancellationToken) is not { } target)
        {
            return NotFound();
        }
        Target = target;
        Back = ToggleResponses.LocalOr(back, target.Url);
        IsSaved = await state.IsSavedAsync(id);
        return Page();
    }
}
