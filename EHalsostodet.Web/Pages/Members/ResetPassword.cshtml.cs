using System.ComponentModel.DataAnnotations;
using EHalsostodet.Core.Members.Accounts;
using EHalsostodet.Web.Members.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages.Members;

/// <summary>The target of the reset link: a new password with Identity's reset token.</summary>
public sealed class ResetPasswordModel(MemberPasswordReset reset) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new() { ["password"] = nameof(Password) };

    [BindProperty(SupportsGet = true)]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty, Required(ErrorMessage = "Ange ett nytt lösenord.")]
    public string Password { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Upprepa det nya lösenordet.")]
    public string ConfirmPassword { get; set; } = "";

    public bool Done { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!string.IsNullOrEmpty(Password) && !string.IsNullOrEmpty(ConfirmPassword) && Password != ConfirmPassword)
        {
            ModelState.AddModelError(nameof(ConfirmPassword), "Lösenorden är inte lika. Skriv samma lösenord två gånger.");
        }
        if (ModelState.IsValid)
        {
            ModelState.AddAccountErrors(await reset.ResetAsync(UserId, Code, Password), Fields);
        }
        if (!ModelState.IsValid)
        {
            Password = ConfirmPassword = "";
            return Page();
        }
        Done = true;
        return Page();
    }
}
