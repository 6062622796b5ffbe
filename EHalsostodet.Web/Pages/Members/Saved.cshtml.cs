using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Members;
using EHalsostodet.Core.Members.Following;
using EHalsostodet.Core.Members.Saving;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Web.Members.Saving;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages.Members;

/// <summary>/mina-sidor/sparat: what I saved and follow; also where every save and follow button posts.</summary>
[Authorize]
public sealed class SavedModel(SavedItemService savedItems, FollowService follows, PublishedQueries queries) : PageModel
{
    public IReadOnlyList<StoryCard> Stories { get; private set; } = [];
    public IReadOnlyList<CollectionCard> Collections { get; private set; } = [];
    public IReadOnlyList<SavedTarget> Initiatives { get; private set; } = [];
    public IReadOnlyList<SavedEntry> Gone { get; private set; } = [];
    public IReadOnlyList<FollowedTarget> Follows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.RequiredMemberId();
        var entries = await savedItems.ListAsync(userId, cancellationToken);
        var published = entries.Where(e => e.Published is not null).Select(e => e.Published!).ToList();
        Stories = await queries.StoriesAsync(published.Where(p => p.Type == ContentType.Story).Select(p => p.ItemId).ToList(), cancellationToken);
        var collectionIds = published.Where(p => p.Type == ContentType.Collection).Select(p => p.ItemId).ToHashSet();
        Collections = collectionIds.Count == 0 ? [] : (await queries.CollectionsAsync(cancellationToken)).Where(c => collectionIds.Contains(c.Id)).ToList();
        Initiatives = published.Where(p => p.Type == ContentType.Initiative).ToList();
        Gone = entries.Where(e => e.Published is null).ToList();
        Follows = await follows.ListAsync(userId, cancellationToken);
    }

    /// <param name="saved">The state wanted: true saves, false removes.</param>
    public async Task<IActionResult> OnPostSaveAsync(Guid itemId, bool saved, string? returnUrl, CancellationToken cancellationToken)
    {
        var userId = User.RequiredMemberId();
        if (!saved)
        {
            await savedItems.UnsaveAsync(userId, itemId, cancellationToken);
        }
        else if (!await savedItems.SaveAsync(userId, itemId, cancellationToken))
        {
            return NotFound();
        }
        return ToggleResponses.Answer(Request, new { saved }, returnUrl, PortalPaths.Members.Saved);
    }

    /// <param name="following">The state wanted: true follows, false stops following.</param>
    public async Task<IActionResult> OnPostFollowAsync(string? kind, string? target, bool following, string? returnUrl, CancellationToken cancellationToken)
    {
        var userId = User.RequiredMemberId();
        if (!FollowService.TryParseKind(kind, out var followKind) || string.IsNullOrWhiteSpace(target))
        {
            return BadRequest();
        }
        if (!following)
        {
            await follows.UnfollowAsync(userId, followKind, target, cancellationToken);
        }
        else if (!await follows.FollowAsync(userId, followKind, target, cancellationToken))
        {
            return NotFound();
        }
        return ToggleResponses.Answer(Request, new { following }, returnUrl, PortalPaths.Members.Saved);
    }
}
