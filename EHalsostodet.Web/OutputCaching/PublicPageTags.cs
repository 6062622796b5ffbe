using EHalsostodet.Core.Content;

namespace EHalsostodet.Web.OutputCaching;

/// <summary>The tags a cached page carries, by which <see cref="OutputCacheEviction"/> evicts it.</summary>
public static class PublicPageTags
{
    /// <summary>Every cached page.</summary>
    public const string All = "page";

    /// <summary>Pages that show what visitors use most (the start page's popular tags).</summary>
    public const string Popularity = "popularity";

    public static string Item(Guid itemId) => "item:" + itemId.ToString("N");

    public static string List(ContentType type) => "list:" + type.ToString().ToLowerInvariant();
}
