using System.Security.Claims;
using System.Text.Json;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Members.Privacy;
using EHalsostodet.Web.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages.Members;

/// <summary>Download everything as JSON, or delete the account.</summary>
public sealed class MyDataModel(MemberDataExporter exporter, MemberAccountDeleter deleter, SignInManager<PortalUser> signIn) : PageModel
{
    public const string FileName = "mina-uppgifter.json";

    public const string TryLaterMessage = "För många felaktiga lösenord. Vänta en stund och försök igen. Kontot är inte borttaget.";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty]
    public bool Confirm { get; set; }

    public bool IsBackOfficeAccount { get; private set; }

    public bool Deleted { get; private set; }

    public void OnGet() => IsBackOfficeAccount = PortalRoles.BackOffice.Any(User.IsInRole);

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken cancellationToken)
    {
        var export = await exporter.ExportAsync(UserId(), cancellationToken);
        if (export is null)
        {
            return NotFound();
        }
        return File(JsonSerializer.SerializeToUtf8Bytes(export, MemberDataExporter.JsonOptions), "application/json; charset=utf-8", FileName);
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
    {
        IsBackOfficeAccount = PortalRoles.BackOffice.Any(User.IsInRole);
        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Ange ditt lösenord för att ta bort kontot.");
        }
        if (!Confirm)
        {
            ModelState.AddModelError(nameof(Confirm), "Kryssa i att du förstår att kontot tas bort för gott.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        switch ((await deleter.DeleteAsync(UserId(), Password, ClientAddress.KeyOf(HttpContext.Connection.RemoteIpAddress), cancellationToken)).Outcome)
        {
            case AccountDeletion.WrongPassword:
                ModelState.AddModelError(nameof(Password), "Fel lösenord. Kontot är inte borttaget.");
                return Page();
            case AccountDeletion.TryLater:
                ModelState.AddModelError(nameof(Password), TryLaterMessage);
                return Page();
            case AccountDeletion.BackOfficeAccount:
                ModelState.AddModelError("", "Ditt konto har en roll i redaktionen. Be en administratör ta bort det.");
                return Page();
        }
        await signIn.SignOutAsync();
        // The rest of this response is for a visitor who is no longer signed in.
        HttpContext.User = new ClaimsPrincipal(new ClaimsIdentity());
        Deleted = true;
        return Page();
    }

    private string UserId() => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Ingen inloggad användare.");
}
