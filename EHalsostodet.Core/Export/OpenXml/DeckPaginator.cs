namespace EHalsostodet.Core.Export.OpenXml;

public enum DeckTextKind
{
    Heading,
    Paragraph,
    Bullet,
}

/// <summary>One paragraph of a text box on a slide.</summary>
public sealed record DeckText(DeckTextKind Kind, string Text);

/// <summary>Something placed on a slide's body, with its top and height in EMU.</summary>
public abstract record DeckPart(long Top, long Height);

public sealed record DeckTextBox(IReadOnlyList<DeckText> Texts, long Top, long Height) : DeckPart(Top, Height);

/// <summary>A table whose first row is its column headers.</summary>
public sealed record DeckTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, long Top, long Height) : DeckPart(Top, Height);

/// <summary>A content slide: its title and what its body holds.</summary>
public sealed record DeckSlide(string Title, IReadOnlyList<DeckPart> Parts);

/// <summary>
/// Lays a titled run of export blocks out on as many slides as it needs, never shortening or
/// dropping text: a paragraph, list item or table that does not fit goes on (split between words
/// or rows) on a further slide titled "… (forts.)", and a table's header row is repeated there.
/// Heights are estimated from the text's length with a generous average character width, so that
/// text set in the deck's fonts stays inside its box.
/// </summary>
public static class DeckPaginator
{
    public const long EmuPerPoint = 12700;
    public const long SlideWidth = 12192000;
    public const long SlideHeight = 6858000;
    public const long BodyLeft = 600000;
    public const long BodyWidth = SlideWidth - 2 * BodyLeft;
    public const long BodyTop = 1400000;
    public const long BodyBottom = 6150000;

    public const int HeadingSize = 20;
    public const int TextSize = 18;
    public const int TableTextSize = 14;
    public const double SpaceBeforeHeading = 10;
    public const double SpaceAfter = 6;
    public const long BulletIndent = 342900;

    /// <summary>PowerPoint's default insets of a text box or table cell: left and right, top and bottom.</summary>
    public const long InsetX = 91440;
    public const long InsetY = 45720;

    public const string Continued = " (forts.)";

    private const long PartGap = 120000;

    /// <summary>An average character as a share of the font size; Calibri's is nearer 0.47.</summary>
    private const double CharacterWidth = 0.55;

    private const double LineSpacing = 1.2;

    public static IReadOnlyList<DeckSlide> Paginate(string title, IEnumerable<ExportBlock> blocks)
    {
        var layout = new Layout(title);
        foreach (var block in blocks)
        {
            switch (block)
            {
                case ExportParagraph paragraph:
                    layout.Text(DeckTextKind.Paragraph, paragraph.Text);
                    break;
                case ExportSubheading subheading:
                    layout.Heading(subheading.Text);
                    break;
                case ExportList list:
                    foreach (var item in list.Items)
                    {
                        layout.Text(DeckTextKind.Bullet, item);
                    }
                    break;
                case ExportTable table:
                    if (table.Caption.Length > 0)
                    {
                        layout.Heading(table.Caption);
                    }
                    layout.Table(table.Columns, table.Rows);
                    break;
                case ExportLink link:
                    layout.Text(DeckTextKind.Paragraph, link.Label.Length > 0 && link.Label != link.Url ? $"{link.Label}: {link.Url}" : link.Url);
                    break;
            }
        }
        return layout.Finish();
    }

    /// <summary>The widths of a table's columns in EMU: the first (the indicator's name) twice as wide as the others.</summary>
    public static long[] ColumnWidths(int columns)
    {
        if (columns <= 1)
        {
            return [BodyWidth];
        }
        var unit = BodyWidth / (columns + 1);
        return [BodyWidth - unit * (columns - 1), .. Enumerable.Repeat(unit, columns - 1)];
    }

    private static long LineHeight(int size) => (long)(size * LineSpacing * EmuPerPoint);

    private static int CharactersPerLine(long width, int size) =>
        Math.Max(10, (int)((width - 2 * InsetX) / (CharacterWidth * size * EmuPerPoint)));

    /// <summary>
    /// The words of the text broken into lines of at most the given length, each with the number of
    /// lines it takes: a word longer than a line (an address) stands alone and wraps inside itself.
    /// </summary>
    private static List<(string Text, int Lines)> Wrap(string text, int perLine)
    {
        var lines = new List<(string Text, int Lines)>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > perLine)
            {
                lines.Add((line, 1));
                line = "";
            }
            if (word.Length > perLine)
            {
                lines.Add((word, (word.Length + perLine - 1) / perLine));
                continue;
            }
            line = line.Length == 0 ? word : line + " " + word;
        }
        if (line.Length > 0 || lines.Count == 0)
        {
            lines.Add((line, 1));
        }
        return lines;
    }

    private static int LineCount(string text, int perLine) => Wrap(text, perLine).Sum(l => l.Lines);

    private sealed class Layout(string title)
    {
        private readonly List<DeckSlide> slides = [];
        private readonly List<DeckPart> parts = [];
        private readonly List<DeckText> texts = [];
        private long y = BodyTop;
        private long textTop = BodyTop;

        private long Room => BodyBottom - y;

        public void Heading(string text)
        {
            var lines = LineCount(text, CharactersPerLine(BodyWidth, HeadingSize));
            var height = lines * LineHeight(HeadingSize) + Points(SpaceBeforeHeading + SpaceAfter);
            // A heading stays with at least two lines of what follows it.
            if (height + 2 * LineHeight(TextSize) + 2 * InsetY > Room && !IsSlideEmpty)
            {
                NewSlide();
            }
            AddText(new DeckText(DeckTextKind.Heading, text), height);
        }

        public void Text(DeckTextKind kind, string text)
        {
            var width = kind == DeckTextKind.Bullet ? BodyWidth - BulletIndent : BodyWidth;
            var lines = Wrap(text, CharactersPerLine(width, TextSize));
            var lineHeight = LineHeight(TextSize);
            var spacing = Points(SpaceAfter);
            while (lines.Count > 0)
            {
                var room = (int)Math.Max(0, (Room - spacing - 2 * InsetY) / lineHeight);
                var (fitting, height) = (0, 0);
                while (fitting < lines.Count && height + lines[fitting].Lines <= room)
                {
                    height += lines[fitting].Lines;
                    fitting++;
                }
                if (fitting == lines.Count || (fitting > 0 && (height >= 2 || IsSlideEmpty)))
                {
                    AddText(new DeckText(kind, string.Join(' ', lines.Take(fitting).Select(l => l.Text))), height * lineHeight + spacing);
                    lines = lines.Skip(fitting).ToList();
                    if (lines.Count == 0)
                    {
                        return;
                    }
                }
                else if (IsSlideEmpty)
                {
                    // A single word taller than a whole slide: let it run over rather than loop.
                    AddText(new DeckText(kind, lines[0].Text), room * lineHeight + spacing);
                    lines = lines.Skip(1).ToList();
                    continue;
                }
                NewSlide();
            }
        }

        public void Table(IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows)
        {
            var widths = ColumnWidths(columns.Count);
            var header = RowHeight(columns, widths);
            var pending = rows.ToList();
            while (pending.Count > 0)
            {
                CloseText();
                var top = parts.Count > 0 ? y + PartGap : y;
                var taken = new List<IReadOnlyList<string>>();
                var height = header;
                foreach (var row in pending)
                {
                    var rowHeight = RowHeight(row, widths);
                    if (top + height + rowHeight > BodyBottom && (taken.Count > 0 || !IsSlideEmpty))
                    {
                        break;
                    }
                    taken.Add(row);
                    height += rowHeight;
                }
                if (taken.Count == 0)
                {
                    NewSlide();
                    continue;
                }
                parts.Add(new DeckTable(columns, taken, top, height));
                y = top + height + PartGap;
                textTop = y;
                pending = pending.Skip(taken.Count).ToList();
                if (pending.Count > 0)
                {
                    NewSlide();
                }
            }
        }

        public IReadOnlyList<DeckSlide> Finish()
        {
            CloseText();
            if (parts.Count > 0 || slides.Count == 0)
            {
                slides.Add(new DeckSlide(slides.Count == 0 ? title : title + Continued, [.. parts]));
            }
            return slides;
        }

        private bool IsSlideEmpty => parts.Count == 0 && texts.Count == 0;

        private void AddText(DeckText text, long height)
        {
            if (texts.Count == 0)
            {
                textTop = parts.Count > 0 ? y : BodyTop;
                y = textTop + 2 * InsetY;
            }
            texts.Add(text);
            y += height;
        }

        private void CloseText()
        {
            if (texts.Count == 0)
            {
                return;
            }
            parts.Add(new DeckTextBox([.. texts], textTop, y - textTop));
            texts.Clear();
        }

        private void NewSlide()
        {
            CloseText();
            slides.Add(new DeckSlide(slides.Count == 0 ? title : title + Continued, [.. parts]));
            parts.Clear();
            y = textTop = BodyTop;
        }

        private static long RowHeight(IReadOnlyList<string> cells, long[] widths) =>
            cells.Select((cell, i) => LineCount(cell, CharactersPerLine(widths[Math.Min(i, widths.Length - 1)], TableTextSize))).DefaultIfEmpty(1).Max()
                * LineHeight(TableTextSize) + 2 * InsetY;

        private static long Points(double points) => (long)(points * EmuPerPoint);
    }
}
