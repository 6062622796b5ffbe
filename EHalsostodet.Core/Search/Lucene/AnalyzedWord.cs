using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace EHalsostodet.Core.Search.Lucene;

/// <summary>
/// A typed word as the index sees it: one position per word the tokenizer finds in it (usually
/// one), each with the whole word's term and, for a compound, the terms of its parts.
/// </summary>
public sealed record AnalyzedWord(IReadOnlyList<AnalyzedPosition> Positions)
{
    public static AnalyzedWord Of(Analyzer analyzer, string field, string text)
    {
        var positions = new List<AnalyzedPosition>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        string? whole = null;
        var parts = new List<string>();
        while (stream.IncrementToken())
        {
            if (increment.PositionIncrement > 0 || whole is null)
            {
                if (whole is not null)
                {
                    positions.Add(new AnalyzedPosition(whole, parts.Distinct().ToList()));
                }
                whole = term.ToString();
                parts = [];
            }
            else
            {
                parts.Add(term.ToString());
            }
        }
        if (whole is not null)
        {
            positions.Add(new AnalyzedPosition(whole, parts.Distinct().ToList()));
        }
        stream.End();
        return new AnalyzedWord(positions);
    }

    /// <summary>Every term of the word: wholes and parts.</summary>
    public IEnumerable<string> Terms => Positions.SelectMany(p => p.Parts.Prepend(p.Whole));
}

/// <param name="Whole">The word's term (stemmed, folded).</param>
/// <param name="Parts">The terms of its parts when it is a compound, else empty.</param>
public sealed record AnalyzedPosition(string Whole, IReadOnlyList<string> Parts);
