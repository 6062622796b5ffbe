using EHalsostodet.Core.Content;

namespace EHalsostodet.Core.Export.Pdf;

/// <summary>Renders export documents, and collections of them, as A4 PDFs.</summary>
public static class PdfExportRenderer
{
    public const string PortalName = "E-hälsostödet";

    public static byte[] Document(ExportDocument document)
    {
        var layout = new PdfLayout();
        Write(layout, document);
        return layout.ToPdf(new PdfDocumentInfo(document.Title, PortalName, Subject(document), $"{document.Title} · {PortalName}"));
    }

    /// <summary>The most pages the short version of a story takes.</summary>
    public const int SummaryMaxPages = 2;

    /// <summary>
    /// The short version of a story for a meeting: title, facts, the link and QR code, then the
    /// summary and the benefit effects with their indicators, on at most two pages. What does not
    /// fit is left out from the end of the longer of the two, and the reader is told so.
    /// </summary>
    public static byte[] Summary(ExportDocument document)
    {
        var parts = new[] { document.Section(StorySections.Summary.Key), document.Section(StorySections.Benefits.Key) }
            .OfType<ExportSection>()
            .Select(s => (s.Heading, Blocks: WithoutInitiativeLinks(s.Blocks)))
            .ToList();
        var shortened = false;
        while (true)
        {
            var layout = new PdfLayout();
            WriteSummary(layout, document, parts, shortened);
            if (layout.PageCount <= SummaryMaxPages || parts.All(p => p.Blocks.Count <= 1))
            {
                var title = $"{document.Title} (kortversion)";
                return layout.ToPdf(new PdfDocumentInfo(title, PortalName, Subject(document), $"Kortversion · {document.Title} · {PortalName}"));
            }
            var longest = parts.IndexOf(parts.MaxBy(p => p.Blocks.Count));
            parts[longest] = (parts[longest].Heading, parts[longest].Blocks.SkipLast(1).ToList());
            shortened = true;
        }
    }

    /// <summary>A cover, a contents list, then each document from a new page.</summary>
    public static byte[] Book(ExportBook book)
    {
        var layout = new PdfLayout();
        layout.Space(120);
        layout.Heading(book.Title, 1);
        if (book.Description.Length > 0)
        {
            layout.Paragraph(book.Description);
        }
        layout.Paragraph($"En samling med {Wording.SwedishCount.Stories(book.Documents.Count)} från {PortalName}.", muted: true);
        layout.Space(24);
        layout.QrCode(book.PageUrl, "Samlingen på webben");
        layout.PageBreak();
        layout.Heading("Innehåll", 1);
        layout.BulletList(book.Documents.Select((d, i) => $"{i + 1}. {d.Title}"));
        foreach (var document in book.Documents)
        {
            layout.PageBreak();
            Write(layout, document);
        }
        return layout.ToPdf(new PdfDocumentInfo(book.Title, PortalName, book.Description.Length > 0 ? book.Description : book.Title, $"{book.Title} · {PortalName}"));
    }

    private static void Write(PdfLayout layout, ExportDocument document)
    {
        layout.Heading(document.Title, 1);
        if (document.Lead.Length > 0)
        {
            layout.Paragraph(document.Lead);
        }
        foreach (var fact in document.Facts)
        {
            layout.Paragraph($"{fact.Label}: {fact.Value}", muted: true);
        }
        if (document.Tags.Count > 0)
        {
            layout.Paragraph("Taggar: " + string.Join(", ", document.Tags), muted: true);
        }
        if (document.Notice.Length > 0)
        {
            layout.Notice(document.Notice);
        }
        layout.QrCode(document.PageUrl, "Läs på webben");
        foreach (var section in document.Sections)
        {
            layout.Heading(section.Heading, section.Level + 1);
            foreach (var block in section.Blocks)
            {
                WriteBlock(layout, block, section.Level + 1);
            }
        }
    }

    private static void WriteSummary(PdfLayout layout, ExportDocument document, List<(string Heading, List<ExportBlock> Blocks)> parts, bool shortened)
    {
        layout.Heading(document.Title, 1);
        if (document.Lead.Length > 0)
        {
            layout.Paragraph(document.Lead);
        }
        if (document.Facts.Count > 0)
        {
            layout.Paragraph(string.Join(" · ", document.Facts.Select(f => $"{f.Label}: {f.Value}")), muted: true);
        }
        layout.QrCode(document.PageUrl, "Hela berättelsen på webben");
        foreach (var (heading, blocks) in parts)
        {
            layout.Heading(heading, 2);
            foreach (var block in blocks)
            {
                WriteBlock(layout, block, 2);
            }
        }
        if (shortened)
        {
            layout.Paragraph("Kortversionen har inte plats för allt. Läs resten på webben: " + document.PageUrl, muted: true);
        }
        if (document.Notice.Length > 0)
        {
            layout.Notice(document.Notice);
        }
    }

    /// <summary>The blocks without the links to knowledge initiatives (and their subheading), which the full version has.</summary>
    private static List<ExportBlock> WithoutInitiativeLinks(IReadOnlyList<ExportBlock> blocks) =>
        blocks.Where((block, i) => block is not ExportLink && !(block is ExportSubheading && i + 1 < blocks.Count && blocks[i + 1] is ExportLink)).ToList();

    private static void WriteBlock(PdfLayout layout, ExportBlock block, int level)
    {
        switch (block)
        {
            case ExportParagraph paragraph:
                layout.Paragraph(paragraph.Text);
                break;
            case ExportSubheading subheading:
                layout.Heading(subheading.Text, level + 1, bookmark: false);
                break;
            case ExportList list:
                layout.BulletList(list.Items);
                break;
            case ExportTable table:
                layout.Table(table.Caption, table.Columns, table.Rows);
                break;
            case ExportLink link:
                layout.Link(link.Label, link.Url);
                break;
        }
    }

    private static string Subject(ExportDocument document) => document.Lead.Length > 0 ? document.Lead : document.Title;
}
