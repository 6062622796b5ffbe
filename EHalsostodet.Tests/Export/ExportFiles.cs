using System.Diagnostics;
using System.Net;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace EHalsostodet.Tests.Export;

/// <summary>Reads exported files back the way a user's tools would: poppler for PDFs, zbar for QR codes.</summary>
internal static class ExportFiles
{
    public static async Task<byte[]> DownloadAsync(HttpClient client, string url, string contentType)
    {
        using var response = await client.GetAsync(url);
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, url);
        Assert.AreEqual(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.AreEqual("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    public static string PdfText(byte[] pdf) => WithFile(pdf, "pdf", path => Run("pdftotext", "-enc", "UTF-8", path, "-"));

    public static string PdfInfo(byte[] pdf) => WithFile(pdf, "pdf", path => Run("pdfinfo", "-enc", "UTF-8", path));

    /// <summary>Renders the first page to an image and decodes the QR codes on it.</summary>
    public static string QrCodesOnFirstPage(byte[] pdf) => WithFile(pdf, "pdf", path =>
    {
        var image = Path.ChangeExtension(path, null) + "-sida";
        Run("pdftoppm", "-r", "150", "-f", "1", "-l", "1", "-singlefile", "-png", path, image);
        return Run("zbarimg", "--quiet", "--raw", image + ".png");
    });

    public static PdfDocument OpenPdf(byte[] pdf) => PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);

    public static T WithFile<T>(byte[] content, string extension, Func<string, T> read)
    {
        var path = Path.Combine(Path.GetTempPath(), $"export-{Guid.NewGuid():N}.{extension}");
        File.WriteAllBytes(path, content);
        try
        {
            return read(path);
        }
        finally
        {
            foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileNameWithoutExtension(path) + "*"))
            {
                File.Delete(file);
            }
        }
    }

    private static string Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = System.Text.Encoding.UTF8 };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException(tool);
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.AreEqual(0, process.ExitCode, $"{tool}: {error}");
        return output;
    }
}
