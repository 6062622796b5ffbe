namespace EHalsostodet.Core.Search.Text;

/// <summary>
/// The Snowball Swedish stemming algorithm (snowballstem.org, "Swedish stemming algorithm"):
/// R1 region, step 1 (main suffixes), step 2 (consonant pairs) and step 3 (other suffixes).
/// The input is expected in lower case; words shorter than three letters are returned unchanged.
/// </summary>
public static class SwedishStemmer
{
    private const int MinimumR1Start = 3;

    // Step 1 suffixes that are deleted when they lie wholly in R1. The single "s" is handled apart,
    // because it is deleted only after a valid s-ending.
    private static readonly string[] MainSuffixes =
    [
        "a", "arna", "erna", "heterna", "orna", "ad", "e", "ade", "ande", "arne", "are", "aste",
        "en", "anden", "aren", "heten", "ern", "ar", "er", "heter", "or", "as", "arnas", "ernas",
        "ornas", "es", "ades", "andes", "ens", "arens", "hetens", "erns", "at", "andet", "het", "ast",
        "s",
    ];

    private static readonly string[] ConsonantPairs = ["dd", "gd", "nn", "dt", "gt", "kt", "tt"];

    private static readonly string[] OtherSuffixes = ["lig", "ig", "els", "löst", "fullt"];

    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length < MinimumR1Start)
        {
            return word;
        }

        var r1 = R1Start(word);
        var stem = MainSuffix(word, r1);
        stem = ConsonantPair(stem, r1);
        return OtherSuffix(stem, r1);
    }

    /// <summary>
    /// R1 starts after the first non-vowel that follows a vowel (or at the end of the word when
    /// there is none), but never before position 3.
    /// </summary>
    private static int R1Start(string word)
    {
        for (var i = 1; i < word.Length; i++)
        {
            if (!IsVowel(word[i]) && IsVowel(word[i - 1]))
            {
                return Math.Max(i + 1, MinimumR1Start);
            }
        }
        return word.Length;
    }

    private static string MainSuffix(string word, int r1)
    {
        var suffix = LongestSuffixInR1(word, r1, MainSuffixes);
        if (suffix is null)
        {
            return word;
        }
        if (suffix == "s")
        {
            // The letter before the "s" may lie before R1; only the "s" itself must be in R1.
            return word.Length >= 2 && IsValidSEnding(word[^2]) ? word[..^1] : word;
        }
        return word[..^suffix.Length];
    }

    private static string ConsonantPair(string word, int r1)
    {
        var pair = LongestSuffixInR1(word, r1, ConsonantPairs);
        return pair is null ? word : word[..^1];
    }

    private static string OtherSuffix(string word, int r1)
    {
        return LongestSuffixInR1(word, r1, OtherSuffixes) switch
        {
            null => word,
            "löst" => word[..^1],
            "fullt" => word[..^1],
            var suffix => word[..^suffix.Length],
        };
    }

    /// <summary>The longest of <paramref name="suffixes"/> that ends the word and lies wholly in R1.</summary>
    private static string? LongestSuffixInR1(string word, int r1, string[] suffixes)
    {
        string? longest = null;
        foreach (var suffix in suffixes)
        {
            if (suffix.Length > (longest?.Length ?? 0)
                && word.Length - suffix.Length >= r1
                && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                longest = suffix;
            }
        }
        return longest;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'ä' or 'å' or 'ö';

    private static bool IsValidSEnding(char c) =>
        c is 'b' or 'c' or 'd' or 'f' or 'g' or 'h' or 'j' or 'k' or 'l' or 'm' or 'n' or 'o' or 'p' or 'r'
            or 't' or 'v' or 'y';
}
