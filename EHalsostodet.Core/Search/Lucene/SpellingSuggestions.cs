using EHalsostodet.Core.Search.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace EHalsostodet.Core.Search.Lucene;

/// <summary>
/// The closest word the index holds to a misspelt one, from the words of published content as
/// written: the fewest edits (a swap of two letters is one), then the word most items use.
/// </summary>
internal static class SpellingSuggestions
{
    public static string? Closest(IndexReader reader, string typed)
    {
        var word = typed.ToLowerInvariant();
        if (word.Length < 4 || MultiFields.GetTerms(reader, IndexFields.Spelling) is not { } terms)
        {
            return null;
        }
        // One edit first (a swap of two letters is one): its automaton is far cheaper than that of two.
        var closest = Closest(terms, word, 1);
        return closest is null && word.Length >= 8 ? Closest(terms, word, 2) : closest;
    }

    private static string? Closest(Terms terms, string word, int allowed)
    {
        var candidates = new FuzzyTermsEnum(terms, new AttributeSource(), new Term(IndexFields.Spelling, word), allowed, prefixLength: 1, transpositions: true);
        string? best = null;
        var bestDistance = int.MaxValue;
        var bestFrequency = 0;
        while (candidates.MoveNext())
        {
            var candidate = candidates.Term.Utf8ToString();
            if (SearchText.Fold(candidate) == SearchText.Fold(word))
            {
                continue;
            }
            var distance = SearchText.Levenshtein(SearchText.Fold(word), SearchText.Fold(candidate), allowed);
            var frequency = candidates.DocFreq;
            if (distance < bestDistance || (distance == bestDistance && frequency > bestFrequency) ||
                (distance == bestDistance && frequency == bestFrequency && string.CompareOrdinal(candidate, best) < 0))
            {
                (best, bestDistance, bestFrequency) = (candidate, distance, frequency);
            }
        }
        return bestDistance <= allowed ? best : null;
    }
}
