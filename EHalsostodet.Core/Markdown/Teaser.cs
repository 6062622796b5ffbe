namespace EHalsostodet.Core.Markdown;

/// <summary>A short plain-text lead for cards: the first paragraph, cut at a word.</summary>
public static class Teaser
{
    public const int DefaultLength = 220;

    public static string From(string? markdown, int maxLength = DefaultLength)
    {
        var text = MarkdownRenderer.ToPlainText(markdown);
        var firstParagraph = text.Split(["\n\n", "\r\n\r\n"], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? "";
        firstParagraph = string.Join(' ', firstParagraph.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (firstParagraph.Length <= maxLength)
        {
            return firstParagraph;
        }
        var cut = firstParagraph.LastIndexOf(' ', maxLength - 1);
        return firstParagraph[..(cut > maxLength / 2 ? cut : maxLength - 1)].TrimEnd(',', '.', ';', ':', ' ') + "…";
    }
}
