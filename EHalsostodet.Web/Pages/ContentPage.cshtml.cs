using EHalsostodet.Core.Content;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Web.Addresses;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages;

/// <summary>Editor-written pages at the top level: /om, /kontakt and so on.</summary>
[OldContentSlugs(ContentType.Page)]
[EHalsostodet.Web.OutputCaching.PublicPage]
public sealed class ContentPageModel(PublishedQueries queries) : PageModel
{
    public PageDocument Document { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var page = await queries.FindAsync<PageDocument>(ContentType.Page, slug, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }
        Document = page.Document;
        return Page();
    }
}
