using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Taxonomy;
using EHalsostodet.Web.BackOffice;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages.BackOffice.Tags;

/// <summary>
/// Taggar: editors rename, merge and delete tags; a tag that published content carries only
/// a Granskare or Administratör (the change goes live at once).
/// </summary>
public sealed class IndexModel(TagManager tags) : PageModel
{
    public IReadOnlyList<TagUse> Tags { get; private set; } = [];

    public string? ErrorMessage { get; private set; }

    /// <summary>Whether the user may change tags that published content carries.</summary>
    public bool CanChangeLive => User.ToActor().CanReview;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Tags = await tags.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostRenameAsync(Guid tagId, string? newName, CancellationToken cancellationToken) =>
        await DoneAsync(await tags.RenameAsync(tagId, newName ?? "", User.ToActor(), cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostMergeAsync(Guid tagId, Guid? targetId, CancellationToken cancellationToken) =>
        targetId is { } target
            ? await DoneAsync(await tags.MergeAsync(tagId, target, User.ToActor(), cancellationToken), cancellationToken)
            : await DoneAsync(new TagChangeResult(false, "Välj vilken tagg den ska slås ihop med."), cancellationToken);

    public async Task<IActionResult> OnPostDeleteAsync(Guid tagId, bool removeFromContent, CancellationToken cancellationToken) =>
        await DoneAsync(await tags.DeleteAsync(tagId, removeFromContent, User.ToActor(), cancellationToken), cancellationToken);

    private async Task<IActionResult> DoneAsync(TagChangeResult result, CancellationToken cancellationToken)
    {
        if (!result.Succeeded)
        {
            ErrorMessage = result.Message;
            Tags = await tags.ListAsync(cancellationToken);
            if (result.Forbidden)
            {
                Response.StatusCode = StatusCodes.Status403Forbidden;
            }
            return Page();
        }
        TempData["Message"] = result.Message;
        Response.Headers.Location = PortalPaths.BackOffice.Tags;
        return StatusCode(StatusCodes.Status303SeeOther);
    }
}
