using System.Globalization;
using System.Text;

namespace EHalsostodet.Web.BackOffice.Editing;

/// <summary>
/// Input names are the form model's paths in camel case ("roles.actors[0].name"), so they bind
/// back to the form and line up with the documents' JSON paths; ids are derived from them.
/// </summary>
public static class FormFields
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>"roles.actors[0].name" → "f-roles-actors-0-name".</summary>
    public static string Id(string path)
    {
        var builder = new StringBuilder("f-", path.Length + 2);
        var pendingHyphen = false;
        foreach (var c in path)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingHyphen)
                {
                    builder.Append('-');
                    pendingHyphen = false;
                }
                builder.Append(c);
            }
            else
            {
                pendingHyphen = true;
            }
        }
        return builder.ToString();
    }

    public static string Clean(string? value) => value?.Trim() ?? "";

    /// <summary>
    /// Multi-line text as typed (Markdown keeps its line breaks and trailing newline), with the
    /// browser's CRLF made LF; text of only white space counts as empty.
    /// </summary>
    public static string Text(string? value) =>
        string.IsNullOrWhiteSpace(value) ? "" : value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    public static bool IsBlank(params string?[] values) => values.All(string.IsNullOrWhiteSpace);

    /// <summary>One entry per non-empty line.</summary>
    public static List<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    public static string JoinLines(IEnumerable<string> lines) => string.Join("\n", lines);

    /// <summary>Comma-separated tags, trimmed, without duplicates (case-insensitive).</summary>
    public static List<string> Tags(string? text) =>
        (text ?? "").Split(',').Select(t => t.Trim()).Where(t => t.Length > 0)
            .DistinctBy(t => t.ToLower(Swedish)).ToList();

    public static string JoinTags(IEnumerable<string> tags) => string.Join(", ", tags);

    /// <summary>Accepts "12,5", "12.5", "1 200" and the Unicode minus sign.</summary>
    public static bool TryParseDecimal(string? text, out decimal value)
    {
        var normalised = new string(Clean(text).Where(c => !char.IsWhiteSpace(c)).ToArray())
            .Replace('\u2212', '-').Replace(',', '.');
        return decimal.TryParse(normalised, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    public static string FormatDecimal(decimal value) =>
        value.ToString(CultureInfo.InvariantCulture).Replace('.', ',');

    public static bool TryParseYear(string? text, out int year) =>
        int.TryParse(Clean(text), NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= 1900 and <= 2100;

    public static string Format(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
