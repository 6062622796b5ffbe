using System.ComponentModel.DataAnnotations;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Addresses;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages.BackOffice.Accounts;

/// <summary>Skapa användare: an administrator opens an account for an editor, reviewer or administrator.</summary>
[Authorize(Policy = PortalRoles.CanAdminister)]
public sealed class CreateModel(BackOfficeAccounts accounts) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        [BackOfficeAccounts.EmailField] = nameof(Email),
        [BackOfficeAccounts.DisplayNameField] = nameof(DisplayName),
        [BackOfficeAccounts.PasswordField] = nameof(Password),
        [BackOfficeAccounts.RoleField] = nameof(Role),
    };

    [BindProperty]
    public string? Email { get; set; } = "";

    /// <summary>The form asks for a name; the API may leave it out.</summary>
    [BindProperty]
    [Required(ErrorMessage = "Ange ett namn som visas för andra i redaktionen.")]
    public string DisplayName { get; set; } = "";

    [BindProperty]
    [DataType(DataType.Password)]
    public string? Password { get; set; } = "";

    [BindProperty]
    public string? Role { get; set; } = PortalRoles.Editor;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Email = Email?.Trim() ?? "";
        DisplayName = DisplayName?.Trim() ?? "";
        var account = new NewBackOfficeAccount(Email, DisplayName, Password, Role);
        if (!ModelState.IsValid)
        {
            // Everything at once: the form's own rule and the account's.
            AddErrors(BackOfficeAccounts.Validate(account));
            return Page();
        }
        switch (await accounts.CreateAsync(account))
        {
            case AccountOutcome.Done done:
                TempData["Message"] = $"Användaren {done.User.NameForDisplay} ({Email}) har skapats med rollen {done.Role}.";
                Response.Headers.Location = PortalPaths.BackOffice.Users;
                return StatusCode(StatusCodes.Status303SeeOther);
            case AccountOutcome.Invalid invalid:
                AddErrors(invalid.Errors);
                return Page();
            default:
                return BadRequest();
        }
    }

    private void AddErrors(IEnumerable<AccountError> errors)
    {
        foreach (var error in errors)
        {
            ModelState.AddModelError(Fields.GetValueOrDefault(error.Field, ""), error.Message);
        }
    }
}
