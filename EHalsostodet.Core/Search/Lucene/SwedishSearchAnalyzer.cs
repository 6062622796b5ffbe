using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Tartarus.Snowball.Ext;
using Lucene.Net.Util;

namespace EHalsostodet.Core.Search.Lucene;

/// <summary>
/// How the index and queries see Swedish text: words in lower case, compounds also as their
/// parts, each word stemmed (Snowball's Swedish stemmer: larmen → larm, kommunernas → kommun)
/// and folded without diacritics (läkemedel → lakemedel), so a query typed without å, ä, ö
/// finds the same as one typed with them.
/// </summary>
public sealed class SwedishSearchAnalyzer(CompoundSplitter compounds) : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Words longer than this are not indexed (hashes, base64, run-on garbage).</summary>
    public const int MaxTokenLength = 60;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader) { MaxTokenLength = MaxTokenLength };
        TokenStream stream = new LowerCaseFilter(Version, source);
        stream = new CompoundPartFilter(stream, compounds);
        stream = new SnowballFilter(stream, new SwedishStemmer());
        stream = new ASCIIFoldingFilter(stream);
        return new TokenStreamComponents(source, stream);
    }
}

/// <summary>The words as written, in lower case: the vocabulary "Menade du …?" corrects spelling to.</summary>
public sealed class SpellingAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(SwedishSearchAnalyzer.Version, reader) { MaxTokenLength = 30 };
        var stream = new LengthFilter(SwedishSearchAnalyzer.Version, new LowerCaseFilter(SwedishSearchAnalyzer.Version, source), 3, 30);
        return new TokenStreamComponents(source, stream);
    }
}

/// <summary>
/// After each compound word, its parts at the same position (position increment 0) and with the
/// word's offsets, so a highlight marks the whole word.
/// </summary>
internal sealed class CompoundPartFilter : TokenFilter
{
    private readonly CompoundSplitter compounds;
    private readonly SwedishStemmer stemmer = new();
    private readonly ICharTermAttribute term;
    private readonly IPositionIncrementAttribute position;
    private readonly Queue<string> parts = new();
    private State? wordState;

    public CompoundPartFilter(TokenStream input, CompoundSplitter compounds) : base(input)
    {
        this.compounds = compounds;
        term = AddAttribute<ICharTermAttribute>();
        position = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (parts.Count > 0)
        {
            RestoreState(wordState);
            term.SetEmpty().Append(parts.Dequeue());
            position.PositionIncrement = 0;
            return true;
        }
        if (!m_input.IncrementToken())
        {
            return false;
        }
        foreach (var part in compounds.Split(term.ToString(), stemmer))
        {
            parts.Enqueue(part);
        }
        if (parts.Count > 0)
        {
            wordState = CaptureState();
        }
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        parts.Clear();
        wordState = null;
    }
}
