using System.Net;
using System.Text;
using EHalsostodet.Core.Search.Text;

namespace EHalsostodet.Core.Search;

/// <summary>
/// Picks the passage of a text that best matches the query and marks the matching words.
/// Works on the original text, so the snippet reads as written whatever the engine stores.
/// </summary>
public static class SnippetBuilder
{
    public const int MaxLength = 240;

    /// <returns>Safe HTML: the text encoded, matching words in &lt;mark&gt;.</returns>
    public static string Build(string text, IReadOnlyCollection<string> queryStems, IReadOnlyCollection<string> prefixes)
    {
        var sentences = text.Split(['.', '!', '?', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(s => s.Length > 0).ToList();
        if (sentences.Count == 0)
        {
            return "";
        }
        var best = sentences
            .Select((s, i) => (Sentence: s, Index: i, Score: SearchText.Tokenize(s).Count(w => Matches(w, queryStems, prefixes))))
            .OrderByDescending(s => s.Score).ThenBy(s => s.Index).First();
        var passage = best.Sentence.Length > MaxLength ? Cut(best.Sentence) : best.Sentence;
        return Mark(passage, queryStems, prefixes) + (passage.Length < best.Sentence.Length ? " …" : ".");
    }

    private static bool Matches(string word, IReadOnlyCollection<string> stems, IReadOnlyCollection<string> prefixes)
    {
        var stem = SwedishStemmer.Stem(word);
        var folded = SearchText.Fold(stem);
        return stems.Contains(stem) || stems.Contains(folded) || prefixes.Any(p => word.StartsWith(p, StringComparison.Ordinal) || SearchText.Fold(word).StartsWith(p, StringComparison.Ordinal));
    }

    private static string Cut(string sentence)
    {
        var cut = sentence.LastIndexOf(' ', MaxLength);
        return sentence[..(cut > MaxLength / 2 ? cut : MaxLength)];
    }

    private static string Mark(string passage, IReadOnlyCollection<string> stems, IReadOnlyCollection<string> prefixes)
    {
        var html = new StringBuilder();
        var word = new StringBuilder();
        void Flush()
        {
            if (word.Length == 0)
            {
                return;
            }
            var text = word.ToString();
            var encoded = WebUtility.HtmlEncode(text);
            html.Append(Matches(text.ToLowerInvariant(), stems, prefixes) ? $"<mark>{encoded}</mark>" : encoded);
            word.Clear();
        }
        foreach (var c in passage)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
            else
            {
                Flush();
                html.Append(WebUtility.HtmlEncode(c.ToString()));
            }
        }
        Flush();
        return html.ToString();
    }
}
