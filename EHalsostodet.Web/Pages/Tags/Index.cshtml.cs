using EHalsostodet.Core.Publishing;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages.Tags;

[EHalsostodet.Web.OutputCaching.PublicPage]
public sealed class IndexModel(PublishedQueries queries) : PageModel
{
    public IReadOnlyList<TagCount> Tags { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var tags = await queries.PopularTagsAsync(int.MaxValue, cancellationToken);
        Tags = tags.OrderBy(t => t.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("sv-SE"), true)).ToList();
    }
}
