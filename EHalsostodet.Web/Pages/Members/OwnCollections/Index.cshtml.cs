using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Members.OwnCollections;
using EHalsostodet.Web.BackOffice.Editing;
using EHalsostodet.Web.Members.Saving;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using EHalsostodet.Web.Infrastructure;

namespace EHalsostodet.Web.Pages.Members.OwnCollections;

/// <summary>/mina-sidor/samlingar: my own collections, a form to create one, and where "add to collection" posts.</summary>
[Authorize]
public sealed class IndexModel(OwnCollectionService collections) : PageModel
{
    /// <summary>The TempData key of the message shown by the "add to collection" form after a story was added.</summary>
    public static string AddedStatusKey(Guid storyId) => $"OwnCollectionAdded-{storyId:N}";

    public IReadOnlyList<OwnCollectionSummary> Collections { get; private set; } = [];

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    /// <summary>A story to put in the new collection, when creating one from a story's "add to collection".</summary>
    [BindProperty]
    public Guid? StoryId { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Collections = await collections.ListAsync(User.RequiredMemberId(), cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var userId = User.RequiredMemberId();
        var input = new OwnCollectionInput(Name, Description);
        if (!IsValid(input))
        {
            Collections = await collections.ListAsync(userId, cancellationToken);
            return Page();
        }
        var id = await collections.CreateAsync(userId, input, cancellationToken);
        if (StoryId is { } storyId && await collections.AddStoryAsync(userId, id, storyId, cancellationToken) == OwnCollectionChange.StoryNotPublished)
        {
            return NotFound();
        }
        return new SeeOtherResult(PortalPaths.Members.OwnCollection(id));
    }

    /// <summary>Adds a story to a chosen collection, or to a new one named <paramref name="newName"/> when none is chosen.</summary>
    public async Task<IActionResult> OnPostAddStoryAsync(Guid? collectionId, string? newName, string? returnUrl, CancellationToken cancellationToken)
    {
        var userId = User.RequiredMemberId();
        if (StoryId is not { } storyId)
        {
            return BadRequest();
        }
        if (collectionId is { } existing)
        {
            return await collections.AddStoryAsync(userId, existing, storyId, cancellationToken) == OwnCollectionChange.Done
                ? await AddedAsync(userId, existing, storyId, returnUrl, cancellationToken)
                : NotFound();
        }
        var input = new OwnCollectionInput(newName, "");
        if (!IsValid(input))
        {
            // The create form on this page keeps the story, so the member can name the collection and go on.
            Name = newName;
            Collections = await collections.ListAsync(userId, cancellationToken);
            return Page();
        }
        var id = await collections.CreateAsync(userId, input, cancellationToken);
        if (await collections.AddStoryAsync(userId, id, storyId, cancellationToken) != OwnCollectionChange.Done)
        {
            await collections.DeleteAsync(userId, id, cancellationToken);
            return NotFound();
        }
        return await AddedAsync(userId, id, storyId, returnUrl, cancellationToken);
    }

    /// <summary>Back to the page the story was added from, which says where it went (the form post reloads it unchanged otherwise).</summary>
    private async Task<IActionResult> AddedAsync(string userId, Guid id, Guid storyId, string? returnUrl, CancellationToken cancellationToken)
    {
        if (await collections.FindAsync(userId, id, cancellationToken) is { } collection)
        {
            // Keyed by the story, so a page with many stories shows it at the right one only.
            TempData[AddedStatusKey(storyId)] = $"Berättelsen ligger nu i din samling {collection.Name}.";
        }
        return new SeeOtherResult(ToggleResponses.LocalOr(returnUrl, PortalPaths.Members.OwnCollection(id)));
    }

    private bool IsValid(OwnCollectionInput input)
    {
        foreach (var (field, message) in input.Validate())
        {
            ModelState.AddModelError(field == "name" ? nameof(Name) : nameof(Description), message);
        }
        return ModelState.IsValid;
    }
}
