namespace EHalsostodet.Web.Media;

/// <summary>Reads an uploaded form file into memory; its size has already been checked against the limit.</summary>
internal static class MediaUploadReader
{
    /// <summary>The request size that pages taking an upload allow: above any sensible Media:MaxBytes; the configured limit is checked on the file itself.</summary>
    public const long MaxRequestBytes = 64L * 1024 * 1024;

    public static async Task<byte[]> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream((int)file.Length);
        await using var stream = file.OpenReadStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
