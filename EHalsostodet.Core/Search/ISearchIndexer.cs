namespace EHalsostodet.Core.Search;

/// <summary>The index of published content as a whole; publishing keeps it in step item by item.</summary>
public interface ISearchIndexer
{
    /// <summary>How many items the index holds.</summary>
    Task<int> CountAsync(CancellationToken cancellationToken);

    /// <summary>Empties the index and fills it again from the published read model.</summary>
    Task<int> RebuildAsync(CancellationToken cancellationToken);
}
