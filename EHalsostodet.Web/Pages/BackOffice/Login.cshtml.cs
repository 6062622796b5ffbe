using EHalsostodet.Core.Addresses;
using EHalsostodet.Web.Sessions;
using Microsoft.AspNetCore.Mvc;

namespace EHalsostodet.Web.Pages.BackOffice;

public sealed class LoginModel(PasswordSignIn passwords, PortalSignInManager signIn) : SignInPageModel(passwords, signIn)
{
    /// <summary>An editor form arrived after the session ended and its text was kept (see SignedOutEditorFormKeeper).</summary>
    [FromQuery(Name = EHalsostodet.Web.BackOffice.Editing.SignedOutEditorFormKeeper.KeptQuery)]
    public string? Kept { get; set; }

    public bool FormKept => Kept == "1";

    protected override string StartPath => PortalPaths.BackOffice.Home;
}
