using EHalsostodet.Core.Addresses;
using EHalsostodet.Web.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages.BackOffice;

public sealed class LogoutModel(PortalSignInManager signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutEverywhereAsync();
        return Redirect(PortalPaths.Home);
    }
}
