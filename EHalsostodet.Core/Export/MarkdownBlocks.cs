using EHalsostodet.Core.Markdown;
using Markdig.Syntax;

namespace EHalsostodet.Core.Export;

/// <summary>Turns an editor's Markdown into plain export blocks: paragraphs, lists and subheadings.</summary>
public static class MarkdownBlocks
{
    public static IEnumerable<ExportBlock> From(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            yield break;
        }
        var document = Markdig.Markdown.Parse(markdown);
        foreach (var block in document)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    yield return new ExportSubheading(PlainText(markdown, heading));
                    break;
                case ListBlock list:
                    var items = list.OfType<ListItemBlock>().Select(item => PlainText(markdown, item)).Where(t => t.Length > 0).ToList();
                    if (items.Count > 0)
                    {
                        yield return new ExportList(items);
                    }
                    break;
                default:
                    var text = PlainText(markdown, block);
                    if (text.Length > 0)
                    {
                        yield return new ExportParagraph(text);
                    }
                    break;
            }
        }
    }

    private static string PlainText(string markdown, Block block)
    {
        var source = markdown.Substring(block.Span.Start, Math.Min(block.Span.Length, markdown.Length - block.Span.Start));
        if (block is ListItemBlock)
        {
            // The list marker ("- ", "1. ") would make the item a list of its own.
            source = source.TrimStart().TrimStart('-', '*', '+').TrimStart();
            var digits = source.TakeWhile(char.IsDigit).Count();
            if (digits > 0 && digits < source.Length && source[digits] is '.' or ')')
            {
                source = source[(digits + 1)..].TrimStart();
            }
        }
        var plain = MarkdownRenderer.ToPlainText(source.TrimStart('#', ' '));
        return string.Join(' ', plain.Split((char[])['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
