using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace EHalsostodet.Core.Export.Pdf;

/// <summary>
/// Gives PDFsharp the DejaVu Sans faces from the configured font folder, whatever family is asked
/// for: they cover every Swedish letter and are embedded, so the text stays selectable and searchable.
/// </summary>
public sealed class DejaVuFontResolver(string fontFolder) : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private readonly ConcurrentDictionary<string, byte[]> faces = new();

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new((bold, italic) switch
        {
            (true, true) => "DejaVuSans-BoldOblique",
            (true, false) => "DejaVuSans-Bold",
            (false, true) => "DejaVuSans-Oblique",
            _ => "DejaVuSans",
        });

    public byte[]? GetFont(string faceName) =>
        faces.GetOrAdd(faceName, name =>
        {
            var path = Path.Combine(fontFolder, name + ".ttf");
            if (!File.Exists(path))
            {
                throw new FileNotFoundException(
                    $"Typsnittet {name}.ttf saknas i {fontFolder}. Installera DejaVu-typsnitten (fonts-dejavu-core) eller ange Export:FontFolder.", path);
            }
            return File.ReadAllBytes(path);
        });
}

/// <summary>PDFsharp's process-wide settings: the AGPL licence and the font resolver, set once.</summary>
public static class PdfSharpSetup
{
    private static readonly Lock Gate = new();
    private static bool configured;

    public static void EnsureConfigured(string fontFolder)
    {
        lock (Gate)
        {
            if (configured)
            {
                return;
            }
            PdfSharp.PdfSharpLicense.SetAgplLicense();
            GlobalFontSettings.FontResolver = new DejaVuFontResolver(fontFolder);
            configured = true;
        }
    }
}
