using System.Text.Json.Nodes;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Search.Tuning;
using EHalsostodet.Core.Time;
using EHalsostodet.Core.Workflow;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Sync;

/// <summary>What an export wrote.</summary>
public sealed record SyncExportResult(int ContentFiles, int Municipalities, int Tags, int SynonymGroups);

/// <summary>
/// Writes every item that is not in the trash, the municipalities, the tags and the search
/// synonyms as a uSync folder that <see cref="SyncImporter"/> reads back unchanged.
/// </summary>
/// <remarks>
/// An export moves content between environments, so each file carries the item's latest
/// version. Its state is <c>published</c> only when that latest version is the live one; a
/// published item with a newer draft is written as <c>draft</c>, so an import never publishes
/// text that nobody has approved. Media references (the hero image id) are written as they are.
/// Each file names the version it was taken from (<c>version</c> and <c>versionId</c>), so that an
/// import can tell when the item has changed since and leave it alone.
/// </remarks>
public sealed class SyncExporter(PortalDbContext db)
{
    public async Task<SyncExportResult> ExportAsync(string root, CancellationToken cancellationToken)
    {
        var items = await db.ContentItems.AsNoTracking()
            .Where(i => i.State != WorkflowState.Trashed && i.LatestVersionId != null)
            .OrderBy(i => i.Type).ThenBy(i => i.Slug)
            .ToListAsync(cancellationToken);
        var latestIds = items.Select(i => i.LatestVersionId!.Value).ToList();
        var versions = await db.ContentVersions.AsNoTracking()
            .Where(v => latestIds.Contains(v.Id))
            .ToDictionaryAsync(v => v.Id, cancellationToken);

        foreach (var item in items)
        {
            var version = versions[item.LatestVersionId!.Value];
            var document = JsonNode.Parse(version.DocumentJson)!;
            var slug = document["slug"]?.GetValue<string>() is { Length: > 0 } s ? s : item.Id.ToString();
            var file = new JsonObject
            {
                ["id"] = item.Id.ToString(),
                ["type"] = item.Type.Key(),
                ["state"] = item.PublishedVersionId == item.LatestVersionId ? "published" : "draft",
                ["version"] = version.Number,
                ["versionId"] = version.Id.ToString(),
                ["reviewBy"] = item.ReviewBy.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            };
            if (item.LastReviewedAt is { } lastReviewed)
            {
                file["lastReviewed"] = SwedishTime.DateOf(lastReviewed).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            }
            file["document"] = document;
            await WriteAsync(root, $"{SyncFolder.ContentFolder(item.Type)}/{slug}.yml", SyncYamlWriter.Write(file), cancellationToken);
        }

        var municipalities = await db.Municipalities.AsNoTracking().OrderBy(m => m.Code).ToListAsync(cancellationToken);
        foreach (var (path, isExample) in new[] { (SyncFolder.MunicipalitiesFile, false), (SyncFolder.ExampleMunicipalitiesFile, true) })
        {
            var list = new JsonArray(municipalities.Where(m => m.IsExample == isExample)
                .Select(m => (JsonNode)new JsonObject { ["code"] = m.Code, ["name"] = m.Name, ["county"] = m.County, ["group"] = m.Group })
                .ToArray());
            await WriteAsync(root, path, SyncYamlWriter.Write(list, flowMappingsInLists: true), cancellationToken);
        }

        var tags = await db.Tags.AsNoTracking().OrderBy(t => t.Slug).ToListAsync(cancellationToken);
        var tagList = new JsonArray(tags.Select(t => (JsonNode)new JsonObject { ["name"] = t.Name, ["slug"] = t.Slug }).ToArray());
        await WriteAsync(root, SyncFolder.TagsFile, SyncYamlWriter.Write(tagList, flowMappingsInLists: true), cancellationToken);

        var synonyms = await db.Set<SearchSynonym>().AsNoTracking().OrderBy(s => s.Id).Select(s => s.Words).ToListAsync(cancellationToken);
        await WriteAsync(root, SyncFolder.SynonymsFile, SyncSynonyms.Write(synonyms), cancellationToken);

        return new SyncExportResult(items.Count, municipalities.Count, tags.Count, synonyms.Count);
    }

    private static async Task WriteAsync(string root, string relativePath, string text, CancellationToken cancellationToken)
    {
        var path = Path.Combine(root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, text, cancellationToken);
    }
}
