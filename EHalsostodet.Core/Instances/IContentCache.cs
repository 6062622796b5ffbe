namespace EHalsostodet.Core.Instances;

/// <summary>
/// Something one instance keeps in memory about published content. Every such cache registers
/// itself as an <see cref="IContentCache"/>, so that <see cref="ContentCacheEviction"/> reaches it
/// for a change made on this instance and, on PostgreSQL, for a change made on any other.
/// </summary>
public interface IContentCache
{
    /// <summary>Forgets what was kept about the item (and whatever may contain it).</summary>
    void Evict(Guid itemId);

    /// <summary>Forgets everything: used when changes may have been missed.</summary>
    void Clear();
}
