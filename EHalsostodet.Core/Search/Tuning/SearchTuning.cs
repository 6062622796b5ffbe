using EHalsostodet.Core.Instances;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Search.Lucene;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Core.Search.Tuning;

/// <summary>What editors have told search: synonym groups as index terms, and best bets per normalised query.</summary>
public sealed class SearchTuning
{
    private readonly Dictionary<string, List<IReadOnlyList<string>>> synonyms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Guid>> bestBets = new(StringComparer.Ordinal);

    public static SearchTuning Empty { get; } = new([], []);

    public SearchTuning(IEnumerable<string> synonymGroups, IEnumerable<(string Query, Guid ItemId)> bets)
    {
        foreach (var group in synonymGroups)
        {
            // Each word of the group as the index's terms (a phrase has several); a compound's parts are left out.
            var variants = SynonymWords(group)
                .Select(w => (IReadOnlyList<string>)AnalyzedWord.Of(SearchIndexes.Analyzer, IndexFields.Body, w).Positions.Select(p => p.Whole).ToList())
                .Where(v => v.Count > 0)
                .DistinctBy(v => string.Join(' ', v))
                .ToList();
            // Every word of the group is a key, a phrase by its terms joined with spaces.
            foreach (var variant in variants)
            {
                var key = string.Join(' ', variant);
                if (!synonyms.TryGetValue(key, out var others))
                {
                    synonyms[key] = others = [];
                }
                others.AddRange(variants.Where(v => v != variant && !others.Any(o => o.SequenceEqual(v))));
            }
        }
        foreach (var (query, itemId) in bets)
        {
            if (!bestBets.TryGetValue(query, out var items))
            {
                bestBets[query] = items = [];
            }
            if (!items.Contains(itemId))
            {
                items.Add(itemId);
            }
        }
    }

    /// <summary>The words of a synonym group as an editor wrote it: separated by commas or new lines.</summary>
    public static IReadOnlyList<string> SynonymWords(string group) =>
        group.Split([',', '\n', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(w => w.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>The other words of the term's groups (a phrase: its terms joined with spaces), each as index terms.</summary>
    public IReadOnlyList<IReadOnlyList<string>> SynonymsOf(string term) =>
        synonyms.TryGetValue(term, out var others) ? others : [];

    /// <summary>How many terms the longest word of any group has (a phrase has several).</summary>
    public int LongestPhrase => synonyms.Count == 0 ? 1 : synonyms.Keys.Max(k => k.Count(c => c == ' ') + 1);

    /// <summary>The items chosen to come first for a normalised query, in the order they were chosen.</summary>
    public IReadOnlyList<Guid> BestBetsFor(string normalisedQuery) =>
        bestBets.TryGetValue(normalisedQuery, out var items) ? items : [];
}

/// <summary>
/// The current <see cref="SearchTuning"/> of this instance, read from the database when first
/// needed and again after <see cref="Clear"/> (called when editors change it here) or after
/// <see cref="MaxAge"/>, so a change made on another instance takes effect there too without a restart.
/// </summary>
public sealed class SearchTuningCache(IServiceScopeFactory scopes, TimeProvider clock) : IContentCache
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private Kept? current;
    private long generation;

    public async ValueTask<SearchTuning> GetAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref current) is { } kept && clock.GetUtcNow() - kept.ReadAt < MaxAge)
        {
            return kept.Tuning;
        }
        var before = Interlocked.Read(ref generation);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var groups = await db.Set<SearchSynonym>().AsNoTracking().OrderBy(s => s.Id).Select(s => s.Words).ToListAsync(cancellationToken);
        var bets = await db.Set<SearchBestBet>().AsNoTracking().OrderBy(b => b.Id).Select(b => new { b.Query, b.ItemId }).ToListAsync(cancellationToken);
        var tuning = new SearchTuning(groups, bets.Select(b => (b.Query, b.ItemId)));
        if (Interlocked.Read(ref generation) == before)
        {
            Volatile.Write(ref current, new Kept(tuning, clock.GetUtcNow()));
        }
        return tuning;
    }

    public void Evict(Guid itemId) => Clear();

    public void Clear()
    {
        Interlocked.Increment(ref generation);
        Volatile.Write(ref current, null);
    }

    private sealed record Kept(SearchTuning Tuning, DateTimeOffset ReadAt);
}
