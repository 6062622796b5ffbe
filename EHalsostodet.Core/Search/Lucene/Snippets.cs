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

    public Snippets(LuceneQueryBuilder builder, SearchNode? node, IndexReader reader)
    {
        var terms = builder.HighlightTerms(node).Distinct().ToList();
        var marks = new BooleanQuery();
        foreach (var term in terms)
        {
            marks.Add(new TermQuery(new LuceneTerm(IndexFields.Body, term)), Occur.SHOULD);
        }
        var prefixes = LuceneQueryBuilder.HighlightPrefixes(node).Distinct().ToList();
        foreach (var prefix in prefixes)
        {
            var expanded = new PrefixQuery(new LuceneTerm(IndexFields.Body, prefix)) { MultiTermRewriteMethod = new MultiTermQuery.TopTermsScoringBooleanQueryRewrite(64) };
            marks.Add(expanded.Rewrite(reader), Occur.SHOULD);
        }
        needles = [.. terms.Concat(prefixes).Where(t => t.Length >= 3).Select(t => t[..Math.Min(t.Length, 6)]).Distinct()];
        if (marks.Clauses.Count > 0)
        {
            var scorer = new QueryScorer(marks, IndexFields.Body);
            highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new MinimalHtmlEncoder(), scorer)
            {
                TextFragmenter = new SimpleSpanFragmenter(scorer, Length),
            };
        }
    }

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
        var folded = SearchText.Fold(text.ToLowerInvariant());
        if (folded.Length != text.Length)
        {
            return text;
        }
        var first = needles.Select(n => folded.IndexOf(n, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
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
