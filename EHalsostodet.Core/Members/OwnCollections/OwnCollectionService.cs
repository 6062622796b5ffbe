using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Members.Saving;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Members.Accounts;
using EHalsostodet.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Members.OwnCollections;

/// <summary>One of a member's own collections in a list.</summary>
public sealed record OwnCollectionSummary(Guid Id, string Name, string Description, int StoryCount, bool IsShared, DateTime UpdatedAt);

/// <summary>A story in an own collection, in the member's order; <see cref="Slug"/> is null once it is no longer published.</summary>
public sealed record OwnCollectionStory(Guid StoryId, string? Title, string? Slug)
{
    public bool IsPublished => Slug is not null;

    public string? Url => Slug is null ? null : PortalPaths.Of(ContentType.Story, Slug);
}

/// <summary>An own collection with its stories in order.</summary>
public sealed record OwnCollectionDetails(
    Guid Id, string Name, string Description, string? ShareToken, DateTime CreatedAt, DateTime UpdatedAt, IReadOnlyList<OwnCollectionStory> Stories);

/// <summary>What came of changing an own collection.</summary>
public enum OwnCollectionChange
{
    Done,
    /// <summary>No such collection, or it belongs to someone else: the two are not told apart.</summary>
    NotFound,
    /// <summary>The story is not published (or is not a story).</summary>
    StoryNotPublished,
}

/// <summary>
/// A member's own collections of published stories. Every method takes the owner's id and finds
/// only that owner's collections, so an id from the client cannot reach someone else's.
/// </summary>
public sealed class OwnCollectionService(PortalDbContext db, MemberStateVersions versions, TimeProvider clock)
{
    public async Task<IReadOnlyList<OwnCollectionSummary>> ListAsync(string userId, CancellationToken cancellationToken) =>
        await db.MemberCollections.AsNoTracking()
            .Where(c => c.UserId == userId)
            .OrderByDescending(c => c.UpdatedAt).ThenBy(c => c.Name)
            .Select(c => new OwnCollectionSummary(c.Id, c.Name, c.Description, c.Items.Count, c.ShareToken != null, c.UpdatedAt))
            .ToListAsync(cancellationToken);

    /// <summary>Creates a collection after <see cref="OwnCollectionInput.Validate"/> has passed.</summary>
    public async Task<Guid> CreateAsync(string userId, OwnCollectionInput input, CancellationToken cancellationToken)
    {
        var now = Now;
        var collection = new MemberCollection
        {
            Id = Guid.NewGuid(), UserId = userId, Name = input.CleanName, Description = input.CleanDescription, CreatedAt = now, UpdatedAt = now,
        };
        db.MemberCollections.Add(collection);
        await db.SaveChangesAsync(cancellationToken);
        await versions.ChangedAsync(userId, cancellationToken);
        return collection.Id;
    }

    public async Task<OwnCollectionDetails?> FindAsync(string userId, Guid id, CancellationToken cancellationToken)
    {
        var collection = await db.MemberCollections.AsNoTracking().Include(c => c.Items)
            .FirstOrDefaultAsync(c => c.Id == id && c.UserId == userId, cancellationToken);
        return collection is null ? null : await DetailsAsync(collection, cancellationToken);
    }

    /// <summary>A collection shared by link, or null when the token is unknown or was revoked.</summary>
    public async Task<(OwnCollectionDetails Collection, string OwnerName)?> FindSharedAsync(string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }
        var collection = await db.MemberCollections.AsNoTracking().Include(c => c.Items)
            .FirstOrDefaultAsync(c => c.ShareToken == token, cancellationToken);
        if (collection is null)
        {
            return null;
        }
        // The display name only: a shared page never shows the owner's e-mail address.
        var owner = await db.Users.AsNoTracking().Where(u => u.Id == collection.UserId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        var ownerName = owner is null || owner.Contains('@', StringComparison.Ordinal) ? "" : owner.Trim();
        return (await DetailsAsync(collection, cancellationToken), ownerName);
    }

    public async Task<OwnCollectionChange> UpdateAsync(string userId, Guid id, OwnCollectionInput input, CancellationToken cancellationToken)
    {
        var collection = await OwnedAsync(userId, id, cancellationToken);
        if (collection is null)
        {
            return OwnCollectionChange.NotFound;
        }
        collection.Name = input.CleanName;
        collection.Description = input.CleanDescription;
        await TouchAndSaveAsync(collection, cancellationToken);
        return OwnCollectionChange.Done;
    }

    /// <summary>Adds a published story at the end; adding a story already there keeps its place.</summary>
    public async Task<OwnCollectionChange> AddStoryAsync(string userId, Guid id, Guid storyId, CancellationToken cancellationToken)
    {
        var collection = await OwnedAsync(userId, id, cancellationToken);
        if (collection is null)
        {
            return OwnCollectionChange.NotFound;
        }
        if (!await IsPublishedStoryAsync(storyId, cancellationToken))
        {
            return OwnCollectionChange.StoryNotPublished;
        }
        if (collection.Items.All(i => i.StoryId != storyId))
        {
            var position = collection.Items.Count == 0 ? 0 : collection.Items.Max(i => i.Position) + 1;
            collection.Items.Add(new MemberCollectionItem { CollectionId = id, StoryId = storyId, Position = position, AddedAt = Now });
        }
        await TouchAndSaveAsync(collection, cancellationToken);
        return OwnCollectionChange.Done;
    }

    public async Task<OwnCollectionChange> RemoveStoryAsync(string userId, Guid id, Guid storyId, CancellationToken cancellationToken)
    {
        var collection = await OwnedAsync(userId, id, cancellationToken);
        if (collection is null)
        {
            return OwnCollectionChange.NotFound;
        }
        var item = collection.Items.FirstOrDefault(i => i.StoryId == storyId);
        if (item is not null)
        {
            collection.Items.Remove(item);
            Renumber(collection.Items.OrderBy(i => i.Position).ToList());
        }
        await TouchAndSaveAsync(collection, cancellationToken);
        return OwnCollectionChange.Done;
    }

    /// <summary>Moves a story one place up (-1) or down (+1); at either end nothing changes.</summary>
    public async Task<OwnCollectionChange> MoveStoryAsync(string userId, Guid id, Guid storyId, int step, CancellationToken cancellationToken)
    {
        var collection = await OwnedAsync(userId, id, cancellationToken);
        if (collection is null)
        {
            return OwnCollectionChange.NotFound;
        }
        var ordered = collection.Items.OrderBy(i => i.Position).ToList();
        var from = ordered.FindIndex(i => i.StoryId == storyId);
        var to = from + Math.Sign(step);
        if (from >= 0 && to >= 0 && to < ordered.Count)
        {
            (ordered[from], ordered[to]) = (ordered[to], ordered[from]);
            Renumber(ordered);
            await TouchAndSaveAsync(collection, cancellationToken);
        }
        return OwnCollectionChange.Done;
    }

    /// <summary>
    /// Replaces name, description and stories (in the order given) at once, for the API. Stories
    /// already in the collection may stay even if no longer published; new ones must be published.
    /// </summary>
    public async Task<OwnCollectionChange> ReplaceAsync(string userId, Guid id, OwnCollectionInput input, IReadOnlyList<Guid> storyIds, CancellationToken cancellationToken)
    {
        var collection = await OwnedAsync(userId, id, cancellationToken);
        if (collection is null)
        {
            return OwnCollectionChange.NotFound;
        }
        var wanted = storyIds.Distinct().ToList();
        var existing = collection.Items.ToDictionary(i => i.StoryId);
        var added = wanted.Where(s => !existing.ContainsKey(s)).ToList();
        var publishedAdded = await db.PublishedContent.AsNoTracking()
            .CountAsync(p => p.Type == ContentType.Story && added.Contains(p.ItemId), cancellationToken);
        if (publishedAdded != added.Count)
        {
            return OwnCollectionChange.StoryNotPublished;
        }
        collection.Name = input.CleanName;
        collection.Description = input.CleanDescription;
        foreach (var item in collection.Items.Where(i => !wanted.Contains(i.StoryId)).ToList())
        {
            collection.Items.Remove(item);
        }
        var now = Now;
        for (var position = 0; position < wanted.Count; position++)
        {
            if (existing.TryGetValue(wanted[position], out var item))
            {
                item.Position = position;
            }
            else
            {
                collection.Items.Add(new MemberCollectionItem { CollectionId = id, StoryId = wanted[position], Position = position, AddedAt = now });
            }
        }
        await TouchAndSaveAsync(collection, cancellationToken);
        return OwnCollectionChange.Done;
    }

    public async Task<OwnCollectionChange> DeleteAsync(string userId, Guid id, CancellationToken cancellationToken)
    {
        if (await db.MemberCollections.Where(c => c.Id == id && c.UserId == userId).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            return OwnCollectionChange.NotFound;
        }
        await versions.ChangedAsync(userId, cancellationToken);
        return OwnCollectionChange.Done;
    }

    /// <summary>The collection's share token, made now if it has none; null when not found.</summary>
    public async Task<string?> ShareAsync(string userId, Guid id, CancellationToken cancellationToken)
    {
        var collection = await OwnedAsync(userId, id, cancellationToken);
        if (collection is null)
        {
            return null;
        }
        if (collection.ShareToken is null)
        {
            collection.ShareToken = MemberProfileStore.NewToken();
            await TouchAndSaveAsync(collection, cancellationToken);
        }
        return collection.ShareToken;
    }

    /// <summary>Clears the share token: the old link stops working at once.</summary>
    public async Task<OwnCollectionChange> RevokeShareAsync(string userId, Guid id, CancellationToken cancellationToken)
    {
        var collection = await OwnedAsync(userId, id, cancellationToken);
        if (collection is null)
        {
            return OwnCollectionChange.NotFound;
        }
        if (collection.ShareToken is not null)
        {
            collection.ShareToken = null;
            await TouchAndSaveAsync(collection, cancellationToken);
        }
        return OwnCollectionChange.Done;
    }


    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private Task<MemberCollection?> OwnedAsync(string userId, Guid id, CancellationToken cancellationToken) =>
        db.MemberCollections.Include(c => c.Items).FirstOrDefaultAsync(c => c.Id == id && c.UserId == userId, cancellationToken);

    private Task<bool> IsPublishedStoryAsync(Guid storyId, CancellationToken cancellationToken) =>
        db.PublishedContent.AnyAsync(p => p.ItemId == storyId && p.Type == ContentType.Story, cancellationToken);

    private async Task TouchAndSaveAsync(MemberCollection collection, CancellationToken cancellationToken)
    {
        collection.UpdatedAt = Now;
        await db.SaveChangesAsync(cancellationToken);
        await versions.ChangedAsync(collection.UserId, cancellationToken);
    }

    private static void Renumber(List<MemberCollectionItem> ordered)
    {
        for (var position = 0; position < ordered.Count; position++)
        {
            ordered[position].Position = position;
        }
    }

    private async Task<OwnCollectionDetails> DetailsAsync(MemberCollection collection, CancellationToken cancellationToken)
    {
        var ids = collection.Items.Select(i => i.StoryId).ToList();
        var published = await db.PublishedContent.AsNoTracking()
            .Where(p => p.Type == ContentType.Story && ids.Contains(p.ItemId))
            .ToDictionaryAsync(p => p.ItemId, p => (p.Title, p.Slug), cancellationToken);
        var stories = collection.Items.OrderBy(i => i.Position)
            .Select(i => published.TryGetValue(i.StoryId, out var p) ? new OwnCollectionStory(i.StoryId, p.Title, p.Slug) : new OwnCollectionStory(i.StoryId, null, null))
            .ToList();
        return new OwnCollectionDetails(collection.Id, collection.Name, collection.Description, collection.ShareToken, collection.CreatedAt, collection.UpdatedAt, stories);
    }
}
