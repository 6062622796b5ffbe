namespace EHalsostodet.Web.Media;

/// <summary>Reads an uploaded form file into memory; its size has already been checked against the limit.</summary>
internal static class MediaUploadReader
{
    public static async Task<byte[]> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream((int)file.Length);
        await using var stream = file.OpenReadStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
