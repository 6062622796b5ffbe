using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Search.Postgres;

/// <summary>
/// "Menade du …?" on PostgreSQL: each row of the search index keeps its item's vocabulary (the
/// words of its title, tag names and municipality, as <see cref="SearchVocabulary"/> reads them),
/// and the pg_trgm index on it finds the items with words like a typed one. Those words are the
/// candidates; <see cref="SearchVocabulary.Correct"/> picks among them as on SQLite.
/// </summary>
public sealed class TrigramSpelling(PortalDbContext db)
{
    /// <summary>How alike by trigrams a known word must be to a typed one to be a candidate; the edit distance decides.</summary>
    private const double CandidateSimilarity = 0.2;

    /// <summary>The words an item adds to the vocabulary: pages add none, as pages are not suggested.</summary>
    public static string Words(IContentDocument document, string? municipalityName)
    {
        IEnumerable<string> texts = document switch
        {
            StoryDocument story => [story.Title, .. story.Tags, municipalityName ?? ""],
            CollectionDocument collection => [collection.Title, .. collection.Tags],
            PageDocument => [],
            _ => [document.Title],
        };
        return string.Join(' ', SearchVocabulary.KnownWords(texts));
    }

    public async Task<string?> DidYouMeanAsync(IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        var typed = words.Where(w => w.Length >= 4).Distinct(StringComparer.Ordinal).ToArray();
        if (typed.Length == 0)
        {
            return null;
        }
        // <% is word_similarity over the whole row's vocabulary and uses the trigram index.
        var candidates = await db.Database.SqlQuery<KnownWord>($"""
            SELECT w.word AS "Word", count(*)::int AS "Count"
            FROM unnest({typed}::text[]) AS t(word)
            JOIN search_index s ON t.word <% s.vocabulary
            CROSS JOIN LATERAL unnest(string_to_array(s.vocabulary, ' ')) AS w(word)
            WHERE similarity(w.word, t.word) >= {CandidateSimilarity}
            GROUP BY w.word
            """).ToListAsync(cancellationToken);
        return SearchVocabulary.Correct(words, candidates.GroupBy(c => c.Word).ToDictionary(g => g.Key, g => g.Sum(c => c.Count)));
    }

    private sealed record KnownWord(string Word, int Count);
}
