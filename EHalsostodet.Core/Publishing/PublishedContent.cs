using EHalsostodet.Core.Content;

namespace EHalsostodet.Core.Publishing;

/// <summary>
/// The read model row of a published item. Public pages read only this and its satellite
/// tables, so a draft can never leak.
/// </summary>
public sealed class PublishedContent
{
    public Guid ItemId { get; set; }
    public ContentType Type { get; set; }
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    /// <summary>The card text: a story's short description, a collection's description, an initiative's purpose.</summary>
    public string Teaser { get; set; } = "";
    public Guid VersionId { get; set; }
    public string DocumentJson { get; set; } = "";
    public string? MunicipalityCode { get; set; }
    /// <summary>When the item was first published; lists of the latest content sort on it.</summary>
    public DateTime FirstPublishedAt { get; set; }
    public DateTime PublishedAt { get; set; }
    public DateTime? LastReviewedAt { get; set; }
}

/// <summary>One facet value of a published item, e.g. (tag, trygghetslarm) or (county, Hallands län).</summary>
public sealed class PublishedFacet
{
    public Guid ItemId { get; set; }
    public string Facet { get; set; } = "";
    public string Value { get; set; } = "";
}

/// <summary>A published story's place in a published collection.</summary>
public sealed class CollectionMembership
{
    public Guid CollectionId { get; set; }
    public Guid StoryId { get; set; }
    public int Position { get; set; }
}

/// <summary>A published story's reference to a knowledge initiative from one of its sections.</summary>
public sealed class InitiativeReference
{
    public Guid StoryId { get; set; }
    public Guid InitiativeId { get; set; }
    /// <summary>The section key: summary, roles, benefits, technology, process, process.identify …, lessons.</summary>
    public string Section { get; set; } = "";
}
