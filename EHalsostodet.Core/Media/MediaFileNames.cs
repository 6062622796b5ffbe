using System.Text;

namespace EHalsostodet.Core.Media;

/// <summary>Uploaded file names made safe to show: no folders, control characters or markup, bounded length.</summary>
public static class MediaFileNames
{
    private const int MaxLength = 120;

    public static string Sanitise(string? fileName, ImageFormat format)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        var kept = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormC))
        {
            kept.Append(char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or ' ' ? c : '_');
        }
        var result = kept.ToString().Trim(' ', '.');
        if (result.Length > MaxLength)
        {
            result = result[..MaxLength];
        }
        return result.Length > 0 ? result : "bild" + format.Extension();
    }
}
