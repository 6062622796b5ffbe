using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Annotations;
using PdfSharp.UniversalAccessibility;
using QRCoder;

namespace EHalsostodet.Core.Export.Pdf;

/// <summary>What the PDF says about itself: its title, author and subject in the document information.</summary>
public sealed record PdfDocumentInfo(string Title, string Author, string Subject, string RunningHeader);

/// <summary>
/// A small page layout on PDFsharp: word-wrapped text flowing over A4 pages, headings that become
/// bookmarks, bullet lists, simple tables, links, a QR code, a running header and "Sida N av M".
/// Content is laid out first and drawn afterwards, so every footer knows the page count; while
/// drawing, each piece is tagged in the structure tree (headings, paragraphs, lists, tables,
/// figure) and the header and footer are marked as artifacts.
/// </summary>
public sealed class PdfLayout
{
    public const double PageWidth = 595.28;
    public const double PageHeight = 841.89;
    private const double Margin = 56.7;
    private const double ContentTop = 82;
    private const double ContentBottom = PageHeight - 66;
    private const double ContentWidth = PageWidth - 2 * Margin;
    private const double ParagraphGap = 6;
    private const double CellPadding = 4;

    private static readonly XColor TextColor = XColor.FromArgb(27, 27, 27);
    private static readonly XColor MutedColor = XColor.FromArgb(80, 80, 80);
    private static readonly XColor LinkColor = XColor.FromArgb(11, 79, 156);
    private static readonly XColor ShadeColor = XColor.FromArgb(236, 240, 244);

    private readonly XFont body = new(DejaVuFontResolver.Family, 10.5, XFontStyleEx.Regular);
    private readonly XFont bold = new(DejaVuFontResolver.Family, 10.5, XFontStyleEx.Bold);
    private readonly XFont small = new(DejaVuFontResolver.Family, 8.5, XFontStyleEx.Regular);
    private readonly XFont smallBold = new(DejaVuFontResolver.Family, 8.5, XFontStyleEx.Bold);
    private readonly XFont[] headings =
    [
        new(DejaVuFontResolver.Family, 20, XFontStyleEx.Bold),
        new(DejaVuFontResolver.Family, 15, XFontStyleEx.Bold),
        new(DejaVuFontResolver.Family, 12.5, XFontStyleEx.Bold),
        new(DejaVuFontResolver.Family, 11, XFontStyleEx.Bold),
    ];

    private readonly XGraphics measure = XGraphics.CreateMeasureContext(new XSize(PageWidth, PageHeight), XGraphicsUnit.Point, XPageDirection.Downwards);
    private readonly List<List<PdfOp>> pages = [[]];
    private readonly List<PdfBookmark> bookmarks = [];
    private readonly List<PdfOp> openTags = [];
    private double y = ContentTop;

    public int PageCount => pages.Count;

    private List<PdfOp> Page => pages[^1];

    public void Heading(string text, int level, bool bookmark = true)
    {
        var font = headings[Math.Clamp(level, 1, headings.Length) - 1];
        var lines = Wrap(text, font, ContentWidth);
        var lineHeight = font.Height * 1.15;
        var gap = level == 1 ? 0 : lineHeight * 0.6;
        // Keep a heading with at least three lines of what follows it.
        EnsureRoom(gap + lines.Count * lineHeight + 3 * body.Height * 1.3);
        if (y > ContentTop)
        {
            y += gap;
        }
        if (bookmark)
        {
            bookmarks.Add(new PdfBookmark(text, level, pages.Count - 1));
        }
        Begin(new BeginTagOp(HeadingTag(level)));
        foreach (var line in lines)
        {
            Page.Add(new TextOp(line, font, TextColor, Margin, y));
            y += lineHeight;
        }
        End();
        y += ParagraphGap * 0.5;
    }

    public void Paragraph(string text, bool strong = false, bool muted = false)
    {
        var font = strong ? bold : body;
        Begin(new BeginTagOp(PdfBlockLevelElementTag.Paragraph));
        WriteLines(Wrap(text, font, ContentWidth), font, muted ? MutedColor : TextColor, Margin);
        End();
        y += ParagraphGap;
    }

    /// <summary>A paragraph on a shaded background, for the responsibility notice.</summary>
    public void Notice(string text)
    {
        var lines = Wrap(text, body, ContentWidth - 2 * CellPadding * 2);
        var height = lines.Count * LineHeight(body) + 4 * CellPadding;
        EnsureRoom(Math.Min(height, ContentBottom - ContentTop));
        Page.Add(new FillOp(new XRect(Margin, y, ContentWidth, height), ShadeColor));
        y += 2 * CellPadding;
        Begin(new BeginTagOp(PdfBlockLevelElementTag.Paragraph));
        WriteLines(lines, body, TextColor, Margin + 2 * CellPadding);
        End();
        y += 2 * CellPadding + ParagraphGap;
    }

    public void BulletList(IEnumerable<string> items)
    {
        const double indent = 14;
        Begin(new BeginTagOp(PdfBlockLevelElementTag.List));
        foreach (var item in items)
        {
            EnsureRoom(LineHeight(body));
            Begin(new BeginTagOp(PdfBlockLevelElementTag.ListItem));
            Begin(new BeginTagOp(PdfBlockLevelElementTag.Label));
            Page.Add(new TextOp("•", body, TextColor, Margin + 2, y));
            End();
            Begin(new BeginTagOp(PdfBlockLevelElementTag.ListBody));
            WriteLines(Wrap(item, body, ContentWidth - indent), body, TextColor, Margin + indent);
            End();
            End();
            y += 2;
        }
        End();
        y += ParagraphGap;
    }

    /// <summary>A table with a header row; the header is repeated on each page the table runs over.</summary>
    public void Table(string caption, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var widths = ColumnWidths(columns.Count);
        if (caption.Length > 0)
        {
            EnsureRoom(LineHeight(bold) * 3);
            Paragraph(caption, strong: true);
            y -= ParagraphGap - 2;
        }
        Begin(new BeginTagOp(PdfBlockLevelElementTag.Table));
        Row(columns, widths, header: true);
        foreach (var row in rows)
        {
            if (Row(row, widths, header: false))
            {
                Row(columns, widths, header: true);
                Row(row, widths, header: false);
            }
        }
        End();
        y += ParagraphGap;
    }

    /// <summary>A link: the label, and the address on its own line so a printed copy keeps it.</summary>
    public void Link(string label, string url)
    {
        if (label.Length > 0 && label != url)
        {
            Paragraph(label, strong: true);
            y -= ParagraphGap;
        }
        var lines = Wrap(url, body, ContentWidth);
        EnsureRoom(lines.Count * LineHeight(body));
        var width = lines.Max(l => measure.MeasureString(l, body).Width);
        Begin(new BeginTagOp(PdfBlockLevelElementTag.Paragraph));
        Begin(new BeginLinkOp(new XRect(Margin, y, width, lines.Count * LineHeight(body)), url, label.Length > 0 ? label : url));
        WriteLines(lines, body, LinkColor, Margin);
        End();
        End();
        y += ParagraphGap;
    }

    /// <summary>A QR code of the address with the address as text beside it.</summary>
    public void QrCode(string url, string caption)
    {
        const double size = 96;
        EnsureRoom(size + ParagraphGap);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var module = size / matrix.Count;
        var cells = new List<XRect>();
        for (var row = 0; row < matrix.Count; row++)
        {
            for (var column = 0; column < matrix[row].Count; column++)
            {
                if (matrix[row][column])
                {
                    cells.Add(new XRect(Margin + column * module, y + row * module, module, module));
                }
            }
        }
        Page.Add(new QrOp(new XRect(Margin, y, size, size), cells, $"QR-kod med länk till {url}"));
        var top = y;
        var textX = Margin + size + 12;
        var textWidth = ContentWidth - size - 12;
        y = top + 20;
        Begin(new BeginTagOp(PdfBlockLevelElementTag.Paragraph));
        WriteLines(Wrap(caption, bold, textWidth), bold, TextColor, textX);
        End();
        var lines = Wrap(url, body, textWidth);
        Begin(new BeginTagOp(PdfBlockLevelElementTag.Paragraph));
        Begin(new BeginLinkOp(new XRect(textX, y, lines.Max(l => measure.MeasureString(l, body).Width), lines.Count * LineHeight(body)), url, caption));
        WriteLines(lines, body, LinkColor, textX);
        End();
        End();
        y = Math.Max(y, top + size) + ParagraphGap;
    }

    public void Space(double points) => y += points;

    public void PageBreak()
    {
        if (Page.Count == 0)
        {
            return;
        }
        // PDFsharp's structure builder cannot carry an element over to the next page's graphics,
        // so elements still open are closed here and opened again on the new page.
        foreach (var _ in openTags)
        {
            Page.Add(new EndTagOp());
        }
        pages.Add([.. openTags]);
        y = ContentTop;
    }

    private void Begin(PdfOp tag)
    {
        openTags.Add(tag);
        Page.Add(tag);
    }

    private void End()
    {
        openTags.RemoveAt(openTags.Count - 1);
        Page.Add(new EndTagOp());
    }

    /// <summary>Draws the laid-out pages into a PDF with its information, language, bookmarks and structure tree.</summary>
    public byte[] ToPdf(PdfDocumentInfo info)
    {
        using var document = new PdfDocument();
        document.Info.Title = info.Title;
        document.Info.Author = info.Author;
        document.Info.Subject = info.Subject;
        document.Info.Creator = "E-hälsostödet";
        var accessibility = UAManager.ForDocument(document);
        accessibility.SetDocumentLanguage("sv-SE");
        var structure = accessibility.StructureBuilder;
        var pdfPages = new List<PdfPage>();
        for (var number = 1; number <= pages.Count; number++)
        {
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(PageWidth);
            page.Height = XUnit.FromPoint(PageHeight);
            pdfPages.Add(page);
            using var gfx = XGraphics.FromPdfPage(page);
            DrawHeaderAndFooter(gfx, structure, info.RunningHeader, number, pages.Count);
            foreach (var op in pages[number - 1])
            {
                Draw(op, gfx, page, structure);
            }
        }
        AddBookmarks(document, pdfPages);
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private void DrawHeaderAndFooter(XGraphics gfx, StructureBuilder structure, string header, int number, int count)
    {
        structure.BeginArtifact();
        var headerText = Wrap(header, small, ContentWidth)[0];
        gfx.DrawString(headerText, small, new XSolidBrush(MutedColor), Margin, 40, XStringFormats.TopLeft);
        gfx.DrawLine(new XPen(MutedColor, 0.5), Margin, 54, PageWidth - Margin, 54);
        var footer = $"Sida {number} av {count}";
        var width = gfx.MeasureString(footer, small).Width;
        gfx.DrawString(footer, small, new XSolidBrush(MutedColor), (PageWidth - width) / 2, PageHeight - 44, XStringFormats.TopLeft);
        structure.End();
    }

    private static void Draw(PdfOp op, XGraphics gfx, PdfPage page, StructureBuilder structure)
    {
        switch (op)
        {
            case BeginTagOp begin:
                structure.BeginElement(begin.Tag);
                break;
            case EndTagOp:
                structure.End();
                break;
            case TextOp text:
                gfx.DrawString(text.Text, text.Font, new XSolidBrush(text.Color), text.X, text.Y, XStringFormats.TopLeft);
                break;
            case FillOp fill:
                structure.BeginArtifact();
                gfx.DrawRectangle(new XSolidBrush(fill.Color), fill.Rect);
                structure.End();
                break;
            case LineOp line:
                structure.BeginArtifact();
                gfx.DrawLine(new XPen(MutedColor, 0.5), line.X1, line.Y1, line.X2, line.Y2);
                structure.End();
                break;
            case BeginLinkOp link:
                var annotation = PdfLinkAnnotation.CreateWebLink(PdfArea(link.Rect), link.Url);
                // The structure builder makes the annotation an indirect object; the page must still list it.
                structure.BeginElement(annotation, link.Description);
                if (!IsOnPage(page, annotation))
                {
                    page.Annotations.Add(annotation);
                }
                break;
            case QrOp qr:
                structure.BeginElement(PdfIllustrationElementTag.Figure, qr.AltText, qr.Bounds);
                foreach (var cell in qr.Cells)
                {
                    gfx.DrawRectangle(XBrushes.Black, cell);
                }
                structure.End();
                break;
        }
    }

    private static bool IsOnPage(PdfPage page, PdfAnnotation annotation) =>
        Enumerable.Range(0, page.Annotations.Count).Any(i => ReferenceEquals(page.Annotations[i], annotation));

    /// <summary>PDF annotations use the page's own coordinates, which start at the bottom left.</summary>
    private static PdfRectangle PdfArea(XRect rect) => new(new XRect(rect.X, PageHeight - rect.Bottom, rect.Width, rect.Height));

    private void AddBookmarks(PdfDocument document, List<PdfPage> pdfPages)
    {
        var parents = new Stack<(int Level, PdfOutlineCollection Children)>();
        parents.Push((0, document.Outlines));
        foreach (var bookmark in bookmarks)
        {
            while (parents.Peek().Level >= bookmark.Level)
            {
                parents.Pop();
            }
            var outline = parents.Peek().Children.Add(bookmark.Title, pdfPages[bookmark.PageIndex], bookmark.Level <= 2);
            parents.Push((bookmark.Level, outline.Outlines));
        }
    }

    /// <summary>Writes one table row; returns true (and writes nothing) when the row needed a new page first.</summary>
    private bool Row(IReadOnlyList<string> cells, double[] widths, bool header)
    {
        var font = header ? smallBold : small;
        var wrapped = widths.Select((w, i) => Wrap(i < cells.Count ? cells[i] : "", font, w - 2 * CellPadding)).ToList();
        var height = wrapped.Max(l => l.Count) * LineHeight(font) + 2 * CellPadding;
        if (y + height > ContentBottom && y > ContentTop)
        {
            PageBreak();
            return !header;
        }
        if (header)
        {
            Page.Add(new FillOp(new XRect(Margin, y, widths.Sum(), height), ShadeColor));
        }
        Begin(new BeginTagOp(PdfBlockLevelElementTag.TableRow));
        var x = Margin;
        var top = y;
        for (var i = 0; i < widths.Length; i++)
        {
            Begin(new BeginTagOp(header ? PdfBlockLevelElementTag.TableHeaderCell : PdfBlockLevelElementTag.TableDataCell));
            var lineY = top + CellPadding;
            foreach (var line in wrapped[i])
            {
                Page.Add(new TextOp(line, font, TextColor, x + CellPadding, lineY));
                lineY += LineHeight(font);
            }
            End();
            x += widths[i];
        }
        End();
        y = top + height;
        Page.Add(new LineOp(Margin, y, Margin + widths.Sum(), y));
        return false;
    }

    private static double[] ColumnWidths(int count)
    {
        if (count <= 1)
        {
            return [ContentWidth];
        }
        var first = ContentWidth * 0.4;
        return [first, .. Enumerable.Repeat((ContentWidth - first) / (count - 1), count - 1)];
    }

    private void WriteLines(IReadOnlyList<string> lines, XFont font, XColor color, double x)
    {
        foreach (var line in lines)
        {
            EnsureRoom(LineHeight(font));
            Page.Add(new TextOp(line, font, color, x, y));
            y += LineHeight(font);
        }
    }

    private void EnsureRoom(double height)
    {
        if (y + height > ContentBottom && y > ContentTop)
        {
            PageBreak();
        }
    }

    private static double LineHeight(XFont font) => font.Height * 1.3;

    /// <summary>Breaks text into lines that fit the width, at spaces, or inside a word (an address) that is wider than a line.</summary>
    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (measure.MeasureString(candidate, font).Width <= width)
                {
                    line = candidate;
                    continue;
                }
                if (line.Length > 0)
                {
                    lines.Add(line);
                }
                line = word;
                while (measure.MeasureString(line, font).Width > width && line.Length > 1)
                {
                    var fits = line.Length - 1;
                    while (fits > 1 && measure.MeasureString(line[..fits], font).Width > width)
                    {
                        fits--;
                    }
                    lines.Add(line[..fits]);
                    line = line[fits..];
                }
            }
            lines.Add(line);
        }
        return lines.Count == 0 ? [""] : lines;
    }

    private static PdfBlockLevelElementTag HeadingTag(int level) => level switch
    {
        1 => PdfBlockLevelElementTag.Heading1,
        2 => PdfBlockLevelElementTag.Heading2,
        3 => PdfBlockLevelElementTag.Heading3,
        _ => PdfBlockLevelElementTag.Heading4,
    };

    private abstract record PdfOp;

    private sealed record TextOp(string Text, XFont Font, XColor Color, double X, double Y) : PdfOp;

    private sealed record FillOp(XRect Rect, XColor Color) : PdfOp;

    private sealed record LineOp(double X1, double Y1, double X2, double Y2) : PdfOp;

    private sealed record BeginTagOp(PdfBlockLevelElementTag Tag) : PdfOp;

    private sealed record BeginLinkOp(XRect Rect, string Url, string Description) : PdfOp;

    private sealed record EndTagOp : PdfOp;

    private sealed record QrOp(XRect Bounds, IReadOnlyList<XRect> Cells, string AltText) : PdfOp;

    private sealed record PdfBookmark(string Title, int Level, int PageIndex);
}
