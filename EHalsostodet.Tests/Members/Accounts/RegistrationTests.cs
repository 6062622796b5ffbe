using AngleSharp.Html.Parser;
using System.Net;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static EHalsostodet.Tests.Members.Accounts.MemberSteps;

namespace EHalsostodet.Tests.Members.Accounts;

/// <summary>Registering, confirming the address, signing in and out, and a forgotten password.</summary>
[TestClass]
public sealed class RegistrationTests : PortalTestClass<RegistrationTests>
{
    [TestMethod]
    public async Task A_member_registers_confirms_by_the_mailed_link_and_then_signs_in()
    {
        const string email = "ny.medlem@kommun.example.se";
        var client = Factory.CreateBrowserClient();

        using (var registered = await RegisterAsync(client, email))
        {
            StringAssert.Contains(await AlertTextAsync(registered), "Vi har skickat ett mejl");
        }
        var user = await Factory.WithScopeAsync(s => s.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email));
        Assert.IsNotNull(user);
        Assert.IsFalse(user.EmailConfirmed);
        Assert.AreEqual("Maja Medlem", user.DisplayName);
        Assert.IsTrue(await Factory.WithScopeAsync(s => s.GetRequiredService<UserManager<PortalUser>>().IsInRoleAsync(user, PortalRoles.Member)));

        // Before confirming: refused with the answer every failed sign-in gets, which mentions confirming.
        using (var early = await SignInAsync(client, email))
        using (var wrong = await SignInAsync(Factory.CreateBrowserClient(), email, "Fel-losenord-2026"))
        {
            var refusal = await AlertTextAsync(early);
            StringAssert.Contains(refusal, "bekräfta e-postadressen");
            Assert.AreEqual(await AlertTextAsync(wrong), refusal);
        }

        var mail = (await MailsToAsync(Factory, email, "Bekräfta din e-postadress")).Single();
        var link = LinkTo(mail, "/mina-sidor/bekrafta");
        var confirmed = await client.GetPageAsync(link);
        StringAssert.Contains(confirmed.QuerySelector("main .alert")!.TextContent, "Din e-postadress är bekräftad");

        using var signedIn = await SignInAsync(client, email);
        Assert.AreEqual(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.AreEqual("/mina-sidor", signedIn.Headers.Location!.OriginalString);
        var overview = await client.GetPageAsync("/mina-sidor");
        StringAssert.Contains(overview.QuerySelector("main")!.TextContent, "Hej Maja Medlem");
        var links = overview.QuerySelectorAll("main nav a").Select(a => a.GetAttribute("href")).ToList();
        CollectionAssert.AreEqual(new[] { "/mina-sidor/profil", "/mina-sidor/sparat", "/mina-sidor/samlingar", "/mina-sidor/handlingsplaner", "/mina-sidor/notiser", "/mina-sidor/installningar", "/mina-sidor/mina-uppgifter" }, links);
        // The header offers Mina sidor and a sign-out button that posts.
        var menu = overview.QuerySelector("header .member-menu")!;
        Assert.IsNotNull(menu.QuerySelector("a[href='/mina-sidor']"));
        Assert.IsNotNull(menu.QuerySelector("form[method='post'][action='/mina-sidor/logga-ut'] input[name='__RequestVerificationToken']"));
        using (var start = await client.GetAsync(new Uri("/", UriKind.Relative)))
        {
            Assert.IsTrue(start.Headers.CacheControl!.NoStore, "a signed-in page is never stored in a shared cache");
        }

        using var signedOut = await Forms.PostAsync(client, "/mina-sidor/logga-ut", new Dictionary<string, string>());
        Assert.AreEqual(HttpStatusCode.SeeOther, signedOut.StatusCode);
        var home = await client.GetPageAsync("/");
        Assert.IsNotNull(home.QuerySelector("header .member-menu a[href='/mina-sidor/logga-in']"));
    }

    [TestMethod]
    public async Task Registering_a_known_address_answers_the_same_and_makes_no_second_account()
    {
        const string email = "redan.medlem@kommun.example.se";
        await Factory.CreateUserAsync(email, PortalRoles.Member);
        var client = Factory.CreateBrowserClient();

        using var again = await RegisterAsync(client, email);
        using var fresh = await RegisterAsync(Factory.CreateBrowserClient(), "helt.ny@kommun.example.se");

        Assert.AreEqual(await AlertTextAsync(fresh), await AlertTextAsync(again));
        var count = await Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().Users.CountAsync(u => u.Email == email));
        Assert.AreEqual(1, count);
        var mail = (await MailsToAsync(Factory, email, "Du har redan ett konto")).Single();
        StringAssert.Contains(mail.Body, "/mina-sidor/glomt-losenord");
    }

    [TestMethod]
    public async Task Registration_shows_every_error_at_once_in_Swedish_and_keeps_what_was_typed()
    {
        var client = Factory.CreateBrowserClient();
        using var response = await RegisterAsync(client, "kort@kommun.example.se", password: "kort", confirm: "annat", consent: false);

        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        var errors = string.Join(" ", page.Texts("main .field-error"));
        StringAssert.Contains(errors, "Lösenorden är inte lika");
        StringAssert.Contains(errors, "Kryssa i");
        StringAssert.Contains(page.QuerySelector("#password-error")!.TextContent, "minst 12 tecken", "the password rules too, in the same round");
        var summary = string.Join(" ", page.Texts("main .alert-error li"));
        foreach (var expected in new[] { "Lösenorden är inte lika", "Kryssa i", "minst 12 tecken" })
        {
            StringAssert.Contains(summary, expected, "the summary at the top lists them all");
        }

        using var badAddress = await RegisterAsync(client, "inte-en-adress", password: "kort", confirm: "kort", consent: false);
        var badPage = await new HtmlParser().ParseDocumentAsync(await badAddress.Content.ReadAsStringAsync());
        StringAssert.Contains(badPage.QuerySelector("#email-error")!.TextContent, "giltig e-postadress");
        StringAssert.Contains(badPage.QuerySelector("#password-error")!.TextContent, "minst 12 tecken");
        StringAssert.Contains(badPage.QuerySelector("#consent-error")!.TextContent, "Kryssa i");
        Assert.AreEqual("kort@kommun.example.se", page.QuerySelector("#Email")!.GetAttribute("value"));
        Assert.AreEqual("Maja Medlem", page.QuerySelector("#DisplayName")!.GetAttribute("value"));
        Assert.IsNull(await Factory.WithScopeAsync(s => s.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync("kort@kommun.example.se")));

        using var weak = await RegisterAsync(client, "kort@kommun.example.se", password: "kort", confirm: "kort");
        var weakPage = await new HtmlParser().ParseDocumentAsync(await weak.Content.ReadAsStringAsync());
        StringAssert.Contains(weakPage.QuerySelector("#password-error")!.TextContent, "minst 12 tecken");
    }

    [TestMethod]
    public async Task A_forgotten_password_is_reset_by_the_mailed_link()
    {
        const string email = "glomsk@kommun.example.se";
        await Factory.CreateUserAsync(email, PortalRoles.Member);
        var client = Factory.CreateBrowserClient();

        using (var asked = await Forms.PostAsync(client, "/mina-sidor/glomt-losenord", new Dictionary<string, string> { ["Email"] = email }))
        using (var unknown = await Forms.PostAsync(client, "/mina-sidor/glomt-losenord", new Dictionary<string, string> { ["Email"] = "okand@kommun.example.se" }))
        {
            Assert.AreEqual(await AlertTextAsync(unknown), await AlertTextAsync(asked));
        }
        Assert.AreEqual(0, (await MailsToAsync(Factory, "okand@kommun.example.se", "")).Count);

        var link = LinkTo((await MailsToAsync(Factory, email, "Välj ett nytt lösenord")).Single(), "/mina-sidor/aterstall-losenord");
        const string newPassword = "Ett-nytt-losenord-2027";
        using (var reset = await Forms.PostAsync(client, link, new Dictionary<string, string> { ["Password"] = newPassword, ["ConfirmPassword"] = newPassword }))
        {
            StringAssert.Contains(await AlertTextAsync(reset), "Ditt lösenord är bytt");
        }

        using (var old = await SignInAsync(Factory.CreateBrowserClient(), email, PortalFactory.Password))
        {
            StringAssert.Contains(await AlertTextAsync(old), "Inloggningen misslyckades");
        }
        using (var withNew = await SignInAsync(Factory.CreateBrowserClient(), email, newPassword))
        {
            Assert.AreEqual(HttpStatusCode.Redirect, withNew.StatusCode);
        }
        // The link works once.
        using var reused = await Forms.PostAsync(client, link, new Dictionary<string, string> { ["Password"] = "Tredje-losenordet-2028", ["ConfirmPassword"] = "Tredje-losenordet-2028" });
        StringAssert.Contains(await AlertTextAsync(reused), "Länken fungerar inte längre");
    }

    [TestMethod]
    public async Task A_ReturnUrl_to_another_site_is_ignored_and_a_local_one_is_followed()
    {
        const string email = "retur@kommun.example.se";
        await Factory.CreateUserAsync(email, PortalRoles.Member);

        using (var external = await SignInAsync(Factory.CreateBrowserClient(), email, PortalFactory.Password, "https://angripare.example.com/"))
        {
            Assert.AreEqual(HttpStatusCode.Redirect, external.StatusCode);
            Assert.AreEqual("/mina-sidor", external.Headers.Location!.OriginalString);
        }
        using (var protocolRelative = await SignInAsync(Factory.CreateBrowserClient(), email, PortalFactory.Password, "//angripare.example.com/"))
        {
            Assert.AreEqual("/mina-sidor", protocolRelative.Headers.Location!.OriginalString);
        }
        using var local = await SignInAsync(Factory.CreateBrowserClient(), email, PortalFactory.Password, "/mina-sidor/profil");
        Assert.AreEqual("/mina-sidor/profil", local.Headers.Location!.OriginalString);
    }

    [TestMethod]
    public async Task Anonymous_visitors_of_member_pages_go_to_the_member_login_and_the_back_office_keeps_its_own()
    {
        var client = Factory.CreateBrowserClient();
        foreach (var path in new[] { "/mina-sidor", "/mina-sidor/profil", "/mina-sidor/mina-uppgifter" })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode, path);
            Assert.AreEqual("/mina-sidor/logga-in?ReturnUrl=" + Uri.EscapeDataString(path), response.Headers.Location!.OriginalString);
        }
        using var backOffice = await client.GetAsync(new Uri("/redaktion", UriKind.Relative));
        StringAssert.Contains(backOffice.Headers.Location!.OriginalString, "/redaktion/logga-in");
        foreach (var open in new[] { "/mina-sidor/logga-in", "/mina-sidor/registrera", "/mina-sidor/glomt-losenord", "/mina-sidor/bekrafta" })
        {
            await client.GetPageAsync(open);
        }
        var home = await client.GetPageAsync("/");
        Assert.IsNull(home.QuerySelector("#for-you-heading"));
    }
}
