using System.ComponentModel.DataAnnotations;
using EHalsostodet.Core.Members.Accounts;
using EHalsostodet.Web.Members.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages.Members;

/// <summary>Asks for a reset link; the answer does not tell whether the address has an account.</summary>
public sealed class ForgotPasswordModel(MemberPasswordReset reset) : PageModel
{
    public const string NeutralMessage = "Om adressen hör till ett konto har vi skickat en länk dit där du kan välja ett nytt lösenord. Länken gäller i ett dygn.";

    [BindProperty, Required(ErrorMessage = "Ange din e-postadress.")]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public IActionResult OnPost()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        reset.Request(Email);
        Sent = true;
        return Page();
    }
}
