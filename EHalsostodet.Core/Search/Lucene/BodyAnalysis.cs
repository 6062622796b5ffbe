using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.TokenAttributes;

namespace EHalsostodet.Core.Search.Lucene;

/// <summary>
/// An item's body analysed once for three fields, which is most of the work of building the index.
/// Its Swedish terms go to the body field and are recorded on the way, as are its words in lower
/// case before stemming; the word-pairs field and the body's part of the spelling field are made
/// from that record. Lucene inverts a document's fields in the order of their names (body,
/// body_pairs, spelling), so the record is complete when they read it; should it not be, they
/// analyse the text themselves.
/// </summary>
internal sealed class BodyAnalysis(string text, CompoundSplitter compounds)
{
    private readonly RecordedTokens written = new();
    private readonly RecordedTokens terms = new();
    private bool complete;

    /// <summary>The body field's terms (<see cref="SwedishSearchAnalyzer"/>), recorded as they pass.</summary>
    public TokenStream Terms()
    {
        var words = SwedishSearchAnalyzer.Words(new StringReader(text));
        TokenStream stream = new Recorder(new LowerCaseFilter(SwedishSearchAnalyzer.Version, words), written, () => { });
        return new Recorder(new SwedishTermFilter(stream, compounds), terms, () => complete = true);
    }

    /// <summary>
    /// Each two words that follow each other as one term, their terms with a space between
    /// (<c>forandr arbetssatt</c>), as Elasticsearch's <c>index_phrases</c>: a two-word phrase is then
    /// one term's list of items instead of the positions of two words that are in nearly every item.
    /// A compound's parts (at the word's own position) are not paired, and a gap (a word too long to
    /// index) breaks the chain, so a pair exists exactly where the two-word phrase matches.
    /// </summary>
    public TokenStream Pairs() => new Replay(this, terms, (tokens, i, previous) =>
        tokens.Increment(i) == 1 && previous >= 0 ? previous : (int?)null);

    /// <summary>The words as written (<see cref="SpellingAnalyzer"/>).</summary>
    public TokenStream Spelling() => new Replay(this, written, (tokens, i, _) =>
        tokens.Length(i) is >= SpellingAnalyzer.MinLength and <= SpellingAnalyzer.MaxLength ? -1 : (int?)null);

    private void EnsureRecorded()
    {
        if (complete)
        {
            return;
        }
        using var stream = Terms();
        stream.Reset();
        while (stream.IncrementToken())
        {
        }
        stream.End();
    }

    /// <summary>The tokens of one stage of the analysis: their characters end to end, with where each starts and its position increment.</summary>
    private sealed class RecordedTokens
    {
        private char[] chars = new char[4096];
        private int[] starts = new int[512];
        private int[] increments = new int[512];
        private int used;

        public int Count { get; private set; }

        public void Clear() => (used, Count) = (0, 0);

        public void Add(char[] buffer, int length, int increment)
        {
            if (used + length > chars.Length)
            {
                Array.Resize(ref chars, Math.Max(chars.Length * 2, used + length));
            }
            if (Count + 1 >= starts.Length)
            {
                Array.Resize(ref starts, starts.Length * 2);
                Array.Resize(ref increments, increments.Length * 2);
            }
            Array.Copy(buffer, 0, chars, used, length);
            starts[Count] = used;
            increments[Count] = increment;
            used += length;
            Count++;
            starts[Count] = used;
        }

        public int Length(int i) => starts[i + 1] - starts[i];

        public int Increment(int i) => increments[i];

        public void CopyTo(int i, char[] buffer, int at) => Array.Copy(chars, starts[i], buffer, at, Length(i));
    }

    private sealed class Recorder : TokenFilter
    {
        private readonly RecordedTokens into;
        private readonly Action ended;
        private readonly ICharTermAttribute term;
        private readonly IPositionIncrementAttribute position;

        public Recorder(TokenStream input, RecordedTokens into, Action ended) : base(input)
        {
            this.into = into;
            this.ended = ended;
            term = AddAttribute<ICharTermAttribute>();
            position = AddAttribute<IPositionIncrementAttribute>();
        }

        public override bool IncrementToken()
        {
            if (!m_input.IncrementToken())
            {
                ended();
                return false;
            }
            into.Add(term.Buffer, term.Length, position.PositionIncrement);
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            into.Clear();
        }
    }

    /// <summary>
    /// Emits recorded tokens: for each, <c>pick</c> says whether it is emitted (null: not), and
    /// whether joined after an earlier one (that one's index) or alone (-1). Tokens at the same
    /// position as the one before (a compound's parts) are passed over.
    /// </summary>
    private sealed class Replay : TokenStream
    {
        private readonly BodyAnalysis analysis;
        private readonly RecordedTokens tokens;
        private readonly Func<RecordedTokens, int, int, int?> pick;
        private readonly ICharTermAttribute term;
        private int index;
        private int previous;

        public Replay(BodyAnalysis analysis, RecordedTokens tokens, Func<RecordedTokens, int, int, int?> pick)
        {
            this.analysis = analysis;
            this.tokens = tokens;
            this.pick = pick;
            term = AddAttribute<ICharTermAttribute>();
        }

        public override bool IncrementToken()
        {
            ClearAttributes();
            while (++index < tokens.Count)
            {
                if (tokens.Increment(index) == 0)
                {
                    continue;
                }
                var before = previous;
                previous = index;
                if (pick(tokens, index, before) is not { } joined)
                {
                    continue;
                }
                var length = tokens.Length(index);
                if (joined < 0)
                {
                    tokens.CopyTo(index, term.ResizeBuffer(length), 0);
                    term.Length = length;
                    return true;
                }
                var first = tokens.Length(joined);
                var buffer = term.ResizeBuffer(first + 1 + length);
                tokens.CopyTo(joined, buffer, 0);
                buffer[first] = ' ';
                tokens.CopyTo(index, buffer, first + 1);
                term.Length = first + 1 + length;
                return true;
            }
            return false;
        }

        public override void Reset()
        {
            base.Reset();
            analysis.EnsureRecorded();
            index = -1;
            previous = -1;
        }
    }
}
