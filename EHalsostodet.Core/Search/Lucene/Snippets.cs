using EHalsostodet.Core.Search.Query;
using EHalsostodet.Core.Search.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using LuceneTerm = Lucene.Net.Index.Term;

namespace EHalsostodet.Core.Search.Lucene;

/// <summary>
/// The snippet of a hit: the best passage of its card text and body, HTML-encoded, with the
/// query's words (their forms, compound parts, synonyms and prefixes) in &lt;mark&gt;. Lucene's
/// highlighter analyses the text it is given, so it gets a window of the text around the first
/// place the query's terms occur, not the whole story; prefixes are expanded against the index
/// once per search, not once per hit.
/// </summary>
internal sealed class Snippets
{
    public const int Length = 220;
    private const int WindowBefore = 300;
    private const int WindowAfter = 500;

    private readonly Highlighter? highlighter;
    private readonly string[] needles;
    private readonly string[] typed;

    public Snippets(LuceneQueryBuilder builder, SearchNode? node, IndexReader reader)
    {
        var terms = builder.HighlightTerms(node).Distinct().ToList();
        var prefixes = LuceneQueryBuilder.HighlightPrefixes(node).Distinct().ToList();
        // A prefix marks the words the index holds that start with it (at most 64 of them, the most frequent).
        var expanded = new List<string>();
        foreach (var prefix in prefixes)
        {
            var query = new PrefixQuery(new LuceneTerm(IndexFields.Body, prefix)) { MultiTermRewriteMethod = new MultiTermQuery.TopTermsScoringBooleanQueryRewrite(64) };
            if (query.Rewrite(reader) is BooleanQuery rewritten)
            {
                expanded.AddRange(rewritten.Clauses.Select(c => c.Query).OfType<TermQuery>().Select(q => q.Term.Text));
            }
        }
        var marked = terms.Concat(expanded).Distinct().ToArray();
        needles = [.. terms.Concat(prefixes).Where(t => t.Length >= 3).Select(t => t[..Math.Min(t.Length, 6)]).Distinct()];
        typed = [.. Words(node).Where(t => t.Length >= 3).Select(t => t[..Math.Min(t.Length, 6)]).Distinct()];
        if (marked.Length > 0)
        {
            // Which words to mark is all that matters here, not where phrases stand: the term scorer is far cheaper than the span scorer.
            var scorer = new QueryTermScorer(marked.Select(t => new WeightedTerm(1f, t)).ToArray());
            highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new MinimalHtmlEncoder(), scorer)
            {
                TextFragmenter = new SimpleFragmenter(Length),
            };
        }
    }

    private static int First(string text, string[] words, StringComparison comparison)
    {
        var first = -1;
        foreach (var word in words)
        {
            var at = text.IndexOf(word, comparison);
            if (at >= 0 && (first < 0 || at < first))
            {
                first = at;
            }
        }
        return first;
    }

    private static IEnumerable<string> Words(SearchNode? node) => node switch
    {
        Query.Term term => [term.Text],
        Phrase phrase => phrase.Terms.Select(t => t.Text),
        And and => and.Children.Where(c => c is not Not).SelectMany(Words),
        Or or => or.Children.SelectMany(Words),
        _ => [],
    };

    public string For(string text)
    {
        var window = Window(text);
        var fragment = highlighter?.GetBestFragment(SearchIndexes.Analyzer, IndexFields.Body, window);
        if (fragment is null)
        {
            var start = window.Length <= Length ? window : window[..(window.LastIndexOf(' ', Length) is > Length / 2 and var cut ? cut : Length)] + " …";
            fragment = MinimalHtmlEncoder.Encode(start);
        }
        return string.Join(' ', fragment.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>
    /// The part of the text around the first place a term's start occurs (terms are stems, folded,
    /// so their first letters stand in the folded text as written), cut at spaces.
    /// </summary>
    private string Window(string text)
    {
        if (text.Length <= WindowBefore + WindowAfter || needles.Length == 0)
        {
            return text;
        }
        // The words as typed stand in the text as written; folding the whole text is the slower way, for words typed without å, ä, ö.
        var first = First(text, typed, StringComparison.OrdinalIgnoreCase);
        if (first < 0)
        {
            var folded = SearchText.Fold(text.ToLowerInvariant());
            first = folded.Length == text.Length ? First(folded, needles, StringComparison.Ordinal) : -1;
        }
        if (first < 0)
        {
            first = 0;
        }
        var start = Math.Max(0, first - WindowBefore);
        var end = Math.Min(text.Length, first + WindowAfter);
        if (start > 0 && text.IndexOf(' ', start) is var space and >= 0 && space < first)
        {
            start = space + 1;
        }
        if (end < text.Length && text.LastIndexOf(' ', end) is var last && last > first)
        {
            end = last;
        }
        return text[start..end];
    }
}

/// <summary>HTML-encodes only what must be: &amp; &lt; &gt; and quotes, leaving å, ä, ö as they are.</summary>
internal sealed class MinimalHtmlEncoder : IEncoder
{
    public string EncodeText(string originalText) => Encode(originalText);

    public static string Encode(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);
}
