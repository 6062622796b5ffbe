namespace EHalsostodet.Web.Api.Members;

/// <summary>A saved item; title and url are null once it is no longer published.</summary>
public sealed record SavedItemResponse(Guid ItemId, string? Type, string? Title, string? Url, bool Published, DateTimeOffset SavedAt);

public sealed record OwnCollectionSummaryResponse(Guid Id, string Name, string Description, int StoryCount, bool Shared, DateTimeOffset UpdatedAt);

public sealed record OwnCollectionStoryResponse(Guid StoryId, string? Title, string? Url, bool Published);

public sealed record OwnCollectionResponse(
    Guid Id, string Name, string Description, string? ShareUrl, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<OwnCollectionStoryResponse> Stories);

/// <summary>POST /collections: a new collection.</summary>
public sealed class CreateOwnCollectionRequest
{
    public string Name { get; set; } = "";
    public string? Description { get; set; }
}

/// <summary>PUT /collections/{id}: the whole collection; storyIds in the order wanted, omitted to keep the stories as they are.</summary>
public sealed class UpdateOwnCollectionRequest
{
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public List<Guid>? StoryIds { get; set; }
}

public sealed record ShareResponse(string Url);

/// <summary>Something followed: kind story, collection or tag; target an item id or a tag slug; title and url null once gone.</summary>
public sealed record FollowResponse(string Kind, string Target, string? Title, string? Url, DateTimeOffset CreatedAt);
