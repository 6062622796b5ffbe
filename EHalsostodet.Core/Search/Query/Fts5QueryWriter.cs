using System.Text;

namespace EHalsostodet.Core.Search.Query;

/// <summary>
/// Writes a <see cref="SearchNode"/> tree as an SQLite FTS5 MATCH expression. Every term is emitted as a
/// double-quoted FTS5 string, so no text of the user is ever read as FTS5 syntax.
/// </summary>
public static class Fts5QueryWriter
{
    /// <summary>
    /// The FTS5 expression for <paramref name="node"/>, or an empty string when nothing in it can be
    /// expressed (for example only exclusions, or every term transformed away); do not run an empty expression.
    /// </summary>
    /// <param name="node">The query.</param>
    /// <param name="termTransform">Applied to the text of every term (stemming, folding); a term for which
    /// it returns an empty string is dropped.</param>
    public static string Write(SearchNode node, Func<string, string> termTransform)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(termTransform);
        return WriteNode(node, termTransform, nested: false) ?? string.Empty;
    }

    /// <summary>The expression, or <see langword="null"/> when nothing can be expressed.</summary>
    /// <param name="nested">Whether the result becomes an operand of another operator and must be self-contained.</param>
    private static string? WriteNode(SearchNode node, Func<string, string> transform, bool nested) => node switch
    {
        Term term => WriteTerm(term, transform),
        Phrase phrase => WritePhrase(phrase, transform),
        And and => WriteAnd(and, transform, nested),
        Or or => WriteOr(or, transform),
        // FTS5 NOT is binary: an exclusion on its own or inside OR cannot be expressed.
        _ => null,
    };

    private static string? WriteTerm(Term term, Func<string, string> transform)
    {
        var text = Transform(term.Text, transform);
        if (text is null)
        {
            return null;
        }
        return term.IsPrefix ? $"{Quote(text)} *" : Quote(text);
    }

    private static string? WritePhrase(Phrase phrase, Func<string, string> transform)
    {
        var parts = new List<(string Text, bool IsPrefix)>();
        foreach (var term in phrase.Terms ?? [])
        {
            if (term is not null && Transform(term.Text, transform) is { } text)
            {
                parts.Add((text, term.IsPrefix));
            }
        }
        if (parts.Count == 0)
        {
            return null;
        }
        var prefixBeforeLast = parts.Take(parts.Count - 1).Any(part => part.IsPrefix);
        if (prefixBeforeLast)
        {
            // FTS5 marks only the last token of a string as a prefix; "a" * + "b" keeps the phrase.
            return string.Join(" + ", parts.Select(part => part.IsPrefix ? $"{Quote(part.Text)} *" : Quote(part.Text)));
        }
        var quoted = Quote(string.Join(" ", parts.Select(part => part.Text)));
        return parts[^1].IsPrefix ? $"{quoted} *" : quoted;
    }

    private static string? WriteAnd(And and, Func<string, string> transform, bool nested)
    {
        var positives = new List<string>();
        var exclusions = new List<string>();
        foreach (var child in and.Children ?? [])
        {
            if (child is Not not)
            {
                if (not.Inner is not null && WriteNode(not.Inner, transform, nested: true) is { } excluded)
                {
                    exclusions.Add(excluded);
                }
            }
            else if (child is not null && WriteNode(child, transform, nested: true) is { } written)
            {
                positives.Add(written);
            }
        }
        if (positives.Count == 0)
        {
            return null;
        }
        // FTS5 accepts implicit AND between strings only, not next to a parenthesised expression.
        var separator = positives.Any(part => part.StartsWith('(')) ? " AND " : " ";
        var builder = new StringBuilder(string.Join(separator, positives));
        foreach (var exclusion in exclusions)
        {
            builder.Append(" NOT ").Append(exclusion);
        }
        var needsParentheses = nested && (positives.Count > 1 || exclusions.Count > 0);
        return needsParentheses ? $"({builder})" : builder.ToString();
    }

    private static string? WriteOr(Or or, Func<string, string> transform)
    {
        var operands = new List<string>();
        foreach (var child in or.Children ?? [])
        {
            if (child is not null && WriteNode(child, transform, nested: true) is { } written)
            {
                operands.Add(written);
            }
        }
        return operands.Count switch
        {
            0 => null,
            1 => operands[0],
            _ => $"({string.Join(" OR ", operands)})",
        };
    }

    /// <summary>The transformed term without control characters, or <see langword="null"/> when nothing is left.</summary>
    private static string? Transform(string? text, Func<string, string> transform)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        var transformed = transform(text);
        if (string.IsNullOrWhiteSpace(transformed))
        {
            return null;
        }
        var clean = new StringBuilder(transformed.Length);
        foreach (var c in transformed)
        {
            // A NUL ends the expression inside SQLite ("unterminated string"); other controls have no use.
            if (!char.IsControl(c))
            {
                clean.Append(c);
            }
        }
        var result = clean.ToString().Trim();
        return result.Length == 0 ? null : result;
    }

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
