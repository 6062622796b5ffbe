using System.ComponentModel.DataAnnotations;
using EHalsostodet.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages.MinaSidor;

/// <summary>Sign-in for members (and any other account) to the public site.</summary>
public sealed class LoginModel(SignInManager<PortalUser> signIn, UserManager<PortalUser> users) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Ange din e-postadress.")]
    public string Email { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Ange ditt lösenord.")]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool ShowResendConfirmation { get; private set; }

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
        var email = Email.Trim();
        var result = await signIn.PasswordSignInAsync(email, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError("", "Kontot är tillfälligt låst efter för många misslyckade inloggningar. Försök igen om en kvart, eller välj ett nytt lösenord via Glömt lösenordet.");
            return Page();
        }
        // Identity refuses an unconfirmed account before it looks at the password; only the one who
        // knows the password learns that the address is waiting for confirmation.
        if (result.IsNotAllowed && await users.FindByEmailAsync(email) is { } user && await users.CheckPasswordAsync(user, Password))
        {
            ModelState.AddModelError("", "Du behöver bekräfta din e-postadress innan du kan logga in. Öppna länken i mejlet vi skickade när du skapade kontot.");
            ShowResendConfirmation = true;
            return Page();
        }
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", "Fel e-postadress eller lösenord.");
            return Page();
        }
        // Only local addresses: a link from elsewhere must not send the member off the site after login.
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/mina-sidor");
    }
}
