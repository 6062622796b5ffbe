using System.ComponentModel.DataAnnotations;
using EHalsostodet.Web.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Sessions;

/// <summary>
/// A sign-in form (the back office's and the members'): the same checks, the same refusals and a
/// return address that must be local. Each page says where an account goes by default and how a
/// failure reads.
/// </summary>
public abstract class SignInPageModel(PasswordSignIn passwords, PortalSignInManager signIn) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Ange din e-postadress.")]
    public string Email { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Ange ditt lösenord.")]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Where a signed-in account goes when there is no local return address.</summary>
    protected abstract string StartPath { get; }

    /// <summary>The same for every failure, so the form never tells whether an address has an account.</summary>
    protected virtual string FailedMessage => PasswordSignIn.FailedMessage;

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
            ShowRefusal(check);
            return Page();
        }
        await signIn.SignInAsync(check.User, isPersistent: false);
        // Only local addresses: an attacker's link must not send the account elsewhere after sign-in.
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : StartPath);
    }

    /// <summary>
    /// The one failure message, or, while the client must wait after repeated failures, 429 with
    /// Retry-After and how long to wait (the form is still shown).
    /// </summary>
    private void ShowRefusal(PasswordCheck check)
    {
        if (check.RetryAfter is { } wait)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            RetryAfterHeader.Set(Response, wait);
            ModelState.AddModelError("", PasswordSignIn.ThrottledMessage(check));
            return;
        }
        ModelState.AddModelError("", FailedMessage);
    }
}
