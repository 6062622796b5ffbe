using System.ComponentModel.DataAnnotations;
using EHalsostodet.Core.Addresses;
using EHalsostodet.Web.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages.Redaktion;

public sealed class LoginModel(PasswordSignIn passwords, PortalSignInManager signIn) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Ange din e-postadress.")]
    public string Email { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Ange ditt lösenord.")]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>An editor form arrived after the session ended and its text was kept (see SignedOutEditorFormKeeper).</summary>
    [FromQuery(Name = EHalsostodet.Web.BackOffice.Editing.SignedOutEditorFormKeeper.KeptQuery)]
    public string? Kept { get; set; }

    public bool FormKept => Kept == "1";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var check = await passwords.CheckAsync(Email, Password, HttpContext);
        if (check.User is null)
        {
            this.ShowRefusal(check, PasswordSignIn.FailedMessage);
            return Page();
        }
        await signIn.SignInAsync(check.User, isPersistent: false);
        // Only local addresses: an attacker's link must not send the user elsewhere after login.
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : PortalPaths.BackOffice.Home);
    }
}
