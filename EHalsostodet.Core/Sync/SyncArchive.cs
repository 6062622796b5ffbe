using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Core.Sync;

/// <summary>The outcome of unpacking an uploaded archive: its id, or why it was refused (in Swedish).</summary>
public sealed record SyncUpload(string? Id, string? Error);

/// <summary>
/// uSync folders as zip archives for the back office: the export as one download, and uploads
/// unpacked into a folder with an unguessable id until the administrator applies or abandons
/// them. Only .yml, .yaml and .md entries inside the archive's own tree are accepted.
/// </summary>
public sealed class SyncArchive(SyncExporter exporter, IOptions<SyncOptions> options, TimeProvider clock, string contentRootPath)
{
    public const long MaxArchiveBytes = 20 * 1024 * 1024;
    public const long MaxUnpackedBytes = 50 * 1024 * 1024;
    private const int MaxEntries = 5000;
    private static readonly string[] AllowedExtensions = [".yml", ".yaml", ".md"];

    private string UploadRoot => Path.GetFullPath(Path.Combine(contentRootPath, options.Value.UploadFolder));

    public async Task<byte[]> ExportAsync(CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "usync-export-" + Guid.NewGuid().ToString("N"));
        try
        {
            await exporter.ExportAsync(folder, cancellationToken);
            using var buffer = new MemoryStream();
            await ZipFile.CreateFromDirectoryAsync(folder, buffer, CompressionLevel.Optimal, includeBaseDirectory: false, cancellationToken);
            return buffer.ToArray();
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    public async Task<SyncUpload> UnpackAsync(Stream archive, long length, CancellationToken cancellationToken)
    {
        RemoveExpired();
        if (length <= 0)
        {
            return new(null, "Välj en zip-fil att ladda upp.");
        }
        if (length > MaxArchiveBytes)
        {
            return new(null, $"Zip-filen är för stor. Den får vara högst {MaxArchiveBytes / 1024 / 1024} MB.");
        }
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var folder = Path.Combine(UploadRoot, id);
        try
        {
            using var zip = new ZipArchive(archive, ZipArchiveMode.Read);
            if (Refusal(zip) is { } refusal)
            {
                return new(null, refusal);
            }
            Directory.CreateDirectory(folder);
            foreach (var entry in zip.Entries.Where(e => e.Name.Length > 0))
            {
                var target = Path.GetFullPath(Path.Combine(folder, entry.FullName));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                await ExtractAsync(entry, target, cancellationToken);
            }
            return new(id, null);
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or NotSupportedException)
        {
            // Not a zip, a damaged one (ZipArchive throws ArgumentOutOfRangeException on some), or an entry larger than it says.
            Delete(folder);
            return new(null, "Filen är ingen giltig zip-fil. Ladda upp en zip-fil som exporterats från E-hälsostödet.");
        }
        catch (IOException)
        {
            Delete(folder);
            return new(null, "Zip-filen kunde inte packas upp. Kontrollera att varje fil bara finns en gång.");
        }
    }

    /// <summary>The unpacked folder of an upload that has not expired, or null.</summary>
    public string? Folder(string? id)
    {
        RemoveExpired();
        if (id is not { Length: 32 } || !id.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }
        var folder = Path.Combine(UploadRoot, id);
        return Directory.Exists(folder) ? folder : null;
    }

    public void Remove(string id)
    {
        if (Folder(id) is { } folder)
        {
            Delete(folder);
        }
    }

    /// <summary>
    /// Writes an entry to a new file, never more bytes than the archive declares for it, so the
    /// limits checked on the declared sizes hold for what lands on disk.
    /// </summary>
    private static async Task ExtractAsync(ZipArchiveEntry entry, string target, CancellationToken cancellationToken)
    {
        await using var source = entry.Open();
        await using var file = new FileStream(target, FileMode.CreateNew, FileAccess.Write);
        var buffer = new byte[81920];
        long written = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            written += read;
            if (written > entry.Length)
            {
                throw new InvalidDataException($"{entry.FullName} är större än zip-filen anger.");
            }
            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }

    private static string? Refusal(ZipArchive zip)
    {
        if (zip.Entries.Count > MaxEntries)
        {
            return $"Zip-filen innehåller för många filer (högst {MaxEntries}).";
        }
        if (zip.Entries.Sum(e => e.Length) > MaxUnpackedBytes)
        {
            return $"Zip-filen blir för stor uppackad (högst {MaxUnpackedBytes / 1024 / 1024} MB).";
        }
        foreach (var entry in zip.Entries)
        {
            var name = entry.FullName.Replace('\\', '/');
            if (name.StartsWith('/') || name.Contains(':', StringComparison.Ordinal) || name.Any(char.IsControl) || name.Split('/').Any(part => part is ".." or "."))
            {
                return $"Zip-filen har en otillåten sökväg: {entry.FullName}. Inget har packats upp.";
            }
            if (entry.Name.Length > 0 && !AllowedExtensions.Contains(Path.GetExtension(entry.Name).ToLowerInvariant()))
            {
                return $"Zip-filen får bara innehålla .yml-, .yaml- och .md-filer, inte {entry.FullName}. Inget har packats upp.";
            }
        }
        return null;
    }

    private void RemoveExpired()
    {
        if (!Directory.Exists(UploadRoot))
        {
            return;
        }
        var limit = clock.GetUtcNow().UtcDateTime - options.Value.UploadLifetime;
        foreach (var folder in Directory.EnumerateDirectories(UploadRoot).Where(f => Directory.GetCreationTimeUtc(f) < limit))
        {
            Delete(folder);
        }
    }

    private static void Delete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // Removed on a later expiry pass.
        }
    }
}
