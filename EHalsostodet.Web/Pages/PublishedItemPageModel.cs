using EHalsostodet.Core.Content;
using EHalsostodet.Core.Publishing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages;

/// <summary>
/// The public page of one published item found by its slug: 404 for a slug with nothing published
/// (a draft never shows). A page that shows more than the item loads it in <see cref="LoadAsync"/>.
/// </summary>
public abstract class PublishedItemPageModel<TDocument>(PublishedQueries queries, ContentType type) : PageModel
    where TDocument : IContentDocument
{
    protected PublishedQueries Queries { get; } = queries;

    public PublishedItem<TDocument> Item { get; private set; } = null!;

    /// <summary>For the pages whose views are counted (<see cref="EHalsostodet.Web.Insights.IViewedItemPage"/>).</summary>
    public Guid? ViewedItemId => Item?.Id;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var item = await Queries.FindAsync<TDocument>(type, slug, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }
        Item = item;
        await LoadAsync(item, cancellationToken);
        return Page();
    }

    protected virtual Task LoadAsync(PublishedItem<TDocument> item, CancellationToken cancellationToken) => Task.CompletedTask;
}
