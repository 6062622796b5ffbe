using System.Security.Claims;
using EHalsostodet.Core.Members;
using EHalsostodet.Core.Members.Notices;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages.Members;

[Authorize]
public sealed class SettingsModel(MailPreferences preferences) : PageModel
{
    /// <summary>The key of the chosen <see cref="MailFrequency"/>.</summary>
    [BindProperty]
    public string? MailFrequency { get; set; }

    [TempData]
    public string? Status { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        MailFrequency = (await preferences.GetAsync(UserId, cancellationToken)).Key();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!MailFrequencyNames.TryParseKey(MailFrequency, out var frequency))
        {
            ModelState.AddModelError(nameof(MailFrequency), "Välj hur ofta du vill få e-post om notiser.");
            return Page();
        }
        await preferences.SetAsync(UserId, frequency, cancellationToken);
        Status = $"Inställningen är sparad: {frequency.Label().ToLower(System.Globalization.CultureInfo.GetCultureInfo("sv-SE"))}.";
        return RedirectToPage();
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;
}
