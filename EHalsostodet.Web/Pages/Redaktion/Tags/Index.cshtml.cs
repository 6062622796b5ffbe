using EHalsostodet.Core.Taxonomy;
using EHalsostodet.Web.BackOffice;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages.Redaktion.Tags;

/// <summary>Taggar: editors rename, merge and delete tags.</summary>
public sealed class IndexModel(TagManager tags) : PageModel
{
    public IReadOnlyList<TagUse> Tags { get; private set; } = [];

    public string? ErrorMessage { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Tags = await tags.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostRenameAsync(Guid tagId, string? newName, CancellationToken cancellationToken) =>
        await DoneAsync(await tags.RenameAsync(tagId, newName ?? "", User.ToActor().AsAuthor(), cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostMergeAsync(Guid tagId, Guid? targetId, CancellationToken cancellationToken) =>
        targetId is { } target
            ? await DoneAsync(await tags.MergeAsync(tagId, target, User.ToActor().AsAuthor(), cancellationToken), cancellationToken)
            : await DoneAsync(new TagChangeResult(false, "Välj vilken tagg den ska slås ihop med."), cancellationToken);

    public async Task<IActionResult> OnPostDeleteAsync(Guid tagId, bool removeFromContent, CancellationToken cancellationToken) =>
        await DoneAsync(await tags.DeleteAsync(tagId, removeFromContent, User.ToActor().AsAuthor(), cancellationToken), cancellationToken);

    private async Task<IActionResult> DoneAsync(TagChangeResult result, CancellationToken cancellationToken)
    {
        if (!result.Succeeded)
        {
            ErrorMessage = result.Message;
            Tags = await tags.ListAsync(cancellationToken);
            return Page();
        }
        TempData["Message"] = result.Message;
        Response.Headers.Location = "/redaktion/taggar";
        return StatusCode(StatusCodes.Status303SeeOther);
    }
}
