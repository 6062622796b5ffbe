using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace EHalsostodet.Core.Markdown;

/// <summary>
/// Renders editors' Markdown to HTML that can never carry script: raw HTML is not rendered
/// and links may only point to web, mail and telephone addresses or within the site.
/// </summary>
public sealed class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseListExtras()
        .Build();

    /// <param name="headingOffset">How many levels to push headings down, so text under an h2 starts at h3.</param>
    public string ToHtml(string? markdown, int headingOffset = 0)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case HeadingBlock heading:
                    heading.Level = Math.Min(6, heading.Level + headingOffset);
                    break;
                case LinkInline link when !IsSafeUrl(link.Url):
                    link.Url = "#";
                    break;
                case AutolinkInline autolink when !IsSafeUrl(autolink.Url):
                    autolink.Url = "#";
                    break;
            }
        }
        return document.ToHtml(Pipeline);
    }

    /// <summary>The text without formatting, for teasers and descriptions.</summary>
    public static string ToPlainText(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? ""
        : IsPlain(markdown) ? markdown.Trim()
        : ParsedPlainText(markdown);

    internal static string ParsedPlainText(string markdown) => Markdig.Markdown.ToPlainText(markdown, Pipeline).Trim();

    /// <summary>Characters that may start Markdown syntax anywhere in a line (emphasis, code, links, entities, escapes, tables, headings).</summary>
    private static readonly System.Buffers.SearchValues<char> Syntax = System.Buffers.SearchValues.Create("*_`[]<>&\\~^+=|#!\r\n");

    /// <summary>
    /// One line without any character of Markdown syntax, and not a list item: Markdig would give
    /// it back as it is, and most texts of a story are such lines (building the search index reads
    /// every one of them).
    /// </summary>
    internal static bool IsPlain(string text)
    {
        if (text.AsSpan().ContainsAny(Syntax))
        {
            return false;
        }
        var line = text.AsSpan().TrimStart();
        var marker = line.IndexOfAny(' ', '\t');
        var first = marker < 0 ? line : line[..marker];
        return first.Length == 0 || first[0] != '-' && !(first.Length <= 10 && first[^1] is '.' or ')');
    }

    internal static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return true;
        }
        var trimmed = url.Trim();
        if (trimmed.StartsWith('/') && !trimmed.StartsWith("//", StringComparison.Ordinal) || trimmed.StartsWith('#'))
        {
            return true;
        }
        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) &&
            uri.Scheme is "http" or "https" or "mailto" or "tel";
    }
}
