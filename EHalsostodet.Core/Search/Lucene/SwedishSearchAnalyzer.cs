using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using EHalsostodet.Core.Search.Text;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Tartarus.Snowball.Ext;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace EHalsostodet.Core.Search.Lucene;

/// <summary>
/// How the index and queries see Swedish text: words in lower case, compounds also as their
/// parts, each word stemmed (<see cref="SwedishStemming"/>: larmet, larmen → larm) and folded
/// without diacritics (läkemedel → lakemedel), so a query typed without å, ä, ö finds the same
/// as one typed with them.
/// </summary>
public sealed class SwedishSearchAnalyzer(CompoundSplitter compounds) : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Words longer than this are not indexed (hashes, base64, run-on garbage).</summary>
    public const int MaxTokenLength = 60;

    /// <summary>The text's words, as every Swedish field splits it.</summary>
    public static Tokenizer Words(TextReader reader) => new StandardTokenizer(Version, reader) { MaxTokenLength = MaxTokenLength };

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = Words(reader);
        return new TokenStreamComponents(source, new SwedishTermFilter(new LowerCaseFilter(Version, source), compounds));
    }
}

/// <summary>The words as written, in lower case: the vocabulary "Menade du …?" corrects spelling to.</summary>
public sealed class SpellingAnalyzer : Analyzer
{
    public const int MinLength = 3;

    public const int MaxLength = 30;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(SwedishSearchAnalyzer.Version, reader) { MaxTokenLength = MaxLength };
        var stream = new LengthFilter(SwedishSearchAnalyzer.Version, new LowerCaseFilter(SwedishSearchAnalyzer.Version, source), MinLength, MaxLength);
        return new TokenStreamComponents(source, stream);
    }
}

/// <summary>
/// Each lower-case word as its index term (stemmed and folded) and, for a compound, the terms of
/// its parts after it at the same position (position increment 0) and with the word's offsets,
/// so a highlight marks the whole word. A text repeats its words, so what a word became is
/// remembered, once for all threads (a rebuild analyses on several).
/// </summary>
internal sealed class SwedishTermFilter : TokenFilter
{
    private const int MaxRemembered = 100_000;

    private static readonly ConcurrentDictionary<string, string[]> Remembered = new(StringComparer.Ordinal);
    private static int rememberedCount;

    private readonly CompoundSplitter compounds;
    private readonly ICharTermAttribute term;
    private readonly IPositionIncrementAttribute position;
    private string[]? pending;
    private int next;
    private State? wordState;

    public SwedishTermFilter(TokenStream input, CompoundSplitter compounds) : base(input)
    {
        this.compounds = compounds;
        term = AddAttribute<ICharTermAttribute>();
        position = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (pending is not null && next < pending.Length)
        {
            RestoreState(wordState);
            term.SetEmpty().Append(pending[next++]);
            position.PositionIncrement = 0;
            return true;
        }
        if (!m_input.IncrementToken())
        {
            return false;
        }
        pending = Terms(term.Buffer.AsSpan(0, term.Length));
        term.SetEmpty().Append(pending[0]);
        next = 1;
        if (pending.Length > 1)
        {
            wordState = CaptureState();
        }
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        pending = null;
        wordState = null;
    }

    /// <summary>The word's term first, then its parts' terms.</summary>
    private string[] Terms(ReadOnlySpan<char> word)
    {
        if (Remembered.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var terms))
        {
            return terms;
        }
        var text = word.ToString();
        terms = [Term(text), .. compounds.Split(text).Select(Term).Where(t => t.Length > 0).Distinct()];
        // A dictionary's count locks all of it: keep one of our own.
        if (Interlocked.Increment(ref rememberedCount) > MaxRemembered)
        {
            Remembered.Clear();
            Interlocked.Exchange(ref rememberedCount, 0);
        }
        Remembered[text] = terms;
        return terms;
    }

    private static string Term(string word) => SearchText.Fold(SwedishStemming.Stem(word));
}

/// <summary>
/// Swedish stemming for search: Snowball's Swedish stemmer, run twice so stacked endings go
/// (kameran → kamera → kamer; automaten → automat → autom), with the definite neuter ending it
/// leaves (larmet, mötet, systemet) removed, and nouns in -or kept whole in every form (sensor,
/// sensorn, sensorerna), which it would cut to "sens". Stems are not words; they only have to
/// be the same for the forms of a word.
/// </summary>
public static class SwedishStemming
{
    private static readonly string[] KeptWords =
        ["sensor", "motor", "faktor", "sektor", "doktor", "monitor", "indikator", "koordinator", "processor", "traktor",
         "vektor", "kontor", "humor", "major", "operator", "mentor", "revisor", "professor", "detektor", "ackumulator"];

    private static readonly string[] KeptEndings = ["", "n", "ns", "s", "er", "erna", "ernas", "ers", "ens"];

    [ThreadStatic]
    private static SwedishStemmer? snowball;

    public static string Stem(string word)
    {
        foreach (var kept in KeptWords)
        {
            foreach (var ending in KeptEndings)
            {
                if (word.Length >= kept.Length + ending.Length && word.EndsWith(ending, StringComparison.Ordinal) &&
                    word.AsSpan(0, word.Length - ending.Length).EndsWith(kept, StringComparison.Ordinal))
                {
                    return word[..^ending.Length];
                }
            }
        }
        var stem = word;
        if (stem.Length >= 6 && stem.EndsWith("an", StringComparison.Ordinal) && !IsVowel(stem[^3]))
        {
            stem = stem[..^1];
        }
        stem = Snowball(stem);
        if (stem.Length >= 5 && stem.EndsWith("et", StringComparison.Ordinal))
        {
            stem = stem[..^2];
        }
        else if (stem.Length >= 6 && stem.EndsWith("alt", StringComparison.Ordinal))
        {
            stem = stem[..^1];
        }
        var again = Snowball(stem);
        return again.Length >= 3 ? again : stem;
    }

    private static bool IsVowel(char c) => "aeiouyåäöé".Contains(c, StringComparison.Ordinal);

    private static string Snowball(string word)
    {
        snowball ??= new SwedishStemmer();
        snowball.SetCurrent(word);
        snowball.Stem();
        return snowball.Current;
    }
}
