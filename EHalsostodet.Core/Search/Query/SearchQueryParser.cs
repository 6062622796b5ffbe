using System.Globalization;
using System.Text;

namespace EHalsostodet.Core.Search.Query;

/// <summary>
/// The result of <see cref="SearchQueryParser.Parse"/>.
/// </summary>
/// <param name="Root">The query to run, or <see langword="null"/> when there is nothing to search for.</param>
/// <param name="PositiveTerms">The distinct words the user searches for (not the excluded ones), for highlighting.</param>
/// <param name="Message">A message in Swedish for the user, or <see langword="null"/>.</param>
public sealed record ParsedQuery(SearchNode? Root, IReadOnlyList<string> PositiveTerms, string? Message);

/// <summary>
/// Turns whatever a user types into a <see cref="SearchNode"/> tree. Never throws for any input and
/// never lets anything but runs of letters and digits through as terms.
/// </summary>
/// <remarks>
/// Syntax: words are runs of letters and digits; <c>"…"</c> is a phrase (an unclosed quote runs to the end);
/// <c>-word</c>, <c>NOT word</c> and <c>INTE word</c> exclude; <c>OR</c>/<c>ELLER</c> between two operands
/// makes an OR group that binds tighter than AND; <c>AND</c>/<c>OCH</c> and juxtaposition mean AND;
/// a trailing <c>*</c> marks a prefix; balanced parentheses group, unbalanced ones are ignored.
/// Operators are recognised in upper case only.
/// </remarks>
public static class SearchQueryParser
{
    /// <summary>Only this many characters of the input are considered.</summary>
    public const int MaxInputLength = 500;

    /// <summary>Words beyond this many (counting phrase words and exclusions) are ignored.</summary>
    public const int MaxTerms = 32;

    /// <summary>Parentheses nested deeper than this are ignored (the words inside are kept).</summary>
    public const int MaxNesting = 8;

    public const string EmptyMessage = "Skriv ett eller flera ord att söka efter.";
    public const string OnlyExclusionsMessage = "Skriv minst ett ord att söka efter, inte bara ord att utesluta.";
    public const string TruncatedMessage = "Sökningen kortades till 500 tecken.";
    public const string TooManyTermsMessage = "Sökningen begränsades till 32 ord.";

    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public static ParsedQuery Parse(string? input)
    {
        var messages = new List<string>();
        if (string.IsNullOrWhiteSpace(input))
        {
            return new ParsedQuery(null, [], EmptyMessage);
        }
        if (input.Length > MaxInputLength)
        {
            var cut = char.IsHighSurrogate(input[MaxInputLength - 1]) ? MaxInputLength - 1 : MaxInputLength;
            input = input[..cut];
            messages.Add(TruncatedMessage);
        }
        input = Compose(input);

        var lexer = new Lexer(input);
        var tokens = lexer.Run();
        if (lexer.TermLimitReached)
        {
            messages.Add(TooManyTermsMessage);
        }
        RemoveUnusableParentheses(tokens);

        var root = new Parser(tokens).ParseQuery();
        if (root is null || !HasPositive(root))
        {
            messages.Add(lexer.WordCount > 0 ? OnlyExclusionsMessage : EmptyMessage);
            return new ParsedQuery(null, [], string.Join(" ", messages));
        }

        var positive = new List<string>();
        CollectPositiveTerms(root, positive, new HashSet<string>(StringComparer.Ordinal));
        return new ParsedQuery(root, positive, messages.Count == 0 ? null : string.Join(" ", messages));
    }

    private static string Compose(string text)
    {
        // Normalize throws on lone surrogates; such input is left as it is (the lexer skips invalid code units).
        try
        {
            return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return text;
        }
    }

    private static bool HasPositive(SearchNode node) => node switch
    {
        Not => false,
        And and => and.Children.Any(HasPositive),
        _ => true,
    };

    private static void CollectPositiveTerms(SearchNode node, List<string> into, HashSet<string> seen)
    {
        switch (node)
        {
            case Term term:
                if (seen.Add(term.Text))
                {
                    into.Add(term.Text);
                }
                break;
            case Phrase phrase:
                foreach (var term in phrase.Terms)
                {
                    CollectPositiveTerms(term, into, seen);
                }
                break;
            case And and:
                foreach (var child in and.Children)
                {
                    CollectPositiveTerms(child, into, seen);
                }
                break;
            case Or or:
                foreach (var child in or.Children)
                {
                    CollectPositiveTerms(child, into, seen);
                }
                break;
            default:
                // Not: excluded words are not searched for.
                break;
        }
    }

    /// <summary>Drops unmatched parentheses and matched pairs nested deeper than <see cref="MaxNesting"/>.</summary>
    private static void RemoveUnusableParentheses(List<Token> tokens)
    {
        var keep = new bool[tokens.Count];
        var open = new Stack<int>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind == TokenKind.Open)
            {
                open.Push(i);
            }
            else if (tokens[i].Kind == TokenKind.Close && open.Count > 0)
            {
                var start = open.Pop();
                if (open.Count < MaxNesting)
                {
                    keep[start] = true;
                    keep[i] = true;
                }
            }
        }
        for (var i = tokens.Count - 1; i >= 0; i--)
        {
            if (tokens[i].Kind is TokenKind.Open or TokenKind.Close && !keep[i])
            {
                tokens.RemoveAt(i);
            }
        }
    }

    private static SearchNode? MakeNot(SearchNode? inner) => inner switch
    {
        null => null,
        Not not => not.Inner,
        // "-(-a -b)" excludes nothing that can be expressed; ignore it.
        _ when !HasPositive(inner) => null,
        _ => new Not(inner),
    };

    private static SearchNode? MakeAnd(List<SearchNode> items)
    {
        var children = new List<SearchNode>();
        foreach (var item in items)
        {
            if (item is And and)
            {
                children.AddRange(and.Children);
            }
            else
            {
                children.Add(item);
            }
        }
        return children.Count switch
        {
            0 => null,
            1 => children[0],
            _ => new And(children),
        };
    }

    private static SearchNode? MakeOr(List<SearchNode> items)
    {
        var children = new List<SearchNode>();
        foreach (var item in items)
        {
            if (item is Or or)
            {
                children.AddRange(or.Children);
            }
            else if (HasPositive(item))
            {
                // "a OR -b" cannot be expressed; the exclusion is ignored.
                children.Add(item);
            }
        }
        return children.Count switch
        {
            0 => null,
            1 => children[0],
            _ => new Or(children),
        };
    }

    private enum TokenKind
    {
        Word,
        Phrase,
        Open,
        Close,
        Minus,
        And,
        Or,
        Not,
    }

    private sealed record Token(TokenKind Kind, IReadOnlyList<Term>? Terms = null);

    private sealed class Lexer(string text)
    {
        private readonly List<Token> _tokens = [];
        private int _position;

        public int WordCount { get; private set; }

        public bool TermLimitReached { get; private set; }

        public List<Token> Run()
        {
            while (_position < text.Length)
            {
                var rune = Peek(out var width);
                if (Rune.IsLetterOrDigit(rune))
                {
                    var literal = _tokens.Count > 0 && _tokens[^1].Kind == TokenKind.Minus && PreviousIsMinus();
                    ReadWord(literal);
                }
                else if (rune.Value == '"')
                {
                    _position += width;
                    ReadPhrase();
                }
                else if (rune.Value == '(')
                {
                    _tokens.Add(new Token(TokenKind.Open));
                    _position += width;
                }
                else if (rune.Value == ')')
                {
                    _tokens.Add(new Token(TokenKind.Close));
                    _position += width;
                }
                else if (rune.Value == '-' && StartsExclusion())
                {
                    _tokens.Add(new Token(TokenKind.Minus));
                    _position += width;
                }
                else
                {
                    _position += width;
                }
            }
            return _tokens;
        }

        private bool PreviousIsMinus() => _position > 0 && text[_position - 1] == '-';

        /// <summary>A minus excludes when it starts a word ("-kamera", "(-kamera", "-\"a b\"", "-(a b)"), not in "e-hälsa".</summary>
        private bool StartsExclusion()
        {
            var before = _position == 0 ? ' ' : text[_position - 1];
            if (!(char.IsWhiteSpace(before) || before == '(' || before == ')'))
            {
                return false;
            }
            if (_position + 1 >= text.Length)
            {
                return false;
            }
            _position++;
            var next = Peek(out _);
            _position--;
            return Rune.IsLetterOrDigit(next) || next.Value == '"' || next.Value == '(';
        }

        private Rune Peek(out int width)
        {
            var status = Rune.DecodeFromUtf16(text.AsSpan(_position), out var rune, out width);
            if (width <= 0)
            {
                width = 1;
            }
            return status == System.Buffers.OperationStatus.Done ? rune : Rune.ReplacementChar;
        }

        /// <summary>Reads letters and digits, then any run of '*' that marks a prefix.</summary>
        private (string Raw, bool IsPrefix) ReadRawWord()
        {
            var word = new StringBuilder();
            while (_position < text.Length)
            {
                var rune = Peek(out var width);
                if (!Rune.IsLetterOrDigit(rune))
                {
                    break;
                }
                word.Append(rune.ToString());
                _position += width;
            }
            var isPrefix = false;
            while (_position < text.Length && text[_position] == '*')
            {
                isPrefix = true;
                _position++;
            }
            return (word.ToString(), isPrefix);
        }

        private void ReadWord(bool literal)
        {
            var (raw, isPrefix) = ReadRawWord();
            if (!literal && !isPrefix)
            {
                var op = raw switch
                {
                    "AND" or "OCH" => TokenKind.And,
                    "OR" or "ELLER" => TokenKind.Or,
                    "NOT" or "INTE" => TokenKind.Not,
                    _ => TokenKind.Word,
                };
                if (op != TokenKind.Word)
                {
                    _tokens.Add(new Token(op));
                    return;
                }
            }
            var term = MakeTerm(raw, isPrefix);
            if (term is not null)
            {
                _tokens.Add(new Token(TokenKind.Word, [term]));
            }
        }

        private void ReadPhrase()
        {
            var terms = new List<Term>();
            while (_position < text.Length)
            {
                var rune = Peek(out var width);
                if (rune.Value == '"')
                {
                    _position += width;
                    break;
                }
                if (Rune.IsLetterOrDigit(rune))
                {
                    var (raw, isPrefix) = ReadRawWord();
                    var term = MakeTerm(raw, isPrefix);
                    if (term is not null)
                    {
                        terms.Add(term);
                    }
                }
                else
                {
                    _position += width;
                }
            }
            _tokens.Add(new Token(TokenKind.Phrase, terms));
        }

        private Term? MakeTerm(string raw, bool isPrefix)
        {
            if (WordCount >= MaxTerms)
            {
                TermLimitReached = true;
                return null;
            }
            WordCount++;
            return new Term(raw.ToLower(Swedish), isPrefix);
        }
    }

    private sealed class Parser(List<Token> tokens)
    {
        private int _position;

        private Token? Current => _position < tokens.Count ? tokens[_position] : null;

        public SearchNode? ParseQuery()
        {
            var items = new List<SearchNode>();
            while (Current is not null)
            {
                if (ParseSequence() is { } sequence)
                {
                    items.Add(sequence);
                }
                if (Current is { Kind: TokenKind.Close })
                {
                    // Cannot happen after RemoveUnusableParentheses; skipped rather than trusted.
                    _position++;
                }
            }
            return MakeAnd(items);
        }

        /// <summary>Operands joined by AND (explicit or implicit), up to a closing parenthesis or the end.</summary>
        private SearchNode? ParseSequence()
        {
            var items = new List<SearchNode>();
            while (Current is { } token && token.Kind != TokenKind.Close)
            {
                if (token.Kind is TokenKind.And or TokenKind.Or)
                {
                    // AND is implicit anyway; an OR without a left operand is ignored.
                    _position++;
                    continue;
                }
                var item = ParseOrGroup();
                if (item is not null)
                {
                    items.Add(item);
                }
            }
            return MakeAnd(items);
        }

        private SearchNode? ParseOrGroup()
        {
            var operands = new List<SearchNode>();
            var first = ParseUnary();
            if (first is not null)
            {
                operands.Add(first);
            }
            while (Current is { Kind: TokenKind.Or })
            {
                while (Current is { Kind: TokenKind.Or or TokenKind.And })
                {
                    _position++;
                }
                if (Current is null or { Kind: TokenKind.Close })
                {
                    break;
                }
                var next = ParseUnary();
                if (next is not null)
                {
                    operands.Add(next);
                }
            }
            return operands.Count == 1 ? operands[0] : MakeOr(operands);
        }

        /// <summary>Consumes at least one token unless at a closing parenthesis, an operator or the end.</summary>
        private SearchNode? ParseUnary()
        {
            var negate = false;
            while (Current is { Kind: TokenKind.Minus or TokenKind.Not })
            {
                negate = !negate;
                _position++;
            }
            SearchNode? operand;
            switch (Current)
            {
                case { Kind: TokenKind.Word } word:
                    _position++;
                    operand = word.Terms![0];
                    break;
                case { Kind: TokenKind.Phrase } phrase:
                    _position++;
                    operand = phrase.Terms!.Count switch
                    {
                        0 => null,
                        1 => phrase.Terms[0],
                        _ => new Phrase(phrase.Terms),
                    };
                    break;
                case { Kind: TokenKind.Open }:
                    _position++;
                    operand = ParseSequence();
                    if (Current is { Kind: TokenKind.Close })
                    {
                        _position++;
                    }
                    break;
                default:
                    // A dangling NOT or minus before an operator, a parenthesis or the end is ignored.
                    return null;
            }
            return negate ? MakeNot(operand) : operand;
        }
    }
}
