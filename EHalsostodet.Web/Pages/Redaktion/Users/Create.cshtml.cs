using System.ComponentModel.DataAnnotations;
using EHalsostodet.Core.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages.Redaktion.Users;

/// <summary>Skapa användare: an administrator opens an account for an editor, reviewer or administrator.</summary>
[Authorize(Policy = PortalRoles.CanAdminister)]
public sealed class CreateModel(UserManager<PortalUser> users) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Ange en e-postadress.")]
    [EmailAddress(ErrorMessage = "Ange en giltig e-postadress, till exempel namn@kommun.se.")]
    [StringLength(256, ErrorMessage = "E-postadressen får vara högst 256 tecken.")]
    public string Email { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Ange ett namn som visas för andra i redaktionen.")]
    [StringLength(100, ErrorMessage = "Namnet får vara högst 100 tecken.")]
    public string DisplayName { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Ange ett lösenord.")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Välj en roll.")]
    public string Role { get; set; } = PortalRoles.Editor;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Email = Email?.Trim() ?? "";
        DisplayName = DisplayName?.Trim() ?? "";
        if (!string.IsNullOrEmpty(Role) && !PortalRoles.BackOffice.Contains(Role))
        {
            ModelState.AddModelError(nameof(Role), "Välj en av rollerna Redaktör, Granskare eller Administratör.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = new PortalUser { UserName = Email, Email = Email, EmailConfirmed = true, DisplayName = DisplayName };
        var created = await users.CreateAsync(user, Password);
        if (!created.Succeeded)
        {
            var codes = created.Errors.Select(e => e.Code).ToHashSet();
            foreach (var error in created.Errors)
            {
                // The user name is the e-mail address: one message about it is enough.
                if (error.Code == nameof(IdentityErrorDescriber.DuplicateUserName) && codes.Contains(nameof(IdentityErrorDescriber.DuplicateEmail)) ||
                    error.Code == nameof(IdentityErrorDescriber.InvalidUserName) && codes.Contains(nameof(IdentityErrorDescriber.InvalidEmail)))
                {
                    continue;
                }
                var field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(Password)
                    : error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal) ? nameof(Email)
                    : "";
                ModelState.AddModelError(field, error.Description);
            }
            return Page();
        }
        var added = await users.AddToRoleAsync(user, Role);
        if (!added.Succeeded)
        {
            await users.DeleteAsync(user);
            ModelState.AddModelError("", string.Join(" ", added.Errors.Select(e => e.Description)));
            return Page();
        }
        TempData["Message"] = $"Användaren {user.NameForDisplay} ({Email}) har skapats med rollen {Role}.";
        Response.Headers.Location = "/redaktion/anvandare";
        return StatusCode(StatusCodes.Status303SeeOther);
    }
}
