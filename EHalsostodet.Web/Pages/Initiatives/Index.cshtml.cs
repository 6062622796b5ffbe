using EHalsostodet.Core.Content;
using EHalsostodet.Core.Publishing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages.Initiatives;

[EHalsostodet.Web.OutputCaching.PublicPage]
public sealed class IndexModel(PublishedQueries queries) : PageModel
{
    public InitiativeArea? Area { get; private set; }
    public IReadOnlyList<PublishedItem<InitiativeDocument>> Initiatives { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "omrade")] string? area, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(area))
        {
            var match = Enum.GetValues<InitiativeArea>().Where(a => a.UrlKey() == area).Select(a => (InitiativeArea?)a).FirstOrDefault();
            if (match is null)
            {
                return NotFound();
            }
            Area = match;
        }
        Initiatives = await queries.InitiativesAsync(Area, cancellationToken);
        return Page();
    }
}
