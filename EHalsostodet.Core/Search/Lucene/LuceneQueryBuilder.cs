using EHalsostodet.Core.Search.Query;
using EHalsostodet.Core.Search.Text;
using EHalsostodet.Core.Search.Tuning;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Spans;
using LuceneQuery = Lucene.Net.Search.Query;
using LuceneTerm = Lucene.Net.Index.Term;
using QueryTerm = EHalsostodet.Core.Search.Query.Term;

namespace EHalsostodet.Core.Search.Lucene;

/// <summary>
/// Turns a parsed query into a Lucene query. Each word is searched in the title, tags, card
/// text and body, weighted in that order; as itself and its editors' synonyms; and a compound
/// also as all of its parts together (läkemedelsrobot: läkemedel and robot, or its synonym
/// automat), ranked below the whole word. Quotes are phrases, a trailing * a prefix, and two or
/// more words rank higher where they stand close together.
/// </summary>
/// <remarks>
/// Given the <paramref name="reader"/> the query will run on, a compound is searched by its parts
/// only while the whole word (or a synonym) finds fewer than <see cref="PartsBelow"/> items: the
/// parts are for what the whole word misses, and once it finds that many, items that merely have
/// the parts somewhere in their text would rank below all of them and make the search costly.
/// Without a reader the parts are always searched.
/// </remarks>
internal sealed class LuceneQueryBuilder(SearchTuning tuning, IndexReader? reader = null, IReadOnlyCollection<string>? onlyFields = null)
{
    /// <summary>How many items the whole word must find for its parts to be left out.</summary>
    public const int PartsBelow = 100;

    private static readonly (string Field, float Boost)[] AllFields =
        [(IndexFields.Title, 10f), (IndexFields.Tags, 6f), (IndexFields.Teaser, 4f), (IndexFields.Body, 1f)];

    private readonly (string Field, float Boost)[] fields = onlyFields is null ? AllFields : AllFields.Where(f => onlyFields.Contains(f.Field)).ToArray();

    private const float SynonymWeight = 0.7f;
    private const float PartsWeight = 0.5f;

    public LuceneQuery? Build(SearchNode node) => node switch
    {
        QueryTerm { IsPrefix: true } term => Prefix(term.Text),
        QueryTerm term => Word(term.Text),
        Phrase phrase when phrase.Terms.Any(t => t.IsPrefix) => PhraseWithPrefixes(phrase),
        Phrase phrase => PhraseOf(phrase.Terms.Select(t => t.Text), slop: 0),
        And and => All(and),
        Or or => Any(or),
        Not not => Build(not.Inner),
        _ => null,
    };

    /// <summary>The terms a snippet marks: every word, part and synonym of the query's positive words.</summary>
    public IEnumerable<string> HighlightTerms(SearchNode? node) => node switch
    {
        QueryTerm { IsPrefix: false } term => Analyze(term.Text).Positions.SelectMany(p => Variants(p.Whole).SelectMany(v => v).Concat(p.Parts)),
        Phrase phrase => phrase.Terms.SelectMany(t => Analyze(t.Text).Terms),
        And and => and.Children.SelectMany(HighlightTerms),
        Or or => or.Children.SelectMany(HighlightTerms),
        _ => [],
    };

    /// <summary>The prefixes a snippet marks.</summary>
    public static IEnumerable<string> HighlightPrefixes(SearchNode? node) => node switch
    {
        QueryTerm { IsPrefix: true } term => PrefixTerms(term.Text),
        Phrase phrase => phrase.Terms.Where(t => t.IsPrefix).SelectMany(t => PrefixTerms(t.Text)),
        And and => and.Children.SelectMany(HighlightPrefixes),
        Or or => or.Children.SelectMany(HighlightPrefixes),
        _ => [],
    };

    /// <summary>Whether a word can match anything in the index: its term, a synonym, or all of its parts.</summary>
    public bool Occurs(IndexReader index, string word)
    {
        var analyzed = Analyze(word);
        if (analyzed.Positions.Count == 0)
        {
            return false;
        }
        return analyzed.Positions.All(p =>
            Variants(p.Whole).Any(v => v.All(t => DocFreq(index, t) > 0)) ||
            (p.Parts.Count >= 2 && p.Parts.All(part => Variants(part).Any(v => v.All(t => DocFreq(index, t) > 0)))));
    }

    /// <summary>Whether the term or one of its one-word synonyms is in at least <see cref="PartsBelow"/> items, in some field.</summary>
    private bool FoundByItself(string term) => reader is not null &&
        Variants(term).Where(v => v.Count == 1).Any(v => DocFreq(reader, v[0]) >= PartsBelow);

    /// <summary>In how many items the term is, in the field that has it most.</summary>
    private int DocFreq(IndexReader index, string term) =>
        fields.Select(f => index.DocFreq(new LuceneTerm(f.Field, term))).DefaultIfEmpty().Max();

    private static AnalyzedWord Analyze(string text) => AnalyzedWord.Of(SearchIndexes.Analyzer, IndexFields.Body, text);

    /// <summary>The term itself and its synonyms, each as a sequence of terms.</summary>
    private IEnumerable<IReadOnlyList<string>> Variants(string term) => tuning.SynonymsOf(term).Prepend([term]);

    private LuceneQuery? Word(string text)
    {
        var analyzed = Analyze(text);
        if (analyzed.Positions.Count == 0)
        {
            return null;
        }
        if (analyzed.Positions.Count > 1)
        {
            // A word the tokenizer splits (e-tjänst, 24/7) is a phrase of its pieces.
            return Fielded(f => PhraseQueryOf(f, analyzed.Positions.Select(p => p.Whole).ToList(), 0));
        }
        var position = analyzed.Positions[0];
        var whole = Term(position.Whole);
        if (position.Parts.Count < 2 || FoundByItself(position.Whole))
        {
            return whole;
        }
        var parts = new BooleanQuery { Boost = PartsWeight };
        foreach (var part in position.Parts)
        {
            parts.Add(Term(part), Occur.MUST);
        }
        return new BooleanQuery { { whole, Occur.SHOULD }, { parts, Occur.SHOULD } };
    }

    /// <summary>A term and its synonyms in every field.</summary>
    private LuceneQuery Term(string term) => Terms([term]);

    /// <summary>A term or a phrase of terms, and its synonyms, in every field; the best of them counting most.</summary>
    private LuceneQuery Terms(IReadOnlyList<string> terms)
    {
        var variants = tuning.SynonymsOf(string.Join(' ', terms)).Prepend(terms).ToList();
        if (variants.Count == 1)
        {
            return Fielded(f => Clause(f, terms));
        }
        var best = new DisjunctionMaxQuery(0.1f);
        foreach (var (variant, index) in variants.Select((v, i) => (v, i)))
        {
            var clause = Fielded(f => Clause(f, variant));
            clause.Boost = index == 0 ? 1f : SynonymWeight;
            best.Add(clause);
        }
        return best;
    }

    private static LuceneQuery Clause(string field, IReadOnlyList<string> terms) =>
        terms.Count == 1 ? new TermQuery(new LuceneTerm(field, terms[0])) : PhraseQueryOf(field, terms, 0);

    /// <summary>
    /// The typed start of a word, as typed and as its stem, since the index holds stems:
    /// <c>kamera*</c> finds kameror (stem kam…), <c>tryggh*</c> finds trygghetslarm.
    /// </summary>
    private LuceneQuery? Prefix(string text)
    {
        var prefixes = PrefixTerms(text);
        if (prefixes.Count == 0)
        {
            return null;
        }
        return Fielded(f =>
        {
            var any = new BooleanQuery();
            foreach (var prefix in prefixes)
            {
                any.Add(new PrefixQuery(new LuceneTerm(f, prefix)), Occur.SHOULD);
            }
            return any;
        });
    }

    private static List<string> PrefixTerms(string text)
    {
        var typed = SearchText.Fold(text.ToLowerInvariant());
        if (typed.Length == 0 || !typed.All(char.IsLetterOrDigit))
        {
            return [];
        }
        var stem = Analyze(text).Positions is [var only] ? only.Whole : typed;
        return stem.Length > 0 && stem != typed && typed.StartsWith(stem, StringComparison.Ordinal) ? [stem] : [typed];
    }

    /// <summary>A phrase with a word typed as a prefix ("digital dok*"): the words in order, next to each other.</summary>
    private LuceneQuery? PhraseWithPrefixes(Phrase phrase)
    {
        var parts = new List<(string Text, bool IsPrefix)>();
        foreach (var term in phrase.Terms)
        {
            if (term.IsPrefix)
            {
                parts.AddRange(PrefixTerms(term.Text).Take(1).Select(p => (p, true)));
            }
            else
            {
                parts.AddRange(Analyze(term.Text).Positions.Select(p => (p.Whole, false)));
            }
        }
        if (parts.Count == 0)
        {
            return null;
        }
        return Fielded(f => new SpanNearQuery(parts.Select(p => p.IsPrefix
            ? (SpanQuery)new SpanMultiTermQueryWrapper<PrefixQuery>(new PrefixQuery(new LuceneTerm(f, p.Text)))
            : new SpanTermQuery(new LuceneTerm(f, p.Text))).ToArray(), 0, true));
    }

    private LuceneQuery? PhraseOf(IEnumerable<string> words, int slop)
    {
        var terms = words.SelectMany(w => Analyze(w).Positions.Select(p => p.Whole)).ToList();
        return terms.Count switch
        {
            0 => null,
            1 => Fielded(f => new TermQuery(new LuceneTerm(f, terms[0]))),
            _ => Fielded(f => PhraseQueryOf(f, terms, slop)),
        };
    }

    /// <summary>The terms in a row (or within <paramref name="slop"/>); two in a row in the body are one word pair.</summary>
    private static LuceneQuery PhraseQueryOf(string field, IReadOnlyList<string> terms, int slop)
    {
        if (field == IndexFields.Body && slop == 0 && terms.Count == 2)
        {
            return new TermQuery(new LuceneTerm(IndexFields.BodyPairs, terms[0] + " " + terms[1]));
        }
        var phrase = new PhraseQuery { Slop = slop };
        foreach (var term in terms)
        {
            phrase.Add(new LuceneTerm(field, term));
        }
        return phrase;
    }

    /// <summary>
    /// The query in every field, each weighted, the scores added up. A disjunction-max query
    /// (the best field's score and a tenth of the others') ranks much the same, but Lucene scores
    /// it for every match in every field as it walks them: for a word or prefix in most items that
    /// took twice the CPU time (<c>digi*</c> at 100,000 stories 15.7 → 7.4 ms).
    /// </summary>
    private BooleanQuery Fielded(Func<string, LuceneQuery> query)
    {
        var any = new BooleanQuery(disableCoord: true);
        foreach (var (field, boost) in fields)
        {
            var clause = query(field);
            clause.Boost = boost;
            any.Add(clause, Occur.SHOULD);
        }
        return any;
    }

    private LuceneQuery? All(And and)
    {
        var query = new BooleanQuery();
        var positive = 0;
        var children = and.Children;
        for (var i = 0; i < children.Count; i++)
        {
            // Words in a row that an editor made a synonym phrase of (ekonomiskt bistånd) are searched as that phrase or its synonyms.
            if (SynonymPhraseAt(children, i) is { } phrase)
            {
                query.Add(Terms(phrase.Terms), Occur.MUST);
                positive++;
                i += phrase.Words - 1;
                continue;
            }
            var child = children[i];
            if (Build(child) is not { } clause)
            {
                continue;
            }
            var excluded = child is Not;
            query.Add(clause, excluded ? Occur.MUST_NOT : Occur.MUST);
            positive += excluded ? 0 : 1;
        }
        if (positive == 0)
        {
            return null;
        }
        // Words that stand close together, in the title above all, rank higher.
        var words = and.Children.OfType<QueryTerm>().Where(t => !t.IsPrefix).Select(t => t.Text).ToList();
        if (words.Count >= 2 && PhraseOf(words, slop: 3) is { } near)
        {
            near.Boost = 2f;
            query.Add(near, Occur.SHOULD);
        }
        return query;
    }

    /// <summary>The longest run of plain words from <paramref name="start"/> whose terms are a synonym phrase.</summary>
    private (IReadOnlyList<string> Terms, int Words)? SynonymPhraseAt(IReadOnlyList<SearchNode> children, int start)
    {
        for (var words = Math.Min(tuning.LongestPhrase, children.Count - start); words >= 2; words--)
        {
            var run = children.Skip(start).Take(words).ToList();
            if (!run.All(c => c is QueryTerm { IsPrefix: false }))
            {
                continue;
            }
            var terms = run.Cast<QueryTerm>().SelectMany(t => Analyze(t.Text).Positions.Select(p => p.Whole)).ToList();
            if (tuning.SynonymsOf(string.Join(' ', terms)).Count > 0)
            {
                return (terms, words);
            }
        }
        return null;
    }

    private LuceneQuery? Any(Or or)
    {
        var query = new BooleanQuery { MinimumNumberShouldMatch = 1 };
        foreach (var clause in or.Children.Select(Build).OfType<LuceneQuery>())
        {
            query.Add(clause, Occur.SHOULD);
        }
        return query.Clauses.Count == 0 ? null : query;
    }
}
