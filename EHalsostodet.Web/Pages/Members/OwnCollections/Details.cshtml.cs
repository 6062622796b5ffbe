using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Members.OwnCollections;
using EHalsostodet.Core.Sharing;
using EHalsostodet.Web.BackOffice.Editing;
using EHalsostodet.Web.Members.Saving;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using EHalsostodet.Web.Infrastructure;

namespace EHalsostodet.Web.Pages.Members.OwnCollections;

/// <summary>/mina-sidor/samlingar/{id}: change, order, share and delete one of my collections. Others' collections answer 404.</summary>
[Authorize]
public sealed class DetailsModel(OwnCollectionService collections, PublicUrls urls) : PageModel
{
    public OwnCollectionDetails Collection { get; private set; } = null!;

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    public string? ShareUrl => Collection.ShareToken is { } token ? urls.Absolute(PortalPaths.SharedCollection(token)) : null;

    private static string Self(Guid id) => PortalPaths.Members.OwnCollection(id);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Name = Collection.Name;
        Description = Collection.Description;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var input = new OwnCollectionInput(Name, Description);
        var errors = input.Validate();
        if (errors.Count > 0)
        {
            foreach (var (field, message) in errors)
            {
                ModelState.AddModelError(field == "name" ? nameof(Name) : nameof(Description), message);
            }
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }
        return Done(id, await collections.UpdateAsync(User.RequiredMemberId(), id, input, cancellationToken));
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid id, Guid storyId, string? direction, CancellationToken cancellationToken) =>
        Done(id, await collections.MoveStoryAsync(User.RequiredMemberId(), id, storyId, direction == "up" ? -1 : 1, cancellationToken), $"#berattelse-{storyId:N}");

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid storyId, CancellationToken cancellationToken) =>
        Done(id, await collections.RemoveStoryAsync(User.RequiredMemberId(), id, storyId, cancellationToken));

    public async Task<IActionResult> OnPostShareAsync(Guid id, CancellationToken cancellationToken) =>
        await collections.ShareAsync(User.RequiredMemberId(), id, cancellationToken) is null ? NotFound() : new SeeOtherResult($"{Self(id)}#dela");

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken) =>
        Done(id, await collections.RevokeShareAsync(User.RequiredMemberId(), id, cancellationToken), "#dela");

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, bool confirm, CancellationToken cancellationToken)
    {
        if (!confirm)
        {
            ModelState.AddModelError("Confirm", "Kryssa i rutan för att bekräfta att samlingen ska tas bort.");
            if (!await LoadAsync(id, cancellationToken))
            {
                return NotFound();
            }
            Name = Collection.Name;
            Description = Collection.Description;
            return Page();
        }
        return await collections.DeleteAsync(User.RequiredMemberId(), id, cancellationToken) == OwnCollectionChange.Done
            ? new SeeOtherResult(PortalPaths.Members.OwnCollections)
            : NotFound();
    }

    private IActionResult Done(Guid id, OwnCollectionChange change, string fragment = "") => change switch
    {
        OwnCollectionChange.Done => new SeeOtherResult(Self(id) + fragment),
        _ => NotFound(),
    };

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var collection = await collections.FindAsync(User.RequiredMemberId(), id, cancellationToken);
        if (collection is null)
        {
            return false;
        }
        Collection = collection;
        return true;
    }
}
