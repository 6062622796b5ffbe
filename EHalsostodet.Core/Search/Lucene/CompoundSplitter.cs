using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using EHalsostodet.Core.Search.Text;

namespace EHalsostodet.Core.Search.Lucene;

/// <summary>
/// Splits Swedish compounds into the words they are made of, so that <c>nattkamera</c> finds a
/// text about <c>natt</c> and <c>kamera</c> and <c>läkemedelsrobot</c> one about
/// <c>läkemedelsautomater</c> (with the synonym robot/automat). A split covers the whole word
/// with known words, optionally joined by the linking <c>s</c> (trygghet-s-larm) or sharing a
/// consonant of a triple (natt + tillsyn = nattillsyn); the last part may be inflected. The
/// fewest parts win, so <c>läkemedelsautomater</c> is läkemedel + automater, not läke + medel + ….
/// </summary>
/// <remarks>
/// The known words are the embedded list <c>compound-parts.txt</c>: the words of the seed content
/// and of welfare technology, without function words. The index's schema includes the list's
/// hash, so a changed list rebuilds the index.
/// </remarks>
public sealed class CompoundSplitter
{
    private const int MinPart = 4;
    private const int MaxParts = 4;

    private readonly FrozenSet<string> words;
    private readonly FrozenSet<string> stems;

    public CompoundSplitter(IEnumerable<string> knownWords)
    {
        var list = knownWords.Select(w => w.Trim().ToLowerInvariant()).Where(w => w.Length > 0 && !w.StartsWith('#')).Distinct().ToList();
        words = list.Concat(list.Select(SearchText.Fold)).ToFrozenSet(StringComparer.Ordinal);
        stems = list.Select(w => SearchText.Fold(SwedishStemming.Stem(w))).ToFrozenSet(StringComparer.Ordinal);
        Hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', list.Order(StringComparer.Ordinal)))))[..16];
    }

    /// <summary>The splitter of the portal, with the embedded list of known words.</summary>
    public static CompoundSplitter Default { get; } = new(ReadEmbeddedList());

    /// <summary>Changes when the list of known words changes.</summary>
    public string Hash { get; }

    /// <summary>The parts of a lower-case word, or an empty list when it is not a compound of known words.</summary>
    public IReadOnlyList<string> Split(string word)
    {
        if (word.Length < 2 * MinPart || word.Any(c => !char.IsLetter(c)))
        {
            return [];
        }
        var best = Segment(word, 0, 0);
        return best is { Count: >= 2 } ? best : [];
    }

    private List<string>? Segment(string word, int start, int depth)
    {
        if (depth > 0 && IsLastPart(word[start..]))
        {
            return [word[start..]];
        }
        if (depth == MaxParts - 1)
        {
            return null;
        }
        List<string>? best = null;
        // Longest first part first: the fewest parts, and the most specific words, win.
        for (var end = word.Length - MinPart; end >= start + MinPart; end--)
        {
            var part = word[start..end];
            if (!IsFirstPart(part))
            {
                continue;
            }
            foreach (var next in NextStarts(word, end, part))
            {
                if (word.Length - next < MinPart)
                {
                    continue;
                }
                var rest = Segment(word, next, depth + 1);
                if (rest is not null && (best is null || rest.Count + 1 < best.Count))
                {
                    best = [part, .. rest];
                }
            }
            if (best is { Count: 2 })
            {
                break;
            }
        }
        return best;
    }

    private static IEnumerable<int> NextStarts(string word, int end, string part)
    {
        yield return end;
        if (word[end] == 's')
        {
            yield return end + 1;
        }
        // Three equal consonants are written as two: natt + tillsyn = nattillsyn.
        if (part.Length > 2 && part[^1] == part[^2] && word[end] != part[^1] && word[end - 1] == part[^1])
        {
            yield return end - 1;
        }
    }

    private bool IsFirstPart(string part) =>
        words.Contains(part) || stems.Contains(SearchText.Fold(part));

    private bool IsLastPart(string part) =>
        part.Length >= MinPart && (words.Contains(part) || stems.Contains(SearchText.Fold(SwedishStemming.Stem(part))));

    private static IEnumerable<string> ReadEmbeddedList()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("EHalsostodet.Core.Search.Lucene.compound-parts.txt")
            ?? throw new InvalidOperationException("compound-parts.txt saknas i EHalsostodet.Core.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }
        return lines;
    }
}
