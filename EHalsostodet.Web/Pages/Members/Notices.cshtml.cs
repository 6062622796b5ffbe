using System.Security.Claims;
using EHalsostodet.Core.Members.Notices;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages.Members;

[Authorize]
public sealed class NoticesModel(MemberNoticeInbox inbox) : PageModel
{
    public NoticePage Notices { get; private set; } = null!;

    /// <summary>The page number ("page" is taken by Razor Pages' own route value).</summary>
    [BindProperty(SupportsGet = true, Name = "sida")]
    public int PageNumber { get; set; } = 1;

    [TempData]
    public string? Status { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Notices = await inbox.PageAsync(UserId, unreadOnly: false, PageNumber, cancellationToken);

    public async Task<IActionResult> OnPostMarkReadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await inbox.MarkReadAsync(UserId, id, cancellationToken))
        {
            return NotFound();
        }
        Status = "Notisen är markerad som läst.";
        return RedirectToPage(new { sida = PageNumber });
    }

    public async Task<IActionResult> OnPostMarkAllReadAsync(CancellationToken cancellationToken)
    {
        var marked = await inbox.MarkAllReadAsync(UserId, cancellationToken);
        Status = marked == 0 ? "Du hade inga olästa notiser." : "Alla notiser är markerade som lästa.";
        return RedirectToPage(new { sida = PageNumber });
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;
}
