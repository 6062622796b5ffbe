using System.ComponentModel.DataAnnotations;
using EHalsostodet.Core.Addresses;
using EHalsostodet.Web.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages.MinaSidor;

/// <summary>Sign-in for members (and any other account) to the public site.</summary>
public sealed class LoginModel(PasswordSignIn passwords, PortalSignInManager signIn) : PageModel
{
    /// <summary>The same for every failure, so the form never tells whether an address has an account or is waiting for confirmation.</summary>
    public const string FailedMessage = PasswordSignIn.FailedMessage + " Har du nyss skapat ett konto behöver du först bekräfta e-postadressen med länken i mejlet vi skickade.";

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
        var check = await passwords.CheckAsync(Email, Password, HttpContext);
        if (check.User is null)
        {
            this.ShowRefusal(check, FailedMessage);
            return Page();
        }
        await signIn.SignInAsync(check.User, isPersistent: false);
        // Only local addresses: a link from elsewhere must not send the member off the site after login.
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : PortalPaths.Members.Home);
    }
}
