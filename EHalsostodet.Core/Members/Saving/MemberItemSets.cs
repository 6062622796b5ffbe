using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Members.Following;
using EHalsostodet.Core.Members.OwnCollections;
using Microsoft.Extensions.Caching.Memory;

namespace EHalsostodet.Core.Members.Saving;

/// <summary>What one member saved, follows and collects: the state of every Spara and Följ button.</summary>
public sealed record MemberItemSet(
    IReadOnlySet<Guid> SavedIds, IReadOnlySet<(FollowKind Kind, string Target)> Followed, IReadOnlyList<OwnCollectionSummary> OwnCollections);

/// <summary>
/// Reads a member's <see cref="MemberItemSet"/>, from memory when the copy there was read at the
/// <see cref="PortalUser.MemberStateVersion"/> this request's session check found, else from the
/// database. Since the version is read on every request, a change on any instance is seen at once.
/// </summary>
public sealed class MemberItemSets(
    MemberItemSetCache cache, MemberStateVersions versions, SavedItemService saved, FollowService follows, OwnCollectionService collections)
{
    public async Task<MemberItemSet> ReadAsync(string userId, CancellationToken cancellationToken)
    {
        var version = versions.Of(userId);
        if (version is { } known && cache.Find(userId, known) is { } kept)
        {
            return kept;
        }
        var read = new MemberItemSet(
            await saved.SavedIdsAsync(userId, cancellationToken),
            await follows.FollowedAsync(userId, cancellationToken),
            await collections.ListAsync(userId, cancellationToken));
        if (version is { } readAt)
        {
            cache.Keep(userId, readAt, read);
        }
        return read;
    }
}

/// <summary>The members' item sets this instance keeps, each with the version it was read at.</summary>
public sealed class MemberItemSetCache : IDisposable
{
    /// <summary>Members whose sets are kept at most; the least recently used go first.</summary>
    public const int Members = 20_000;

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = Members });

    private sealed record Entry(long Version, MemberItemSet Items);

    public MemberItemSet? Find(string userId, long version) =>
        cache.TryGetValue(userId, out Entry? entry) && entry!.Version == version ? entry.Items : null;

    public void Keep(string userId, long version, MemberItemSet items) =>
        cache.Set(userId, new Entry(version, items), new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(20) });

    public void Dispose() => cache.Dispose();
}
