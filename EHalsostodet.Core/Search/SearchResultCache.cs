using System.Text;
using EHalsostodet.Core.Instances;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Core.Search;

/// <summary>
/// The results of recent searches, so that the searches many people make (a popular tag, a common
/// word) are ranked and counted once rather than on every request. Any publish or unpublish
/// clears it on every instance, because any change can move any result; what is kept is bounded
/// by <see cref="SearchOptions.ResultCacheEntries"/> and <see cref="SearchOptions.ResultCacheMinutes"/>.
/// </summary>
public sealed class SearchResultCache : IContentCache, IDisposable
{
    private readonly SearchOptions options;
    private Kept kept;
    private long generation;

    public SearchResultCache(IOptions<SearchOptions> options)
    {
        this.options = options.Value;
        kept = new Kept(options.Value.ResultCacheEntries);
    }

    private bool Enabled => options.ResultCacheEntries > 0;

    /// <summary>Read before a search runs and handed to <see cref="Store"/>, so a result computed across a change is not kept.</summary>
    public long Generation => Interlocked.Read(ref generation);

    public SearchResults? Find(SearchRequest request) =>
        Enabled && Volatile.Read(ref kept).Results.TryGetValue(Key(request), out SearchResults? found) ? found : null;

    public void Store(SearchRequest request, SearchResults found, long generationBefore)
    {
        if (!Enabled)
        {
            return;
        }
        var cache = Volatile.Read(ref kept);
        if (generationBefore != Generation)
        {
            return;
        }
        var entry = new MemoryCacheEntryOptions
        {
            Size = 1,
            AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(Math.Max(1, options.ResultCacheMinutes)),
        };
        // Every result page of one search has the same facet counts: the pages kept share one copy.
        if (found.Facets is { } counted)
        {
            var facetsKey = FacetsKey(request);
            if (cache.Facets.TryGetValue(facetsKey, out IReadOnlyDictionary<string, IReadOnlyList<FacetCount>>? shared) && shared is not null)
            {
                found = found with { Facets = shared };
            }
            else
            {
                cache.Facets.Set(facetsKey, counted, entry);
            }
        }
        cache.Results.Set(Key(request), found, entry);
    }

    public int Count => Volatile.Read(ref kept).Results.Count;

    public void Evict(Guid itemId) => Clear();

    public void Clear()
    {
        Interlocked.Increment(ref generation);
        // The old cache is left to the garbage collector: a search may still be reading it.
        Volatile.Write(ref kept, new Kept(options.ResultCacheEntries));
    }

    public void Dispose() => kept.Dispose();

    /// <summary>The results kept since the last change, and the facet counts their pages share.</summary>
    private sealed class Kept(int entries) : IDisposable
    {
        public MemoryCache Results { get; } = new(new MemoryCacheOptions { SizeLimit = Math.Max(1, entries) });
        public MemoryCache Facets { get; } = new(new MemoryCacheOptions { SizeLimit = Math.Max(1, entries) });

        public void Dispose()
        {
            Results.Dispose();
            Facets.Dispose();
        }
    }

    /// <summary>Every part of the request that can change the result, filters in a fixed order.</summary>
    private static string Key(SearchRequest request) =>
        Key(request, new StringBuilder()
            .Append(request.Page).Append('\u001f')
            .Append(request.PageSize).Append('\u001f')
            .Append(request.Newest ? '1' : '0').Append('\u001f'));

    /// <summary>The parts that can change the facet counts: not the page, its size or the order.</summary>
    private static string FacetsKey(SearchRequest request) => Key(request, new StringBuilder());

    private static string Key(SearchRequest request, StringBuilder key)
    {
        key.Append(request.Query).Append('\u001f')
            .Append(request.Type?.ToString() ?? "");
        foreach (var (facet, values) in (request.Filters ?? new Dictionary<string, IReadOnlyList<string>>()).OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            key.Append('\u001e').Append(facet);
            foreach (var value in values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                key.Append('\u001f').Append(value);
            }
        }
        return key.ToString();
    }
}

/// <summary>The search engine with <see cref="SearchResultCache"/> in front. Searches without hits are not kept, so every miss is still counted.</summary>
internal sealed class CachedSearchIndex(ISearchIndex engine, SearchResultCache cache) : ISearchIndex
{
    public async Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        if (cache.Find(request) is { } kept)
        {
            return kept;
        }
        var generation = cache.Generation;
        var found = await engine.SearchAsync(request, cancellationToken);
        if (found.Total > 0)
        {
            cache.Store(request, found, generation);
        }
        return found;
    }
}
