using EHalsostodet.Core.Members.OwnCollections;
using EHalsostodet.Core.Publishing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages.SharedCollections;

/// <summary>/delad-samling/{token}: a member's collection, read-only for anyone with the link, until the owner revokes it.</summary>
public sealed class DetailsModel(OwnCollectionService collections, PublishedQueries queries) : PageModel
{
    public OwnCollectionDetails Collection { get; private set; } = null!;
    public string OwnerName { get; private set; } = "";
    public IReadOnlyList<StoryCard> Stories { get; private set; } = [];
    public string Token { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        var shared = await collections.FindSharedAsync(token, cancellationToken);
        if (shared is not { } found)
        {
            return NotFound();
        }
        Collection = found.Collection;
        Token = token;
        OwnerName = found.OwnerName;
        Stories = await queries.StoriesAsync(found.Collection.Stories.Select(s => s.StoryId).ToList(), cancellationToken);
        // Shared by link, not published: search engines should not list it.
        Response.Headers["X-Robots-Tag"] = "noindex";
        return Page();
    }
}
