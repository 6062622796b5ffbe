using System.Security.Cryptography;
using System.Text;
using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Insights;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Publishing;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Export;

/// <summary>
/// Exports of published stories and collections, built from the published version only and
/// cached until the next publish. Each export served counts once in the usage statistics.
/// </summary>
public sealed class PublishedExports(PortalDbContext db, StoryViewBuilder views, ExportRenderer renderer, ExportCache cache, UsageCounter usage)
{
    /// <param name="baseUrl">The portal's absolute address without a trailing slash, for links and the QR code.</param>
    public Task<ExportFile?> StoryAsync(string slug, ExportFormat format, string baseUrl, CancellationToken cancellationToken) =>
        StoryFileAsync(slug, format, baseUrl, isShortVersion: false, cancellationToken);

    /// <summary>The short version of a story (summary and benefit effects) as a PDF of at most two pages.</summary>
    public Task<ExportFile?> StoryShortPdfAsync(string slug, string baseUrl, CancellationToken cancellationToken) =>
        StoryFileAsync(slug, ExportFormat.Pdf, baseUrl, isShortVersion: true, cancellationToken);

    private async Task<ExportFile?> StoryFileAsync(string slug, ExportFormat format, string baseUrl, bool isShortVersion, CancellationToken cancellationToken)
    {
        var row = await db.PublishedContent.AsNoTracking().FirstOrDefaultAsync(p => p.Type == ContentType.Story && p.Slug == slug, cancellationToken);
        if (row is null)
        {
            return null;
        }
        var key = new ExportCacheKey(row.ItemId, format, baseUrl, isShortVersion);
        var etag = isShortVersion ? "kort-" + row.VersionId.ToString("N") : row.VersionId.ToString("N");
        var file = cache.Find(key, etag);
        if (file is null)
        {
            var document = await BuildStoryAsync(row, baseUrl, cancellationToken);
            file = isShortVersion
                ? new ExportFile(await renderer.RenderShortPdfAsync(document, cancellationToken), format, $"{row.Slug}-kortversion.pdf", etag)
                : new ExportFile(await renderer.RenderAsync(document, format, cancellationToken), format, $"{row.Slug}.{format.Extension()}", etag);
            cache.Store(key, file);
        }
        await usage.CountAsync(UsageMetrics.Exported, row.ItemId, cancellationToken);
        return file;
    }

    /// <summary>A published collection as a PDF: cover, contents, then each of its published stories.</summary>
    public async Task<ExportFile?> CollectionPdfAsync(string slug, string baseUrl, CancellationToken cancellationToken)
    {
        var row = await db.PublishedContent.AsNoTracking().FirstOrDefaultAsync(p => p.Type == ContentType.Collection && p.Slug == slug, cancellationToken);
        if (row is null)
        {
            return null;
        }
        var collection = ContentDocumentSerializer.Deserialize<CollectionDocument>(row.DocumentJson);
        var stories = await PublishedStoriesAsync(collection.StoryIds, cancellationToken);
        var key = new ExportCacheKey(row.ItemId, ExportFormat.Pdf, baseUrl);
        var etag = CombinedETag([row.VersionId, .. stories.Select(s => s.VersionId)]);
        var file = cache.Find(key, etag);
        if (file is null)
        {
            var documents = new List<ExportDocument>();
            foreach (var story in stories)
            {
                documents.Add(await BuildStoryAsync(story, baseUrl, cancellationToken));
            }
            var book = new ExportBook(collection.Title, Markdown.MarkdownRenderer.ToPlainText(collection.Description),
                baseUrl + PortalPaths.Of(ContentType.Collection, row.Slug), documents);
            file = new ExportFile(await renderer.RenderBookAsync(book, cancellationToken), ExportFormat.Pdf, $"{row.Slug}.pdf", etag, IsCollection: true);
            cache.Store(key, file);
        }
        await usage.CountAsync(UsageMetrics.Exported, row.ItemId, cancellationToken);
        return file;
    }

    /// <summary>The published stories among the ids, in the order given.</summary>
    public Task<List<PublishedContent>> PublishedStoriesAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken) =>
        db.PublishedInOrderAsync(ids, ContentType.Story, cancellationToken);

    public async Task<ExportDocument> BuildStoryAsync(PublishedContent row, string baseUrl, CancellationToken cancellationToken)
    {
        var story = ContentDocumentSerializer.Deserialize<StoryDocument>(row.DocumentJson);
        var view = await views.BuildAsync(row.ItemId, story, row.FirstPublishedAt, row.LastReviewedAt, cancellationToken);
        return StoryExportBuilder.Build(view, baseUrl);
    }

    /// <summary>One tag for content made of several versions: it changes when any of them does.</summary>
    public static string CombinedETag(IEnumerable<Guid> versionIds) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(string.Join(',', versionIds.Select(v => v.ToString("N"))))))[..32];
}
