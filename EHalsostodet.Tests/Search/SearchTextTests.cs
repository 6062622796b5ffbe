using EHalsostodet.Core.Search.Text;

namespace EHalsostodet.Tests.Search;

[TestClass]
[TestCategory(Infrastructure.TestDatabase.NotUsed)]
public sealed class SearchTextTests
{
    // Tokenize

    [TestMethod]
    public void Tokenize_lower_cases_and_splits_on_spaces_and_punctuation()
    {
        var tokens = SearchText.Tokenize("Trygghetslarm i Hemtjänsten: Äldreomsorgen, 2024!");
        CollectionAssert.AreEqual(
            new[] { "trygghetslarm", "i", "hemtjänsten", "äldreomsorgen", "2024" },
            tokens.ToArray());
    }

    [TestMethod]
    public void Tokenize_splits_on_hyphens()
    {
        CollectionAssert.AreEqual(
            new[] { "e", "hälsa", "vård", "och", "omsorg" },
            SearchText.Tokenize("E-hälsa, vård- och omsorg").ToArray());
    }

    [TestMethod]
    public void Tokenize_ignores_emoji_and_punctuation()
    {
        CollectionAssert.AreEqual(
            new[] { "digitala", "larm", "fungerar" },
            SearchText.Tokenize("🚨 Digitala larm 👵🏻 fungerar!!! ✅ — «…» ???").ToArray());
    }

    [TestMethod]
    public void Tokenize_treats_emoji_between_letters_as_a_separator()
    {
        CollectionAssert.AreEqual(new[] { "larm", "omsorg" }, SearchText.Tokenize("larm😀omsorg").ToArray());
    }

    [TestMethod]
    public void Tokenize_lower_cases_swedish_capitals()
    {
        CollectionAssert.AreEqual(new[] { "åtgärd", "ökad", "äldre" }, SearchText.Tokenize("ÅTGÄRD ÖKAD ÄLDRE").ToArray());
    }

    [TestMethod]
    public void Tokenize_composes_decomposed_letters()
    {
        // "a" followed by a combining diaeresis is the letter "ä", not a word break.
        CollectionAssert.AreEqual(new[] { "äldre" }, SearchText.Tokenize("a\u0308ldre").ToArray());
    }

    [TestMethod]
    public void Tokenize_ignores_tokens_longer_than_sixty_characters()
    {
        var sixty = new string('a', 60);
        var sixtyOne = new string('b', 61);
        CollectionAssert.AreEqual(
            new[] { "larm", sixty, "omsorg" },
            SearchText.Tokenize($"larm {sixty} {sixtyOne} omsorg").ToArray());
    }

    [TestMethod]
    public void Tokenize_returns_nothing_for_empty_or_punctuation_only_text()
    {
        Assert.IsEmpty(SearchText.Tokenize(""));
        Assert.IsEmpty(SearchText.Tokenize(null));
        Assert.IsEmpty(SearchText.Tokenize(" ,.-!? 🙂 "));
    }

    [TestMethod]
    public void Tokenize_handles_ten_thousand_characters()
    {
        var text = string.Concat(Enumerable.Repeat("Trygghetslarm i hemtjänsten! ", 345))[..10_000];
        var tokens = SearchText.Tokenize(text);
        Assert.HasCount(3 * 345, tokens);
    }

    [TestMethod]
    public void Tokenize_ignores_a_single_ten_thousand_character_word()
    {
        Assert.IsEmpty(SearchText.Tokenize(new string('x', 10_000)));
    }

    // Fold

    [TestMethod]
    [DataRow("äldreomsorg", "aldreomsorg")]
    [DataRow("hemtjänst", "hemtjanst")]
    [DataRow("åtgärd", "atgard")]
    [DataRow("över", "over")]
    [DataRow("idé", "ide")]
    [DataRow("müsli", "musli")]
    [DataRow("façade", "facade")]
    [DataRow("naïv", "naiv")]
    [DataRow("smørrebrød", "smorrebrod")]
    [DataRow("larm", "larm")]
    [DataRow("2024", "2024")]
    [DataRow("", "")]
    public void Fold_removes_diacritics(string word, string expected)
    {
        Assert.AreEqual(expected, SearchText.Fold(word));
    }

    [TestMethod]
    public void Folded_query_matches_folded_content()
    {
        Assert.AreEqual(SearchText.Fold("äldreomsorg"), SearchText.Fold("aldreomsorg"));
    }

    // Levenshtein

    [TestMethod]
    [DataRow("trygghetslram", "trygghetslarm", 1)] // adjacent transposition
    [DataRow("trygghetslarm", "trygghetslarm", 0)]
    [DataRow("hemtjanst", "hemtjänst", 1)]          // substitution
    [DataRow("hemtjänst", "hemtjänsten", 2)]        // insertions
    [DataRow("äldreomsorg", "äldromsorg", 1)]       // deletion
    [DataRow("kommun", "kommnu", 1)]                // transposition at the end
    [DataRow("larm", "lram", 1)]
    [DataRow("omsorg", "omosrg", 1)]                // transposition in the middle
    [DataRow("ab", "ba", 1)]
    [DataRow("ca", "abc", 3)]                       // optimal string alignment: no edit of a transposed pair
    [DataRow("", "larm", 4)]
    [DataRow("larm", "", 4)]
    [DataRow("", "", 0)]
    public void Levenshtein_counts_edits_with_transpositions_as_one(string a, string b, int expected)
    {
        Assert.AreEqual(expected, SearchText.Levenshtein(a, b, 10));
        Assert.AreEqual(expected, SearchText.Levenshtein(b, a, 10));
    }

    [TestMethod]
    public void Levenshtein_returns_max_plus_one_when_the_distance_exceeds_max()
    {
        Assert.AreEqual(3, SearchText.Levenshtein("äldreomsorg", "hemtjänst", 2));
        Assert.AreEqual(2, SearchText.Levenshtein("larm", "larmen", 1));
        Assert.AreEqual(1, SearchText.Levenshtein("larm", "lärm", 0));
        Assert.AreEqual(0, SearchText.Levenshtein("larm", "larm", 0));
    }

    [TestMethod]
    public void Levenshtein_is_exact_at_the_bound()
    {
        Assert.AreEqual(2, SearchText.Levenshtein("hemtjänst", "hemtjänsten", 2));
        Assert.AreEqual(1, SearchText.Levenshtein("trygghetslram", "trygghetslarm", 1));
        Assert.AreEqual(3, SearchText.Levenshtein("kitten", "sitting", 3));
        Assert.AreEqual(3, SearchText.Levenshtein("kitten", "sitting", int.MaxValue));
    }

    [TestMethod]
    public void Levenshtein_rejects_a_negative_bound_and_null()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => SearchText.Levenshtein("a", "b", -1));
        Assert.ThrowsExactly<ArgumentNullException>(() => SearchText.Levenshtein(null!, "b", 1));
        Assert.ThrowsExactly<ArgumentNullException>(() => SearchText.Levenshtein("a", null!, 1));
    }

    [TestMethod]
    public void Levenshtein_handles_ten_thousand_characters()
    {
        var a = string.Concat(Enumerable.Repeat("trygghetslarm ", 715))[..10_000];
        var b = "x" + a[1..5000] + "z" + a[5001..]; // two substitutions (a[5000] is "y")
        var completelyDifferent = new string('ö', 10_000);
        Assert.AreEqual(0, SearchText.Levenshtein(a, a, 2));
        Assert.AreEqual(2, SearchText.Levenshtein(a, b, 2));
        Assert.AreEqual(3, SearchText.Levenshtein(a, completelyDifferent, 2));
        Assert.AreEqual(3, SearchText.Levenshtein(a, a[..9_000], 2));
    }

    [TestMethod]
    public void Levenshtein_agrees_with_a_full_matrix_computation_for_every_bound()
    {
        string[] words = ["trygghetslarm", "trygghetslram", "larm", "larmen", "hemtjänst", "hemtjanst", "kommun", "kommnu", "", "ab", "ba", "abc", "ca", "äldreomsorg", "aldreomsrog", "omsorg", "omosrg"];
        foreach (var a in words)
        {
            foreach (var b in words)
            {
                var exact = ReferenceDistance(a, b);
                for (var max = 0; max <= 14; max++)
                {
                    var expected = exact <= max ? exact : max + 1;
                    Assert.AreEqual(expected, SearchText.Levenshtein(a, b, max), $"{a} / {b} / {max}");
                }
            }
        }
    }

    /// <summary>Plain full-matrix optimal string alignment distance, without band or early exit.</summary>
    private static int ReferenceDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }
}
