using System.Text.RegularExpressions;

namespace EHalsostodet.Core.Search.Query;

/// <summary>What the editorial search makes of the typed text before parsing it, on every engine.</summary>
public static partial class EditorialQueryText
{
    /// <summary>
    /// Editors often type the start of a title, so the last word also matches as a prefix:
    /// "trygghetsl" finds "Trygghetslarm", and a whole word still finds its other forms.
    /// </summary>
    public static string WithLastWordAsPrefix(string text)
    {
        var match = LastWord().Match(text);
        if (!match.Success || text.Count(c => c == '"') % 2 == 1 || match.Groups["word"].Value is "AND" or "OR" or "NOT")
        {
            return text;
        }
        var word = match.Groups["word"].Value;
        return text[..match.Groups["word"].Index] + $"({word} OR {word}*)";
    }

    [GeneratedRegex(@"(?:^|\s)(?<word>[\p{L}\p{N}]+)\s*$")]
    private static partial Regex LastWord();
}
