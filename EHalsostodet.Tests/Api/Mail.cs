using System.Text;
using System.Text.RegularExpressions;

namespace EHalsostodet.Tests.Api;

/// <summary>A mail from the pickup folder with its headers and its text decoded.</summary>
internal sealed partial record Mail(string To, string Subject, string Body)
{
    public string Text => Subject + "\n" + Body;

    public static Mail Parse(string eml)
    {
        var normalized = eml.Replace("\r\n", "\n", StringComparison.Ordinal);
        var split = normalized.IndexOf("\n\n", StringComparison.Ordinal);
        var headerText = split < 0 ? normalized : normalized[..split];
        var body = split < 0 ? "" : normalized[(split + 2)..];
        // Folded header lines continue with whitespace.
        var headers = Regex.Replace(headerText, @"\n[ \t]+", " ").Split('\n')
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .GroupBy(parts => parts[0].Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First()[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var encoding = headers.GetValueOrDefault("Content-Transfer-Encoding", "").ToLowerInvariant();
        var text = encoding switch
        {
            "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(Regex.Replace(body, @"\s", ""))),
            "quoted-printable" => QuotedPrintable(body),
            _ => body,
        };
        return new Mail(headers.GetValueOrDefault("To", ""), EncodedWords(headers.GetValueOrDefault("Subject", "")), text);
    }

    private static string QuotedPrintable(string text)
    {
        var joined = text.Replace("=\n", "", StringComparison.Ordinal);
        var bytes = new List<byte>();
        for (var i = 0; i < joined.Length; i++)
        {
            if (joined[i] == '=' && i + 2 < joined.Length && Uri.IsHexDigit(joined[i + 1]) && Uri.IsHexDigit(joined[i + 2]))
            {
                bytes.Add(Convert.ToByte(joined.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(joined[i].ToString()));
            }
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static string EncodedWords(string header) =>
        EncodedWord().Replace(header, m => string.Equals(m.Groups["enc"].Value, "B", StringComparison.OrdinalIgnoreCase)
            ? Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups["text"].Value))
            : QuotedPrintable(m.Groups["text"].Value.Replace('_', ' ')));

    [GeneratedRegex(@"=\?utf-8\?(?<enc>[BQbq])\?(?<text>[^?]*)\?=\s*", RegexOptions.IgnoreCase)]
    private static partial Regex EncodedWord();
}
