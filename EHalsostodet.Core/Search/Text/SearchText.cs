using System.Globalization;
using System.Text;

namespace EHalsostodet.Core.Search.Text;

/// <summary>
/// Words of text for suggestions while typing: tokens, diacritic-free forms and a bounded edit
/// distance for spelling tolerance. The index's own analysis is <see cref="Lucene.SwedishSearchAnalyzer"/>.
/// </summary>
public static class SearchText
{
    /// <summary>Tokens longer than this are ignored (hashes, base64, run-on garbage).</summary>
    public const int MaxTokenLength = 60;

    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>
    /// The words of <paramref name="text"/> in lower case (Swedish culture): runs of letters and digits,
    /// split on everything else (spaces, punctuation, hyphens, emoji). Tokens longer than
    /// <see cref="MaxTokenLength"/> characters are ignored.
    /// </summary>
    public static IReadOnlyList<string> Tokenize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }
        // Compose first so that a decomposed "a" + combining diaeresis counts as the single letter "ä".
        var normalized = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        var tokens = new List<string>();
        var current = new StringBuilder();
        var tooLong = false;
        foreach (var rune in normalized.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                if (!tooLong)
                {
                    current.Append(Rune.ToLower(rune, Swedish).ToString());
                    tooLong = current.Length > MaxTokenLength;
                }
            }
            else
            {
                Flush(tokens, current, tooLong);
                tooLong = false;
            }
        }
        Flush(tokens, current, tooLong);
        return tokens;
    }

    /// <summary>
    /// The word with diacritics removed: å and ä become a, ö becomes o, é becomes e, ü becomes u and so on,
    /// so that "aldreomsorg" matches "äldreomsorg". Letters without a decomposition (ø, æ, ß, ł, đ) are
    /// mapped to their usual Latin spelling.
    /// </summary>
    public static string Fold(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (IsAscii(word))
        {
            return word;
        }
        var decomposed = word.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            builder.Append(c switch
            {
                'ø' => "o",
                'Ø' => "O",
                'æ' => "ae",
                'Æ' => "AE",
                'œ' => "oe",
                'Œ' => "OE",
                'ß' => "ss",
                'ł' => "l",
                'Ł' => "L",
                'đ' => "d",
                'Đ' => "D",
                _ => c.ToString(),
            });
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// The edit distance between <paramref name="a"/> and <paramref name="b"/> (insertions, deletions,
    /// substitutions and transpositions of adjacent characters each cost 1; the optimal string alignment
    /// variant of Damerau–Levenshtein). Stops early once the distance is certain to exceed
    /// <paramref name="max"/> and then returns <c>max + 1</c>. Runs in O(length × max) time.
    /// </summary>
    public static int Levenshtein(string a, string b, int max)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentOutOfRangeException.ThrowIfNegative(max);

        // The distance never exceeds the longer length, so a larger bound changes nothing (and cannot overflow).
        max = Math.Min(max, Math.Max(a.Length, b.Length));
        var exceeded = max + 1;
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return exceeded;
        }
        if (a.Length == 0 || b.Length == 0)
        {
            return Math.Max(a.Length, b.Length);
        }

        var n = a.Length;
        var m = b.Length;
        // Rows i-2, i-1 and i of the distance matrix. Only cells with |i - j| <= max are computed; the cells
        // just outside that band are set to "exceeded", which is a lower bound for their true value there.
        var beforePrevious = new int[m + 1];
        var previous = new int[m + 1];
        var current = new int[m + 1];
        for (var j = 0; j <= m; j++)
        {
            previous[j] = j <= max ? j : exceeded;
        }

        for (var i = 1; i <= n; i++)
        {
            var from = Math.Max(1, i - max);
            var to = Math.Min(m, i + max);
            current[from - 1] = from == 1 ? (i <= max ? i : exceeded) : exceeded;
            if (to < m)
            {
                current[to + 1] = exceeded;
            }
            var rowMinimum = current[from - 1];
            var ai = a[i - 1];
            for (var j = from; j <= to; j++)
            {
                var bj = b[j - 1];
                var cost = ai == bj ? 0 : 1;
                var value = Math.Min(
                    previous[j - 1] + cost,
                    Math.Min(previous[j] + 1, current[j - 1] + 1));
                if (i > 1 && j > 1 && ai == b[j - 2] && a[i - 2] == bj)
                {
                    value = Math.Min(value, beforePrevious[j - 2] + 1);
                }
                current[j] = value;
                rowMinimum = Math.Min(rowMinimum, value);
            }
            // Each row's minimum is never below the previous row's, so the distance can only grow from here.
            if (rowMinimum > max)
            {
                return exceeded;
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious);
        }
        return Math.Min(previous[m], exceeded);
    }

    private static void Flush(List<string> tokens, StringBuilder current, bool tooLong)
    {
        if (current.Length > 0 && !tooLong)
        {
            tokens.Add(current.ToString());
        }
        current.Clear();
    }

    private static bool IsAscii(string word)
    {
        foreach (var c in word)
        {
            if (c > 0x7F)
            {
                return false;
            }
        }
        return true;
    }
}
