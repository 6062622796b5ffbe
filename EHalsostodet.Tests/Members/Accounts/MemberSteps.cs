using AngleSharp.Html.Parser;
using System.Net;
using System.Text.RegularExpressions;
using EHalsostodet.Tests.Api;
using EHalsostodet.Tests.Infrastructure;

namespace EHalsostodet.Tests.Members.Accounts;

/// <summary>What a member does in the browser, step by step, for the account tests.</summary>
internal static partial class MemberSteps
{
    public const string Password = "Medlemslosenord-2026";

    public static Task<HttpResponseMessage> RegisterAsync(HttpClient client, string email, string password = Password, string confirm = Password, bool consent = true) =>
        Forms.PostAsync(client, "/mina-sidor/registrera", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["DisplayName"] = "Maja Medlem",
            ["Password"] = password,
            ["ConfirmPassword"] = confirm,
            ["Consent"] = consent ? "true" : "false",
        });

    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password = Password, string returnUrl = "") =>
        Forms.PostAsync(client, "/mina-sidor/logga-in" + (returnUrl.Length > 0 ? "?ReturnUrl=" + Uri.EscapeDataString(returnUrl) : ""),
            new Dictionary<string, string> { ["Email"] = email, ["Password"] = password, ["ReturnUrl"] = returnUrl });

    /// <summary>A cookie client signed in through the member login form.</summary>
    public static async Task<HttpClient> SignedInClientAsync(PortalFactory factory, string email, string password = PortalFactory.Password)
    {
        var client = factory.CreateBrowserClient();
        using var response = await SignInAsync(client, email, password);
        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode, await response.Content.ReadAsStringAsync());
        return client;
    }

    /// <summary>The mails to one address whose subject contains the text, oldest first as far as the folder tells.</summary>
    public static async Task<IReadOnlyList<Mail>> MailsToAsync(PortalFactory factory, string email, string subject) =>
        (await factory.DispatchAndReadMailAsync()).Select(Mail.Parse)
            .Where(m => m.To.Contains(email, StringComparison.OrdinalIgnoreCase) && m.Subject.Contains(subject, StringComparison.Ordinal))
            .ToList();

    /// <summary>The path and query of the one absolute link to a page in a mail.</summary>
    public static string LinkTo(Mail mail, string path)
    {
        var match = Regex.Match(mail.Body, @"http://localhost(:\d+)?" + Regex.Escape(path) + @"\?\S+");
        Assert.IsTrue(match.Success, $"Ingen länk till {path} i: {mail.Body}");
        return new Uri(match.Value).PathAndQuery;
    }

    public static async Task<string> AlertTextAsync(HttpResponseMessage response)
    {
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        return string.Join(" ", page.QuerySelectorAll("main .alert").Select(a => a.TextContent.Trim()));
    }
}
