using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Search.Lucene;
using EHalsostodet.Core.Time;
using EHalsostodet.Core.Search.Query;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Search;

/// <summary>
/// Counts searches without hits; "Larmen!" and "larm" count as the same query (the index's terms,
/// sorted). Personal data is masked before anything is stored: a search for a personnummer is
/// counted as "[personnummer]", whichever number it was.
/// </summary>
public sealed class SearchMissCounter(PortalDbContext db, TimeProvider clock)
{
    public const int MaxQueryLength = 200;

    public static string Normalise(IEnumerable<string> words)
    {
        var normalised = string.Join(' ', words.SelectMany(w => AnalyzedWord.Of(SearchIndexes.Analyzer, IndexFields.Body, w).Positions.Select(p => p.Whole))
            .Distinct().Order(StringComparer.Ordinal));
        return normalised.Length > MaxQueryLength ? normalised[..MaxQueryLength] : normalised;
    }

    /// <summary>What is stored of a visitor's search: the placeholders of masked personal data, then the normalised words.</summary>
    public static string Key(string query)
    {
        var masked = PersonalDataMask.Mask(query);
        var words = Normalise(SearchQueryParser.Parse(masked.WithoutMasks).PositiveTerms);
        var key = string.Join(' ', masked.Masks.Order(StringComparer.Ordinal).Append(words).Where(part => part.Length > 0));
        return key.Length > MaxQueryLength ? key[..MaxQueryLength].TrimEnd() : key;
    }

    /// <param name="query">The search as the visitor typed it.</param>
    public async Task CountAsync(string query, CancellationToken cancellationToken)
    {
        query = Key(query);
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
