namespace EHalsostodet.Core.Members;

/// <summary>What a member tells the portal about themselves, used for "För dig" and notices.</summary>
public sealed class MemberProfile
{
    public string UserId { get; set; } = "";
    /// <summary>A <see cref="MemberRoles"/> key, e.g. "enhetschef".</summary>
    public string? Role { get; set; }
    public string? MunicipalityCode { get; set; }
    /// <summary>Verksamhetsområde keys (see Content.Vocabulary).</summary>
    public List<string> Areas { get; set; } = [];
    /// <summary>Tag slugs.</summary>
    public List<string> Interests { get; set; } = [];
    public MailFrequency MailFrequency { get; set; } = MailFrequency.Immediately;
    /// <summary>An unguessable token for the one-click unsubscribe link in every mail.</summary>
    public string UnsubscribeToken { get; set; } = "";
    public DateTime? LastDigestAt { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>How a member wants notices by e-mail; they always appear in /mina-sidor.</summary>
public enum MailFrequency
{
    Immediately,
    Daily,
    Weekly,
    None,
}

/// <summary>A story, collection or initiative a member saved.</summary>
public sealed class SavedItem
{
    public string UserId { get; set; } = "";
    public Guid ItemId { get; set; }
    public DateTime SavedAt { get; set; }
}

/// <summary>A member's own collection of stories; shared read-only while it has a share token.</summary>
public sealed class MemberCollection
{
    public Guid Id { get; set; }
    public string UserId { get; set; } = "";
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    /// <summary>Set while the collection is shared by link; revoking clears it, so the old link stops working.</summary>
    public string? ShareToken { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<MemberCollectionItem> Items { get; set; } = [];
}

public sealed class MemberCollectionItem
{
    public Guid CollectionId { get; set; }
    public Guid StoryId { get; set; }
    public int Position { get; set; }
    public DateTime AddedAt { get; set; }
}

public enum FollowKind
{
    Story,
    Collection,
    Tag,
}

/// <summary>A member follows a story or collection (by item id) or a tag (by slug).</summary>
public sealed class Follow
{
    public string UserId { get; set; } = "";
    public FollowKind Kind { get; set; }
    /// <summary>The item id ("D" format, lower case) or the tag slug.</summary>
    public string Target { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

public enum MemberNoticeKind
{
    /// <summary>A followed story was republished with a change note.</summary>
    StoryUpdated,
    /// <summary>A story joined a followed collection.</summary>
    StoryAddedToCollection,
    /// <summary>A story with a followed tag was published.</summary>
    StoryTagged,
}

/// <summary>Something a member follows happened; shown in /mina-sidor and mailed per the member's choice.</summary>
public sealed class MemberNotice
{
    public Guid Id { get; set; }
    public string UserId { get; set; } = "";
    public MemberNoticeKind Kind { get; set; }
    public Guid ItemId { get; set; }
    /// <summary>The Swedish text shown to the member, e.g. "Berättelsen Trygghetslarm i Ankeby har uppdaterats: …".</summary>
    public string Text { get; set; } = "";
    /// <summary>Site-relative link to the story.</summary>
    public string Url { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
    /// <summary>When it went out by mail (immediately or in a digest); null while waiting for a digest or when mail is off.</summary>
    public DateTime? MailedAt { get; set; }
}
