using System.Text;
using EHalsostodet.Core.Search.Query;

namespace EHalsostodet.Core.Search.Postgres;

/// <summary>
/// Writes a <see cref="SearchNode"/> tree as a PostgreSQL tsquery expression: the project's parser
/// decides the structure (AND, OR, NOT, phrases), and each word or phrase goes to
/// <c>websearch_to_tsquery</c> (prefixes to <c>to_tsquery</c> with <c>:*</c>), joined by the tsquery
/// operators. Every term is a parameter cleaned to letters and digits, so no operator of
/// PostgreSQL's own syntax can come from the user's text.
/// </summary>
internal static class TsQueryWriter
{
    /// <summary>The tsquery expression, or null when nothing in the query can be expressed.</summary>
    /// <param name="configuration">A text search configuration of ours ('swedish', 'simple'), never user text.</param>
    /// <param name="termTransform">Applied to every term (folding); a term it empties is dropped.</param>
    public static string? Write(SearchNode node, string configuration, Func<string, string> termTransform, PostgresParameters parameters) =>
        new Writer(configuration, termTransform, parameters).Node(node);

    private sealed class Writer(string configuration, Func<string, string> transform, PostgresParameters parameters)
    {
        public string? Node(SearchNode node) => node switch
        {
            Term term => Term(term),
            Phrase phrase => Phrase(phrase),
            And and => And(and),
            Or or => Or(or),
            // An exclusion on its own or inside OR cannot be expressed, as in the FTS5 writer.
            _ => null,
        };

        private string? Term(Term term) =>
            Clean(term.Text) is not { } text ? null
            : term.IsPrefix ? $"to_tsquery('{configuration}', {parameters.Add(text)} || ':*')"
            : $"websearch_to_tsquery('{configuration}', {parameters.Add(text)})";

        private string? Phrase(Phrase phrase)
        {
            var terms = (phrase.Terms ?? []).Where(t => t is not null && Clean(t.Text) is not null).ToList();
            if (terms.Count == 0)
            {
                return null;
            }
            if (!terms.Any(t => t.IsPrefix))
            {
                return $"websearch_to_tsquery('{configuration}', {parameters.Add('"' + string.Join(' ', terms.Select(t => Clean(t.Text))) + '"')})";
            }
            return "(" + string.Join(" <-> ", terms.Select(Term)) + ")";
        }

        private string? And(And and)
        {
            var positives = new List<string>();
            var exclusions = new List<string>();
            foreach (var child in and.Children ?? [])
            {
                if (child is Not not)
                {
                    if (not.Inner is not null && Node(not.Inner) is { } excluded)
                    {
                        exclusions.Add($"!!{excluded}");
                    }
                }
                else if (child is not null && Node(child) is { } written)
                {
                    positives.Add(written);
                }
            }
            return positives.Count == 0 ? null : "(" + string.Join(" && ", positives.Concat(exclusions)) + ")";
        }

        private string? Or(Or or)
        {
            var operands = (or.Children ?? []).Where(c => c is not null).Select(Node).OfType<string>().ToList();
            return operands.Count == 0 ? null : "(" + string.Join(" || ", operands) + ")";
        }

        /// <summary>The transformed term with nothing but letters and digits, or null when nothing is left.</summary>
        private string? Clean(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }
            var clean = new StringBuilder();
            foreach (var rune in transform(text).EnumerateRunes())
            {
                if (Rune.IsLetterOrDigit(rune))
                {
                    clean.Append(rune.ToString());
                }
            }
            return clean.Length == 0 ? null : clean.ToString();
        }
    }
}
