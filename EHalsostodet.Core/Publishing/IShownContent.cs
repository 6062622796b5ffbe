using EHalsostodet.Core.Content;

namespace EHalsostodet.Core.Publishing;

/// <summary>
/// Told by <see cref="PublishedQueries"/> what a public page reads as it reads it, so that a cache
/// of the rendered page can be evicted exactly when something it shows is published or unpublished.
/// </summary>
public interface IShownContent
{
    /// <summary>The page shows this item (or would, were it published: a collection's stories).</summary>
    void Item(Guid itemId, ContentType type);

    /// <summary>The page lists published items of the type, so a newly published one changes it.</summary>
    void ListOf(ContentType type);

    /// <summary>The page shows what visitors use most (popular tags), which changes with every visit: it is kept only briefly.</summary>
    void Popularity();
}

/// <summary>Outside a web request nothing is cached.</summary>
internal sealed class NoShownContent : IShownContent
{
    public void Item(Guid itemId, ContentType type)
    {
    }

    public void ListOf(ContentType type)
    {
    }

    public void Popularity()
    {
    }
}
