using System.Security.Claims;
using EHalsostodet.Core.Members;
using EHalsostodet.Core.Members.Following;
using EHalsostodet.Core.Members.OwnCollections;
using EHalsostodet.Core.Members.Saving;

namespace EHalsostodet.Web.Members.Saving;

/// <summary>
/// What the signed-in account saved, follows and collects, loaded at most once per request, so
/// every card and button on a page can show its state without a query of its own.
/// </summary>
public sealed class MemberItemState(IHttpContextAccessor accessor, SavedItemService saved, FollowService follows, OwnCollectionService collections)
{
    private IReadOnlySet<Guid>? savedIds;
    private IReadOnlySet<(FollowKind, string)>? followed;
    private IReadOnlyList<OwnCollectionSummary>? ownCollections;

    public string? UserId => accessor.HttpContext?.User.MemberId();

    public bool IsSignedIn => UserId is not null;

    public async Task<bool> IsSavedAsync(Guid itemId)
    {
        if (UserId is not { } userId)
        {
            return false;
        }
        savedIds ??= await saved.SavedIdsAsync(userId, Aborted);
        return savedIds.Contains(itemId);
    }

    public async Task<bool> IsFollowingAsync(FollowKind kind, string target)
    {
        if (UserId is not { } userId)
        {
            return false;
        }
        followed ??= await follows.FollowedAsync(userId, Aborted);
        return followed.Contains((kind, target));
    }

    public async Task<IReadOnlyList<OwnCollectionSummary>> OwnCollectionsAsync()
    {
        if (UserId is not { } userId)
        {
            return [];
        }
        return ownCollections ??= await collections.ListAsync(userId, Aborted);
    }

    private CancellationToken Aborted => accessor.HttpContext?.RequestAborted ?? CancellationToken.None;
}

public static class MemberClaims
{
    /// <summary>The signed-in account's id, or null for an anonymous visitor.</summary>
    public static string? MemberId(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    /// <summary>The id on a page or endpoint that requires sign-in.</summary>
    public static string RequiredMemberId(this ClaimsPrincipal user) =>
        user.MemberId() ?? throw new InvalidOperationException("Ingen inloggad användare.");
}
