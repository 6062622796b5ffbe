using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Publishing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Web.Pages.Redaktion.Content;

/// <summary>Any version of an item, rendered with the public site's own templates.</summary>
public sealed class PreviewModel(PortalDbContext db, PublishedQueries queries, StoryViewBuilder stories) : PageModel
{
    public Guid Id { get; private set; }
    public int VersionNumber { get; private set; }
    public string Title => Document?.Title ?? "version " + VersionNumber;
    /// <summary>Null when the stored version cannot be read; <see cref="StoredProblem"/> says why.</summary>
    public IContentDocument? Document { get; private set; }
    /// <summary>What is wrong with the stored version, when it breaks today's rules.</summary>
    public string? StoredProblem { get; private set; }
    public StoryView? Story { get; private set; }
    public IReadOnlyList<StoryCard> Stories { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, int? version, CancellationToken cancellationToken)
    {
        var item = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }
        var row = version is { } number
            ? await db.ContentVersions.AsNoTracking().FirstOrDefaultAsync(v => v.ItemId == id && v.Number == number, cancellationToken)
            : await db.ContentVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == item.LatestVersionId, cancellationToken);
        if (row is null)
        {
            return NotFound();
        }
        Id = id;
        VersionNumber = row.Number;
        (Document, StoredProblem) = ContentDocumentSerializer.ReadStored(item.Type, row.DocumentJson);
        var published = await db.PublishedContent.AsNoTracking().Where(p => p.ItemId == id).Select(p => (DateTime?)p.FirstPublishedAt).FirstOrDefaultAsync(cancellationToken);
        switch (Document)
        {
            case StoryDocument story:
                Story = await stories.BuildAsync(id, story, published, item.LastReviewedAt, cancellationToken);
                break;
            case CollectionDocument collection:
                Stories = await queries.StoriesAsync(collection.StoryIds, cancellationToken);
                break;
            case InitiativeDocument:
                Stories = await queries.StoriesReferencingAsync(id, cancellationToken);
                break;
        }
        // Previews are for the editorial team only: never cached, never indexed.
        Response.Headers.CacheControl = "no-store";
        Response.Headers["X-Robots-Tag"] = "noindex";
        return Page();
    }
}
