namespace EHalsostodet.Core.Markdown;

/// <summary>A short plain-text lead for cards: the first paragraph, cut at a word.</summary>
public static class Teaser
{
    public const int DefaultLength = 220;

    public static string From(string? markdown, int maxLength = DefaultLength)
    {
        var source = (markdown ?? "").Replace("\r\n", "\n", StringComparison.Ordinal);
        var paragraph = source.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        var firstParagraph = string.Join(' ', MarkdownRenderer.ToPlainText(paragraph).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (firstParagraph.Length <= maxLength)
        {
            return firstParagraph;
        }
        var cut = firstParagraph.LastIndexOf(' ', maxLength - 1);
        return firstParagraph[..(cut > maxLength / 2 ? cut : maxLength - 1)].TrimEnd(',', '.', ';', ':', ' ') + "…";
    }
}
