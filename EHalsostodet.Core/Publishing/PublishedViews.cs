using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Content;

namespace EHalsostodet.Core.Publishing;

/// <summary>A tag as shown on cards and pages.</summary>
public sealed record TagLink(string Name, string Slug);

/// <summary>A tag and how many published items carry it.</summary>
public sealed record TagCount(string Name, string Slug, int Count);

/// <summary>Where a story comes from.</summary>
public sealed record MunicipalityInfo(string Code, string Name, string County, string Group, bool IsExample);

/// <summary>What a story card shows: enough to judge relevance in seconds.</summary>
public sealed record StoryCard(
    Guid Id, string Slug, string Title, string ShortDescription, IReadOnlyList<TagLink> Tags,
    MunicipalityInfo? Municipality, Outcome Outcome, IReadOnlyList<OperationalArea> OperationalAreas, DateTime PublishedAt,
    Guid? HeroImageId = null)
{
    public string Url => PortalPaths.Of(ContentType.Story, Slug);
}

/// <summary>A collection card.</summary>
public sealed record CollectionCard(Guid Id, string Slug, string Title, string Description, int StoryCount, IReadOnlyList<TagLink> Tags, Guid? HeroImageId = null)
{
    public string Url => PortalPaths.Of(ContentType.Collection, Slug);
}

/// <summary>A published item with its typed document.</summary>
public sealed record PublishedItem<TDocument>(Guid Id, TDocument Document, DateTime FirstPublishedAt, DateTime PublishedAt, DateTime? LastReviewedAt)
    where TDocument : IContentDocument;

/// <summary>A knowledge initiative referenced from a story section.</summary>
public sealed record InitiativeLinkView(Guid Id, string Title, string Slug, string? Url, IReadOnlyList<string> Organisations);
