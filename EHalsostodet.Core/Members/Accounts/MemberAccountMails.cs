using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Email;
using EHalsostodet.Core.Sharing;

namespace EHalsostodet.Core.Members.Accounts;

/// <summary>
/// The account mails a member gets, queued in the caller's unit of work. Links are absolute, built on the
/// portal's public address (<see cref="PublicUrls"/>), never on the address a request came to.
/// </summary>
public sealed class MemberAccountMails(EmailOutbox outbox, PublicUrls urls)
{

    public void ConfirmAddress(PortalUser user, string encodedToken) =>
        outbox.Enqueue(user.Email!, "Bekräfta din e-postadress på E-hälsostödet", $"""
            Hej!

            Du har skapat ett konto på E-hälsostödet. Bekräfta din e-postadress genom att öppna länken nedan, så kan du logga in:

            {urls.Absolute(PortalPaths.Members.AccountLink(PortalPaths.Members.Confirm, user.Id, encodedToken))}

            Länken gäller i ett dygn. Om den hunnit sluta gälla kan du beställa en ny på inloggningssidan.
            Har du inte skapat något konto kan du bortse från det här meddelandet.

            Hälsningar
            E-hälsostödet
            """);

    /// <summary>Someone registered an address that already has an account; only its owner learns that.</summary>
    public void AlreadyRegistered(PortalUser user) =>
        outbox.Enqueue(user.Email!, "Du har redan ett konto på E-hälsostödet", $"""
            Hej!

            Någon, troligen du, försökte just skapa ett konto på E-hälsostödet med den här e-postadressen. Du har redan ett konto.

            Logga in: {urls.Absolute(PortalPaths.Members.Login())}
            Har du glömt lösenordet kan du välja ett nytt: {urls.Absolute(PortalPaths.Members.ForgotPassword)}

            Var det inte du kan du bortse från det här meddelandet. Ditt konto är oförändrat.

            Hälsningar
            E-hälsostödet
            """);

    public void ResetPassword(PortalUser user, string encodedToken) =>
        outbox.Enqueue(user.Email!, "Välj ett nytt lösenord på E-hälsostödet", $"""
            Hej!

            Du har bett om att få välja ett nytt lösenord till ditt konto på E-hälsostödet. Öppna länken nedan och välj ett nytt lösenord:

            {urls.Absolute(PortalPaths.Members.AccountLink(PortalPaths.Members.ResetPassword, user.Id, encodedToken))}

            Länken gäller i ett dygn och kan bara användas en gång.
            Har du inte bett om ett nytt lösenord kan du bortse från det här meddelandet. Ditt lösenord är oförändrat.

            Hälsningar
            E-hälsostödet
            """);
}
