using EHalsostodet.Core.Export.OpenXml;
using EHalsostodet.Core.Export.Pdf;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Core.Export;

/// <summary>
/// Turns export documents into files of each format, at most
/// <see cref="ExportOptions.MaxConcurrentRendering"/> at once: rendering is pure CPU work, so more
/// at once finish no sooner, but each holds its whole document in memory and a thread that pages
/// are waiting for.
/// </summary>
public sealed class ExportRenderer : IDisposable
{
    private readonly SemaphoreSlim gate;

    public ExportRenderer(IOptions<ExportOptions> options)
    {
        PdfSharpSetup.EnsureConfigured(options.Value.FontFolder);
        gate = new SemaphoreSlim(Math.Max(1, options.Value.MaxConcurrentRendering));
    }

    public Task<byte[]> RenderAsync(ExportDocument document, ExportFormat format, CancellationToken cancellationToken) =>
        OneAtATimeAsync(() => format switch
        {
            ExportFormat.Pdf => PdfExportRenderer.Document(document),
            ExportFormat.Pptx => PptxDeckRenderer.Render(document),
            ExportFormat.Docx => DocxRenderer.Render(document),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
        }, cancellationToken);

    /// <summary>The short version of a story as a PDF of at most two pages.</summary>
    public Task<byte[]> RenderShortPdfAsync(ExportDocument document, CancellationToken cancellationToken) =>
        OneAtATimeAsync(() => PdfExportRenderer.Summary(document), cancellationToken);

    public Task<byte[]> RenderBookAsync(ExportBook book, CancellationToken cancellationToken) =>
        OneAtATimeAsync(() => PdfExportRenderer.Book(book), cancellationToken);

    public void Dispose() => gate.Dispose();

    private async Task<byte[]> OneAtATimeAsync(Func<byte[]> render, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            return render();
        }
        finally
        {
            gate.Release();
        }
    }
}
