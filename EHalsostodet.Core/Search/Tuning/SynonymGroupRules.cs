using System.Text.RegularExpressions;
using EHalsostodet.Core.Search.Lucene;

namespace EHalsostodet.Core.Search.Tuning;

/// <summary>A synonym group as an editor or a file wrote it, checked: its words, or why it cannot be used (in Swedish).</summary>
public sealed record ParsedSynonymGroup(IReadOnlyList<string> Words, string? Error)
{
    public bool IsValid => Error is null;

    /// <summary>The group as it is stored and shown: the words separated by a comma and a space.</summary>
    public string Text => string.Join(", ", Words);
}

/// <summary>
/// What makes a synonym group: at least two words that search sees as different, none empty,
/// each at most <see cref="MaxWordLength"/> characters and all together at most
/// <see cref="MaxLength"/>. Words are compared as the index sees them (lower case, stemmed,
/// without å, ä, ö), so "Robotar" is the same word as "robot", and a word belongs to one group only.
/// </summary>
public static partial class SynonymGroupRules
{
    public const int MaxWordLength = 100;
    public const int MaxLength = 1000;

    /// <summary>What separates the words; the same as <see cref="SearchTuning.SynonymWords"/> splits on.</summary>
    private static readonly char[] Separators = [',', ';', '\n'];

    /// <summary>Endings that the stemmer removes, to turn a query's stem back into a word that has that stem.</summary>
    private static readonly string[] Endings = ["a", "e", "en", "er", "ar", "or", "et", "ig", "ing", "are", "ande"];

    public static ParsedSynonymGroup Parse(string? text)
    {
        var trimmed = (text ?? "").Replace('\r', '\n').Trim();
        if (trimmed.Length == 0)
        {
            return Invalid("Skriv minst två ord, åtskilda med kommatecken, till exempel ”robot, automat”.");
        }
        var words = new List<string>();
        foreach (var piece in trimmed.Split(Separators))
        {
            var word = Spaces().Replace(piece, " ").Trim();
            if (CheckWord(word) is { } error)
            {
                return Invalid(error);
            }
            if (!words.Contains(word, StringComparer.OrdinalIgnoreCase))
            {
                words.Add(word);
            }
        }
        if (words.Count < 2)
        {
            return Invalid("Skriv minst två olika ord, åtskilda med kommatecken.");
        }
        if (words.Select(KeyOf).Distinct(StringComparer.Ordinal).Count() < 2)
        {
            return Invalid($"{Quoted(words)} är samma ord för sökningen, som redan hittar böjningsformer. Skriv minst två olika ord.");
        }
        var group = new ParsedSynonymGroup(words, null);
        return group.Text.Length > MaxLength
            ? Invalid($"Gruppen är för lång: {group.Text.Length} tecken. Den får vara högst {MaxLength} tecken sammanlagt.")
            : group;
    }

    /// <summary>Why a single word cannot be in a group, or null when it can.</summary>
    public static string? CheckWord(string word)
    {
        if (word.Length == 0)
        {
            return "Ett av orden är tomt. Ta bort det extra kommatecknet.";
        }
        if (word.Length > MaxWordLength)
        {
            return $"Ordet som börjar ”{word[..20]}” är för långt. Ett ord får vara högst {MaxWordLength} tecken.";
        }
        return KeyOf(word).Length == 0 ? $"”{word}” har inga bokstäver eller siffror som sökningen kan använda." : null;
    }

    /// <summary>The word as the index sees it: its terms (several for a phrase), separated by spaces.</summary>
    public static string KeyOf(string word) =>
        string.Join(' ', AnalyzedWord.Of(SearchIndexes.Analyzer, IndexFields.Body, word).Positions.Select(p => p.Whole));

    /// <summary>
    /// A word whose <see cref="KeyOf">key</see> is the given index term: the term itself when the
    /// stemmer leaves it as it is, else the term with an ending the stemmer removes again
    /// ("kamer", the stem of "kamera", is stemmed once more to "kam"; "kamera" gives "kamer").
    /// Null when there is none, or when the term is several words.
    /// </summary>
    public static string? WordFor(string term)
    {
        if (term.Length == 0 || term.Contains(' ', StringComparison.Ordinal))
        {
            return null;
        }
        return new[] { term }.Concat(Endings.Select(e => term + e)).FirstOrDefault(w => KeyOf(w) == term);
    }

    /// <summary>The other groups that already hold one of the words (as search sees them), with that word.</summary>
    public static IEnumerable<(string Word, T Group)> Conflicts<T>(IEnumerable<string> words, IEnumerable<T> others, Func<T, string> wordsOf)
    {
        var keys = others.SelectMany(g => SearchTuning.SynonymWords(wordsOf(g)).Select(w => (Key: KeyOf(w), Group: g)))
            .GroupBy(k => k.Key, StringComparer.Ordinal)
            .ToDictionary(k => k.Key, k => k.First().Group, StringComparer.Ordinal);
        foreach (var word in words)
        {
            if (keys.TryGetValue(KeyOf(word), out var group))
            {
                yield return (word, group);
            }
        }
    }

    public static string ConflictMessage(string word, string otherGroup) =>
        $"”{word}” finns redan i gruppen ”{otherGroup}”. Ett ord kan bara finnas i en grupp: ändra den gruppen i stället.";

    private static string Quoted(IReadOnlyList<string> words) =>
        words.Count == 2 ? $"”{words[0]}” och ”{words[1]}”" : string.Join(", ", words.Take(words.Count - 1).Select(w => $"”{w}”")) + $" och ”{words[^1]}”";

    private static ParsedSynonymGroup Invalid(string error) => new([], error);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
