using EHalsostodet.Core.Media;
using EHalsostodet.Core.Persistence;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Web.Operations;

/// <summary>
/// <c>backup &lt;target-file&gt;</c>: a consistent copy of the SQLite database made with SQLite's
/// online backup API while the portal may be serving, then the media folder copied next to it
/// as <c>&lt;target-file&gt;.media/</c>. Media files are written once under their id and never
/// changed, so copying them after the database gives every image the copy refers to.
/// PostgreSQL is backed up with pg_dump instead.
/// </summary>
public sealed class BackupCommand(SqliteBackup backup, IOptions<DatabaseOptions> database, IOptions<MediaOptions> media, MediaContentRoot contentRoot)
{
    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        if (!string.Equals(database.Value.Provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            await output.WriteLineAsync(
                "Säkerhetskopiering med backup gäller bara SQLite. Med PostgreSQL: använd pg_dump, t.ex. " +
                "pg_dump -Fc -f ehalsostodet.dump <databas>, och återställ med pg_restore.");
            return 2;
        }
        if (args is not [var target] || string.IsNullOrWhiteSpace(target))
        {
            await output.WriteLineAsync("Användning: backup <målfil>   (t.ex. backup /var/backups/ehalsostodet-2026-11-30.db)");
            return 2;
        }
        var targetPath = Path.GetFullPath(target);
        if (File.Exists(targetPath))
        {
            await output.WriteLineAsync($"Målfilen {targetPath} finns redan; välj ett nytt namn.");
            return 2;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(targetPath)!);

        await backup.CopyToAsync(targetPath, cancellationToken);
        await output.WriteLineAsync($"Databasen är säkerhetskopierad till {targetPath}.");

        var mediaFolder = Path.IsPathRooted(media.Value.Folder) ? media.Value.Folder : Path.Combine(contentRoot.Path, media.Value.Folder);
        var copied = CopyMedia(mediaFolder, targetPath + ".media");
        await output.WriteLineAsync(copied < 0
            ? "Ingen mediamapp att kopiera."
            : $"{copied} mediafiler är kopierade till {targetPath}.media.");
        return 0;
    }

    /// <returns>How many files were copied; -1 when there is no media folder.</returns>
    private static int CopyMedia(string from, string to)
    {
        if (!Directory.Exists(from))
        {
            return -1;
        }
        Directory.CreateDirectory(to);
        var count = 0;
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
            count++;
        }
        return count;
    }
}
