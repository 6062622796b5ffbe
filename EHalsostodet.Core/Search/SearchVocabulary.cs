using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Instances;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Core.Search.Lucene;
using EHalsostodet.Core.Search.Text;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Search;

/// <summary>A suggestion while typing: a title, tag or municipality, and where it leads.</summary>
public sealed record SearchSuggestion(string Text, string Kind, string Url);

/// <summary>
/// Suggestions while typing: tags and story municipalities, read once and kept in
/// <see cref="SearchVocabularyCache"/> until content is published or unpublished (they are few,
/// and suggestions are asked for at every keystroke), then titles from the search index.
/// </summary>
public sealed class SearchVocabulary(PortalDbContext db, SearchVocabularyCache cache, SearchIndexes indexes)
{
    public const int MaxSuggestions = 8;

    public async Task<IReadOnlyList<SearchSuggestion>> SuggestAsync(string? prefix, CancellationToken cancellationToken)
    {
        var typed = SearchText.Fold((prefix ?? "").Trim().ToLowerInvariant());
        if (typed.Length < 2)
        {
            return [];
        }
        var snapshot = await SnapshotAsync(cancellationToken);
        var named = snapshot.Suggestions
            .Where(s => s.FoldedWords.Any(w => w.StartsWith(typed, StringComparison.Ordinal)))
            .Select(s => s.Suggestion)
            .Take(MaxSuggestions)
            .ToList();
        var titles = indexes.Public.Search(searcher => TitleSuggestions.Find(searcher, prefix!, MaxSuggestions - named.Count));
        return named.Concat(titles).DistinctBy(s => s.Url).Take(MaxSuggestions).ToList();
    }

    private async Task<VocabularySnapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        if (cache.Current is { } kept)
        {
            return kept;
        }
        var generation = cache.Generation;
        var snapshot = await ReadAsync(cancellationToken);
        cache.Store(snapshot, generation);
        return snapshot;
    }

    private async Task<VocabularySnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var tagSlugs = db.PublishedFacets.Where(f => f.Facet == FacetNames.Tag).Select(f => f.Value).Distinct();
        var tags = await db.Tags.AsNoTracking().Where(t => tagSlugs.Contains(t.Slug)).OrderBy(t => t.Name)
            .Select(t => new TagLink(t.Name, t.Slug)).ToListAsync(cancellationToken);
        var codes = db.PublishedContent.Where(p => p.MunicipalityCode != null).Select(p => p.MunicipalityCode);
        var municipalities = await db.Municipalities.AsNoTracking().Where(m => codes.Contains(m.Code)).OrderBy(m => m.Name)
            .Select(m => m.Name).ToListAsync(cancellationToken);

        static string[] Folded(string text) => SearchText.Tokenize(text).Select(SearchText.Fold).Distinct(StringComparer.Ordinal).ToArray();
        var suggestions = tags.Select(t => (new SearchSuggestion(t.Name, "Tagg", PortalPaths.Tag(t.Slug)), Folded(t.Name)))
            .Concat(municipalities.Select(m => (new SearchSuggestion(m, "Kommun", PortalPaths.Search(query: m)), Folded(m))))
            .ToList();
        return new VocabularySnapshot(suggestions);
    }
}

/// <summary>What <see cref="SearchVocabulary"/> read: each suggestion with its words folded.</summary>
public sealed record VocabularySnapshot(IReadOnlyList<(SearchSuggestion Suggestion, string[] FoldedWords)> Suggestions);

/// <summary>The one <see cref="VocabularySnapshot"/> of this instance, dropped when content is published or unpublished.</summary>
public sealed class SearchVocabularyCache : IContentCache
{
    private VocabularySnapshot? current;
    private long generation;

    public VocabularySnapshot? Current => Volatile.Read(ref current);

    public long Generation => Interlocked.Read(ref generation);

    /// <summary>Keeps what was read, unless content changed while it was being read.</summary>
    public void Store(VocabularySnapshot snapshot, long generationBefore)
    {
        Interlocked.CompareExchange(ref current, snapshot, null);
        if (Generation != generationBefore)
        {
            Volatile.Write(ref current, null);
        }
    }

    public void Evict(Guid itemId) => Clear();

    public void Clear()
    {
        Interlocked.Increment(ref generation);
        Volatile.Write(ref current, null);
    }
}
