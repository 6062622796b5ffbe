using EHalsostodet.Core.Addresses;
using EHalsostodet.Web.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages.Members;

/// <summary>Signing out is a POST, so no link or image elsewhere can sign a member out.</summary>
public sealed class LogoutModel(PortalSignInManager signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutEverywhereAsync();
        Response.Headers.Location = PortalPaths.Home;
        return StatusCode(StatusCodes.Status303SeeOther);
    }
}
