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
        layout.Paragraph($"En samling med {book.Documents.Count} kommunberättelser från {PortalName}.", muted: true);
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
                switch (block)
                {
                    case ExportParagraph paragraph:
                        layout.Paragraph(paragraph.Text);
                        break;
                    case ExportSubheading subheading:
                        layout.Heading(subheading.Text, section.Level + 2, bookmark: false);
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
        }
    }

    private static string Subject(ExportDocument document) => document.Lead.Length > 0 ? document.Lead : document.Title;
}
