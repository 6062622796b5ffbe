using EHalsostodet.Core.Addresses;
using EHalsostodet.Web.Sessions;

namespace EHalsostodet.Web.Pages.Members;

/// <summary>Sign-in for members (and any other account) to the public site.</summary>
public sealed class LoginModel(PasswordSignIn passwords, PortalSignInManager signIn) : SignInPageModel(passwords, signIn)
{
    protected override string StartPath => PortalPaths.Members.Home;

    protected override string FailedMessage =>
        PasswordSignIn.FailedMessage + " Har du nyss skapat ett konto behöver du först bekräfta e-postadressen med länken i mejlet vi skickade.";
}
