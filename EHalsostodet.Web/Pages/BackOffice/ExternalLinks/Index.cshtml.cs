using EHalsostodet.Core.ExternalLinks;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages.BackOffice.ExternalLinks;

/// <summary>Trasiga länkar: external addresses in published content that did not work at the last check, with where they are used.</summary>
public sealed class IndexModel(ExternalLinkChecker checker) : PageModel
{
    public IReadOnlyList<BrokenLink> Broken { get; private set; } = [];

    public int Checked { get; private set; }

    public DateTime? LastCheckedAt { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Broken = await checker.BrokenAsync(cancellationToken);
        (Checked, LastCheckedAt) = await checker.SummaryAsync(cancellationToken);
    }
}
