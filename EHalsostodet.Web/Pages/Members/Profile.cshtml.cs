using System.Security.Claims;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Members.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages.Members;

/// <summary>The member's role, municipality, verksamhetsområden and interests.</summary>
public sealed class ProfileModel(
    MemberProfileStore profiles, UserManager<PortalUser> users, SignInManager<PortalUser> signIn, ProfileChoicesQuery choicesQuery, ProfileEditor editor) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["displayName"] = nameof(DisplayName),
        ["role"] = nameof(Role),
        ["municipalityCode"] = nameof(MunicipalityCode),
        ["areas"] = nameof(Areas),
        ["interests"] = nameof(Interests),
    };

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    [BindProperty]
    public string? MunicipalityCode { get; set; }

    [BindProperty]
    public List<string> Areas { get; set; } = [];

    [BindProperty]
    public List<string> Interests { get; set; } = [];

    public ProfileChoices Choices { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = UserId();
        var user = await users.FindByIdAsync(userId);
        var profile = await profiles.FindAsync(userId, cancellationToken);
        DisplayName = user?.DisplayName;
        Role = profile?.Role;
        MunicipalityCode = profile?.MunicipalityCode;
        Areas = profile?.Areas ?? [];
        Interests = profile?.Interests ?? [];
        Choices = await choicesQuery.LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var errors = await editor.SaveAsync(UserId(), new ProfileUpdate(DisplayName, Role, MunicipalityCode, Areas, Interests), cancellationToken);
        if (errors.Count > 0)
        {
            foreach (var (field, message) in errors)
            {
                ModelState.AddModelError(Fields.GetValueOrDefault(field, ""), message);
            }
            Choices = await choicesQuery.LoadAsync(cancellationToken);
            return Page();
        }
        // The display name is part of the sign-in cookie.
        if (await users.FindByIdAsync(UserId()) is { } user)
        {
            await signIn.RefreshSignInAsync(user);
        }
        TempData["Message"] = "Profilen är sparad.";
        Response.Headers.Location = PortalPaths.Members.Profile;
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    private string UserId() => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Ingen inloggad användare.");
}
