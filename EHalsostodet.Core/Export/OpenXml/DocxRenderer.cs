using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace EHalsostodet.Core.Export.OpenXml;

/// <summary>Renders an export document as an editable Word document with real heading styles.</summary>
public static class DocxRenderer
{
    public static byte[] Render(ExportDocument document)
    {
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            package.PackageProperties.Title = document.Title;
            package.PackageProperties.Creator = "E-hälsostödet";
            package.PackageProperties.Language = "sv-SE";
            var main = package.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            var bodyElement = new Body();
            bodyElement.Append(Styled("Title", document.Title));
            if (document.Lead.Length > 0)
            {
                bodyElement.Append(Styled("Subtitle", document.Lead));
            }
            foreach (var fact in document.Facts)
            {
                bodyElement.Append(Styled(null, $"{fact.Label}: {fact.Value}"));
            }
            if (document.Tags.Count > 0)
            {
                bodyElement.Append(Styled(null, "Taggar: " + string.Join(", ", document.Tags)));
            }
            if (document.Notice.Length > 0)
            {
                bodyElement.Append(Styled("Quote", document.Notice));
            }
            bodyElement.Append(LinkParagraph(main, "Läs på webben: ", document.PageUrl));
            foreach (var section in document.Sections)
            {
                bodyElement.Append(Styled("Heading" + section.Level, section.Heading));
                foreach (var block in section.Blocks)
                {
                    switch (block)
                    {
                        case ExportParagraph paragraph:
                            bodyElement.Append(Styled(null, paragraph.Text));
                            break;
                        case ExportSubheading subheading:
                            bodyElement.Append(Styled("Heading" + (section.Level + 1), subheading.Text));
                            break;
                        case ExportList list:
                            foreach (var item in list.Items)
                            {
                                bodyElement.Append(Styled("ListBullet", "• " + item));
                            }
                            break;
                        case ExportTable table:
                            if (table.Caption.Length > 0)
                            {
                                bodyElement.Append(Styled("Caption", table.Caption));
                            }
                            bodyElement.Append(Table(table));
                            break;
                        case ExportLink link:
                            bodyElement.Append(LinkParagraph(main, link.Label + ": ", link.Url));
                            break;
                    }
                }
            }
            bodyElement.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1134U, Right = 1134U, Header = 567U, Footer = 567U, Gutter = 0U }));
            main.Document = new Document(bodyElement);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Paragraph Styled(string? style, string text)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }
        paragraph.Append(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }

    private static Paragraph LinkParagraph(MainDocumentPart main, string label, string url)
    {
        var relationship = main.AddHyperlinkRelationship(new Uri(url, UriKind.Absolute), true);
        return new Paragraph(
            new Run(new Text(label) { Space = SpaceProcessingModeValues.Preserve }),
            new Hyperlink(new Run(new RunProperties(new RunStyle { Val = "Hyperlink" }), new Text(url))) { Id = relationship.Id, History = true });
    }

    private static Table Table(ExportTable table)
    {
        var result = new Table(new TableProperties(
            new TableStyle { Val = "TableGrid" },
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
        result.Append(Row(table.Columns, header: true));
        foreach (var row in table.Rows)
        {
            result.Append(Row(row, header: false));
        }
        return result;
    }

    private static TableRow Row(IEnumerable<string> cells, bool header)
    {
        var row = new TableRow();
        if (header)
        {
            // Repeats on each page and tells assistive technology that these are column headers.
            row.Append(new TableRowProperties(new TableHeader()));
        }
        foreach (var cell in cells)
        {
            var run = header ? new Run(new RunProperties(new Bold()), new Text(cell)) : new Run(new Text(cell));
            row.Append(new TableCell(new Paragraph(run)));
        }
        return row;
    }

    private static Styles Styles()
    {
        var styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri" }, new FontSize { Val = "22" }, new Languages { Val = "sv-SE" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120" }))));
        styles.Append(ParagraphStyle("Normal", "Normal", null, null, isDefault: true));
        styles.Append(ParagraphStyle("Title", "Title", "52", null));
        styles.Append(ParagraphStyle("Subtitle", "Subtitle", "26", null, bold: false));
        styles.Append(ParagraphStyle("Heading1", "heading 1", "36", 0));
        styles.Append(ParagraphStyle("Heading2", "heading 2", "28", 1));
        styles.Append(ParagraphStyle("Heading3", "heading 3", "24", 2));
        styles.Append(ParagraphStyle("Quote", "Quote", null, null, bold: false));
        styles.Append(ParagraphStyle("Caption", "caption", "20", null));
        styles.Append(ParagraphStyle("ListBullet", "List Bullet", null, null, bold: false));
        styles.Append(new Style(new StyleName { Val = "Hyperlink" }, new StyleRunProperties(new Color { Val = "0B4F9C" }, new Underline { Val = UnderlineValues.Single }))
        {
            Type = StyleValues.Character, StyleId = "Hyperlink",
        });
        return styles;
    }

    private static Style ParagraphStyle(string id, string name, string? size, int? outlineLevel, bool bold = true, bool isDefault = false)
    {
        var runProperties = new StyleRunProperties();
        if (bold && id != "Normal")
        {
            runProperties.Append(new Bold());
        }
        if (size is not null)
        {
            runProperties.Append(new FontSize { Val = size });
        }
        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id, Default = isDefault ? OnOffValue.FromBoolean(true) : null };
        if (id != "Normal")
        {
            style.Append(new BasedOn { Val = "Normal" });
            style.Append(new PrimaryStyle());
        }
        var paragraphProperties = new StyleParagraphProperties();
        if (outlineLevel is { } level)
        {
            paragraphProperties.Append(new KeepNext());
            paragraphProperties.Append(new SpacingBetweenLines { Before = "240", After = "120" });
            paragraphProperties.Append(new OutlineLevel { Val = level });
        }
        style.Append(paragraphProperties);
        style.Append(runProperties);
        return style;
    }
}
