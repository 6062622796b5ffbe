using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Insights;
using EHalsostodet.Core.Members.OwnCollections;
using EHalsostodet.Core.Members.Plans;
using EHalsostodet.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Export;

/// <summary>
/// Exports of what members make themselves: own collections and action plans, for their owner or
/// through a share link. They change often, so they are built on every request and not cached.
/// </summary>
public sealed class MemberExports(PortalDbContext db, OwnCollectionService collections, PublishedExports published, ExportRenderer renderer, UsageCounter usage)
{
    public async Task<ExportFile?> OwnCollectionPdfAsync(string userId, Guid id, string baseUrl, CancellationToken cancellationToken) =>
        await CollectionPdfAsync(await collections.FindAsync(userId, id, cancellationToken), baseUrl + PortalPaths.Members.OwnCollection(id), baseUrl, cancellationToken);

    public async Task<ExportFile?> SharedCollectionPdfAsync(string token, string baseUrl, CancellationToken cancellationToken) =>
        await collections.FindSharedAsync(token, cancellationToken) is { } shared
            ? await CollectionPdfAsync(shared.Collection, baseUrl + PortalPaths.SharedCollection(token), baseUrl, cancellationToken)
            : null;

    public async Task<ExportFile?> OwnPlanAsync(string userId, Guid id, ExportFormat format, string baseUrl, CancellationToken cancellationToken) =>
        await PlanAsync(await Plans().FirstOrDefaultAsync(p => p.Id == id && p.UserId == userId, cancellationToken), format, baseUrl, cancellationToken);

    public async Task<ExportFile?> SharedPlanAsync(string token, ExportFormat format, string baseUrl, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(token)
            ? null
            : await PlanAsync(await Plans().FirstOrDefaultAsync(p => p.ShareToken == token, cancellationToken), format, baseUrl, cancellationToken);

    private IQueryable<ActionPlan> Plans() => db.ActionPlans.AsNoTracking().Include(p => p.Steps).Include(p => p.Tasks);

    private async Task<ExportFile?> CollectionPdfAsync(OwnCollectionDetails? collection, string pageUrl, string baseUrl, CancellationToken cancellationToken)
    {
        if (collection is null)
        {
            return null;
        }
        var rows = await published.PublishedStoriesAsync(collection.Stories.Select(s => s.StoryId).ToList(), cancellationToken);
        var documents = new List<ExportDocument>();
        foreach (var row in rows)
        {
            documents.Add(await published.BuildStoryAsync(row, baseUrl, cancellationToken));
        }
        var book = new ExportBook(collection.Name, collection.Description, pageUrl, documents);
        await usage.CountAsync(UsageMetrics.Exported, collection.Id, cancellationToken);
        return new ExportFile(await renderer.RenderBookAsync(book, cancellationToken), ExportFormat.Pdf, $"{Slugs.FromText(collection.Name).OrIfEmpty("samling")}.pdf",
            collection.UpdatedAt.Ticks.ToString("x", System.Globalization.CultureInfo.InvariantCulture));
    }

    private async Task<ExportFile?> PlanAsync(ActionPlan? plan, ExportFormat format, string baseUrl, CancellationToken cancellationToken)
    {
        if (plan is null || format == ExportFormat.Pptx)
        {
            return null;
        }
        var story = await db.PublishedContent.AsNoTracking()
            .Where(p => p.Type == ContentType.Story && p.ItemId == plan.StoryId)
            .Select(p => new { p.Title, p.Slug })
            .FirstOrDefaultAsync(cancellationToken);
        var storyUrl = story is null ? baseUrl + PortalPaths.Home : baseUrl + PortalPaths.Of(ContentType.Story, story.Slug);
        var document = ActionPlanExportBuilder.Build(plan, story?.Title, storyUrl);
        await usage.CountAsync(UsageMetrics.Exported, plan.Id, cancellationToken);
        return new ExportFile(await renderer.RenderAsync(document, format, cancellationToken), format, $"{Slugs.FromText(plan.Title).OrIfEmpty("handlingsplan")}.{format.Extension()}",
            plan.UpdatedAt.Ticks.ToString("x", System.Globalization.CultureInfo.InvariantCulture));
    }
}

internal static class TextFallback
{
    public static string OrIfEmpty(this string text, string fallback) => text.Length > 0 ? text : fallback;
}
