using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Search.Lucene;
using EHalsostodet.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Search;

/// <summary>Counts searches without hits; "Larmen!" and "larm" count as the same query (the index's terms, sorted).</summary>
public sealed class SearchMissCounter(PortalDbContext db, TimeProvider clock)
{
    public const int MaxQueryLength = 200;

    public static string Normalise(IEnumerable<string> words)
    {
        var normalised = string.Join(' ', words.SelectMany(w => AnalyzedWord.Of(SearchIndexes.Analyzer, IndexFields.Body, w).Positions.Select(p => p.Whole))
            .Distinct().Order(StringComparer.Ordinal));
        return normalised.Length > MaxQueryLength ? normalised[..MaxQueryLength] : normalised;
    }

    public async Task CountAsync(IEnumerable<string> words, CancellationToken cancellationToken)
    {
        var query = Normalise(words);
        if (query.Length == 0)
        {
            return;
        }
        var today = SwedishTime.Today(clock);
        // One statement, so two searches at once cannot lose a count.
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO search_misses (query, count, last_searched) VALUES ({query}, 1, {today})
            ON CONFLICT (query) DO UPDATE SET count = search_misses.count + 1, last_searched = excluded.last_searched
            """, cancellationToken);
    }

    public Task<List<SearchMiss>> TopAsync(int count, CancellationToken cancellationToken) =>
        db.Set<SearchMiss>().AsNoTracking().OrderByDescending(m => m.Count).ThenByDescending(m => m.LastSearched).ThenBy(m => m.Query).Take(count).ToListAsync(cancellationToken);
}
