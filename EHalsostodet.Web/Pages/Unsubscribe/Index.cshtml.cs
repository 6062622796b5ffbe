using EHalsostodet.Core.Members.Notices;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages.Unsubscribe;

/// <summary>
/// The unsubscribe link in every mail. GET asks for confirmation; POST turns mail off. Mail
/// clients POST "List-Unsubscribe=One-Click" here without a form (RFC 8058), so this page
/// alone takes POSTs without an antiforgery token: the unguessable token is the credential,
/// and all it can do is stop mail.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class IndexModel(MailPreferences preferences) : PageModel
{
    public bool Unsubscribed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? token, CancellationToken cancellationToken) =>
        await preferences.IsKnownTokenAsync(token, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string? token, CancellationToken cancellationToken)
    {
        if (!await preferences.UnsubscribeAsync(token, cancellationToken))
        {
            return NotFound();
        }
        Unsubscribed = true;
        return Page();
    }
}
