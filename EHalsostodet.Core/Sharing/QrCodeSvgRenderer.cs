using QRCoder;

namespace EHalsostodet.Core.Sharing;

/// <summary>Draws a QR code as an SVG document; behind an interface so another encoder can replace QRCoder.</summary>
public interface IQrCodeRenderer
{
    string Svg(string text);
}

/// <summary>QRCoder's SVG renderer: one path of dark modules on a light square, with the quiet zone, sized by viewBox only.</summary>
public sealed class QrCoderSvgRenderer : IQrCodeRenderer
{
    /// <summary>Medium error correction: still scannable from a slightly damaged printout, without making long links dense.</summary>
    public const QRCodeGenerator.ECCLevel ErrorCorrection = QRCodeGenerator.ECCLevel.M;

    public string Svg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, ErrorCorrection);
        using var svg = new SvgQRCode(data);
        // viewBox sizing lets the <img> decide the size; the SVG carries no style element, so the
        // site's strict CSP has nothing to block.
        return svg.GetGraphic(1, "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
