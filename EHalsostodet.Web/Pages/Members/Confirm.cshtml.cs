using System.ComponentModel.DataAnnotations;
using EHalsostodet.Core.Members.Accounts;
using EHalsostodet.Web.Members.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages.Members;

/// <summary>The target of the confirmation link, and the form to have a new link sent.</summary>
public sealed class ConfirmModel(MemberRegistration registration) : PageModel
{
    public const string ResentMessage = "Om adressen hör till ett konto som väntar på bekräftelse har vi skickat en ny länk dit.";

    public enum Result
    {
        Form,
        Confirmed,
        Failed,
        Resent,
    }

    [BindProperty, Required(ErrorMessage = "Ange din e-postadress.")]
    public string Email { get; set; } = "";

    public Result Outcome { get; private set; }

    public async Task OnGetAsync(string? userId, string? code)
    {
        if (userId is null && code is null)
        {
            Outcome = Result.Form;
            return;
        }
        Outcome = await registration.ConfirmAsync(userId, code) ? Result.Confirmed : Result.Failed;
    }

    public IActionResult OnPost()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        registration.ResendConfirmation(Email);
        Outcome = Result.Resent;
        return Page();
    }
}
