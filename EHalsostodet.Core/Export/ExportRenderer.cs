using EHalsostodet.Core.Export.OpenXml;
using EHalsostodet.Core.Export.Pdf;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Core.Export;

/// <summary>Turns export documents into files of each format.</summary>
public sealed class ExportRenderer
{
    public ExportRenderer(IOptions<ExportOptions> options) => PdfSharpSetup.EnsureConfigured(options.Value.FontFolder);

    public byte[] Render(ExportDocument document, ExportFormat format) => format switch
    {
        ExportFormat.Pdf => PdfExportRenderer.Document(document),
        ExportFormat.Pptx => PptxDeckRenderer.Render(document),
        ExportFormat.Docx => DocxRenderer.Render(document),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>The short version of a story as a PDF of at most two pages.</summary>
    public byte[] RenderShortPdf(ExportDocument document) => PdfExportRenderer.Summary(document);

    public byte[] RenderBook(ExportBook book) => PdfExportRenderer.Book(book);
}
