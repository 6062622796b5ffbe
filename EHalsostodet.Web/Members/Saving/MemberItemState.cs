using System.Security.Claims;
using EHalsostodet.Core.Members;
using EHalsostodet.Core.Members.Following;
using EHalsostodet.Core.Members.OwnCollections;
using EHalsostodet.Core.Members.Saving;

namespace EHalsostodet.Web.Members.Saving;

/// <summary>
/// What the signed-in account saved, follows and collects, read at most once per request (and
/// mostly from memory, see <see cref="MemberItemSets"/>), so every card and button on a page can
/// show its state without a query of its own.
/// </summary>
public sealed class MemberItemState(IHttpContextAccessor accessor, MemberItemSets sets)
{
    private MemberItemSet? items;

    public string? UserId => accessor.HttpContext?.User.MemberId();

    public bool IsSignedIn => UserId is not null;

    public async Task<bool> IsSavedAsync(Guid itemId) =>
        UserId is { } userId && (await ItemsAsync(userId)).SavedIds.Contains(itemId);

    public async Task<bool> IsFollowingAsync(FollowKind kind, string target) =>
        UserId is { } userId && (await ItemsAsync(userId)).Followed.Contains((kind, target));

    public async Task<IReadOnlyList<OwnCollectionSummary>> OwnCollectionsAsync() =>
        UserId is { } userId ? (await ItemsAsync(userId)).OwnCollections : [];

    private async Task<MemberItemSet> ItemsAsync(string userId) =>
        items ??= await sets.ReadAsync(userId, accessor.HttpContext?.RequestAborted ?? CancellationToken.None);
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
