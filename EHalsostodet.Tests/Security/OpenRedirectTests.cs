using System.Net;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Tests.Infrastructure;
using EHalsostodet.Tests.Members.Saving;

namespace EHalsostodet.Tests.Security;

/// <summary>No return address sends anyone off the site: login, logout and the save and collection forms.</summary>
[TestClass]
public sealed class OpenRedirectTests : SecurityTestClass<OpenRedirectTests>
{
    private static readonly string[] HostileReturnUrls =
    [
        "//evil.example",
        "https://evil.example",
        "http://evil.example/mina-sidor",
        "/\\evil.example",
        "\\\\evil.example",
        "/\t/evil.example",
        "/\n/evil.example",
        "javascript:alert(1)",
        " //evil.example",
        "%2F%2Fevil.example",
    ];


    /// <summary>A Location header stays on the site: a path (not "//" or "/\"), no scheme, no control characters.</summary>
    internal static void AssertOnSite(HttpResponseMessage response, string context)
    {
        var location = response.Headers.Location?.OriginalString ?? throw new AssertFailedException($"{context}: ingen Location ({(int)response.StatusCode})");
        if (Uri.TryCreate(location, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            Assert.AreEqual("localhost", absolute.Host, $"{context}: {location}");
            return;
        }
        Assert.IsTrue(location.StartsWith('/'), $"{context}: {location}");
        Assert.IsFalse(location.Length > 1 && location[1] is '/' or '\\', $"{context}: {location}");
        Assert.IsFalse(location.Any(char.IsControl), $"{context}: {location}");
    }

    [TestMethod]
    public async Task Signing_in_on_either_login_form_never_returns_to_another_site()
    {
        foreach (var (form, role) in new[] { ("/redaktion/logga-in", PortalRoles.Editor), ("/mina-sidor/logga-in", PortalRoles.Member) })
        {
            foreach (var returnUrl in HostileReturnUrls)
            {
                using var client = Factory.CreateBrowserClient();
                using var response = await Forms.PostAsync(client, form + "?ReturnUrl=" + Uri.EscapeDataString(returnUrl),
                    new Dictionary<string, string> { ["Email"] = SecurityPortal.EmailOf(role), ["Password"] = PortalFactory.Password, ["ReturnUrl"] = returnUrl });
                Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode, $"{form} {returnUrl}");
                AssertOnSite(response, $"{form} ReturnUrl={returnUrl}");
            }
        }
    }

    [TestMethod]
    public async Task A_local_return_address_is_still_honoured()
    {
        using var client = Factory.CreateBrowserClient();
        using var response = await Forms.PostAsync(client, "/mina-sidor/logga-in",
            new Dictionary<string, string> { ["Email"] = SecurityPortal.EmailOf(PortalRoles.Member), ["Password"] = PortalFactory.Password, ["ReturnUrl"] = "/mina-sidor/sparat" });
        Assert.AreEqual("/mina-sidor/sparat", response.Headers.Location?.OriginalString);
    }

    [TestMethod]
    public async Task Signing_out_goes_to_the_start_page_whatever_the_return_address()
    {
        foreach (var (logout, role) in new[] { ("/redaktion/logga-ut", PortalRoles.Editor), ("/mina-sidor/logga-ut", PortalRoles.Member) })
        {
            using var client = await Factory.SignInAsync(SecurityPortal.EmailOf(role));
            using var response = await Forms.PostAsync(client, logout + "?ReturnUrl=" + Uri.EscapeDataString("https://evil.example"),
                new Dictionary<string, string> { ["ReturnUrl"] = "https://evil.example", ["returnUrl"] = "//evil.example" });
            Assert.AreEqual("/", response.Headers.Location?.OriginalString, logout);
        }
    }

    [TestMethod]
    public async Task The_save_follow_and_add_to_collection_forms_only_return_to_the_site()
    {
        var member = await Factory.SignInAsync(SecurityPortal.EmailOf(PortalRoles.Member));
        var story = Portal.Url("/berattelser/{story}");
        foreach (var returnUrl in HostileReturnUrls)
        {
            foreach (var (selector, extra) in new[]
                     {
                         ("form.toggle-form[data-toggle-field='Saved']", (string?)null),
                         ("form.toggle-form[data-toggle-field='Following']", null),
                         ("form.add-to-collection", "NewName"),
                     })
            {
                var page = await member.GetPageAsync(story);
                var form = page.QuerySelector(selector) ?? throw new AssertFailedException($"{selector} saknas på {story}");
                var values = new Dictionary<string, string> { ["ReturnUrl"] = returnUrl };
                if (extra is not null)
                {
                    values[extra] = "Samling " + Guid.NewGuid().ToString("N")[..6];
                    values["CollectionId"] = "";
                }
                using var response = await SavingPortal.SubmitAsync(member, form, story, values);
                Assert.AreEqual(HttpStatusCode.SeeOther, response.StatusCode, $"{selector} {returnUrl}");
                AssertOnSite(response, $"{selector} returnUrl={returnUrl}");
            }
        }
    }
}
