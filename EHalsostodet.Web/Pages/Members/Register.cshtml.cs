using System.ComponentModel.DataAnnotations;
using EHalsostodet.Core.Members.Accounts;
using EHalsostodet.Web.Members.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages.Members;

/// <summary>A member registers; the answer is the same whether or not the address already has an account.</summary>
public sealed class RegisterModel(MemberRegistration registration) : PageModel
{
    public const string NeutralMessage = "Tack! Vi har skickat ett mejl till adressen du angav. Öppna länken i mejlet för att bekräfta adressen, sedan kan du logga in. Om du inte får något mejl inom några minuter, titta i skräpposten.";

    private static readonly Dictionary<string, string> Fields = new()
    {
        ["email"] = nameof(Email),
        ["password"] = nameof(Password),
        ["displayName"] = nameof(DisplayName),
    };

    [BindProperty, Required(ErrorMessage = "Ange din e-postadress.")]
    public string Email { get; set; } = "";

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty, Required(ErrorMessage = "Ange ett lösenord.")]
    public string Password { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Upprepa lösenordet.")]
    public string ConfirmPassword { get; set; } = "";

    [BindProperty]
    public bool Consent { get; set; }

    public bool Registered { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // Every mistake is shown at once: the address, name and password rules as well as the two below.
        var inputErrors = await registration.InputErrorsAsync(Email, Password, DisplayName);
        ModelState.AddAccountErrors(inputErrors.Where(e => !HasError(Fields.GetValueOrDefault(e.Field, ""))), Fields);
        if (!string.IsNullOrEmpty(Password) && !string.IsNullOrEmpty(ConfirmPassword) && Password != ConfirmPassword)
        {
            ModelState.AddModelError(nameof(ConfirmPassword), "Lösenorden är inte lika. Skriv samma lösenord två gånger.");
        }
        if (!Consent)
        {
            ModelState.AddModelError(nameof(Consent), "Kryssa i att du har läst hur dina personuppgifter behandlas.");
        }
        if (ModelState.IsValid)
        {
            var errors = await registration.RegisterAsync(Email, Password, DisplayName, cancellationToken);
            ModelState.AddAccountErrors(errors, Fields);
        }
        if (!ModelState.IsValid)
        {
            // Passwords are never sent back to the browser.
            Password = ConfirmPassword = "";
            return Page();
        }
        Registered = true;
        return Page();
    }

    /// <summary>Whether the field already has an error (an empty required field), so the rules do not say the same again.</summary>
    private bool HasError(string field) => ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0;
}
