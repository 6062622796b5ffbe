using System.ComponentModel.DataAnnotations;
using EHalsostodet.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages.Redaktion;

public sealed class LoginModel(SignInManager<PortalUser> signIn) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Ange din e-postadress.")]
    public string Email { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Ange ditt lösenord.")]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        var result = await signIn.PasswordSignInAsync(Email.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError("", "Kontot är tillfälligt låst efter för många misslyckade inloggningar. Försök igen om en stund.");
            return Page();
        }
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", "Fel e-postadress eller lösenord.");
            return Page();
        }
        // Only local addresses: an attacker's link must not send the user elsewhere after login.
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/redaktion");
    }
}
