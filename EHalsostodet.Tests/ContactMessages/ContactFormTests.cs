using System.Net;
using AngleSharp.Html.Parser;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.ContactMessages;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Tests.Api;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.ContactMessages;

/// <summary>
/// The contact form (/skriv-till-oss): a message is stored, listed for editors with a status and
/// mailed to Contact:Recipient; bad input is refused in Swedish and keeps what was typed; machines are
/// refused by the hidden field, the minimum fill time and the rate limit.
/// </summary>
[TestClass]
public sealed class ContactFormTests : PortalTestClass<ContactFormTests>
{
    private const string Recipient = "redaktionen@ehalsostodet.example.se";
    private const string FormAddress = "/skriv-till-oss";

    private static readonly TestClock Clock = new();

    private protected override PortalFactory CreatePortal() => new(clock: Clock, settings: new Dictionary<string, string?> { ["Contact:Recipient"] = Recipient });

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        await Factory.CreateUserAsync("kontakt.redaktor@example.se", PortalRoles.Editor, "Rut Redaktör");
    }

    /// <summary>The form as a person fills it in: shown, a while spent writing, then sent.</summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, IDictionary<string, string> fields, TimeSpan? writing = null, string? address = null)
    {
        var page = await client.GetPageAsync(address ?? FormAddress);
        var form = page.QuerySelector("form.contact-form")!;
        var values = form.QuerySelectorAll("input[type='hidden']").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }
        Clock.Advance(writing ?? TimeSpan.FromSeconds(40));
        return await client.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), new FormUrlEncodedContent(values));
    }

    private static Task<List<ContactMessage>> MessagesAsync(string containing) =>
        Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().ContactMessages.AsNoTracking().Where(m => m.Message.Contains(containing)).ToListAsync());

    private static async Task<IReadOnlyList<Mail>> MailsAsync(string containing) =>
        (await Factory.DispatchAndReadMailAsync()).Select(Mail.Parse).Where(m => m.Text.Contains(containing, StringComparison.Ordinal)).ToList();

    [TestMethod]
    public async Task A_message_is_stored_listed_for_editors_with_its_status_and_mailed_to_the_recipient()
    {
        var client = Factory.CreateBrowserClient();
        using var sent = await SendAsync(client, new Dictionary<string, string>
        {
            ["amne"] = "tillganglighet",
            ["Name"] = "Åsa Öberg",
            ["Email"] = "asa.oberg@example.se",
            ["Message"] = "Sökrutan på startsidan går inte att nå med tabbtangenten i min skärmläsare.",
        });

        Assert.AreEqual(HttpStatusCode.SeeOther, sent.StatusCode);
        Assert.AreEqual("/skriv-till-oss/skickat", sent.Headers.Location!.OriginalString);
        StringAssert.Contains((await client.GetPageAsync("/skriv-till-oss/skickat")).MainText(), "Meddelandet har kommit fram till redaktionen");

        var stored = (await MessagesAsync("går inte att nå med tabbtangenten")).Single();
        Assert.AreEqual(ContactSubject.Accessibility, stored.Subject);
        Assert.AreEqual("Åsa Öberg", stored.Name);
        Assert.AreEqual("asa.oberg@example.se", stored.Email);
        Assert.AreEqual(ContactMessageStatus.New, stored.Status);

        var mail = (await MailsAsync("går inte att nå med tabbtangenten")).Single();
        Assert.AreEqual(Recipient, mail.To);
        StringAssert.Contains(mail.Subject, "Tillgänglighet");
        StringAssert.Contains(mail.Body, "asa.oberg@example.se");
        StringAssert.Contains(mail.Body, "/redaktion/meddelanden");

        var editor = await Factory.SignInAsync("kontakt.redaktor@example.se");
        var list = await editor.GetPageAsync("/redaktion/meddelanden");
        var article = list.QuerySelectorAll("article").Single(a => a.TextContent.Contains("går inte att nå med tabbtangenten", StringComparison.Ordinal));
        StringAssert.Contains(article.QuerySelector("h2")!.TextContent, "Tillgänglighet");
        StringAssert.Contains(article.QuerySelector(".contact-status")!.TextContent, "Ny");

        var statusForm = article.QuerySelector("form")!;
        using var closed = await editor.PostAsync(new Uri(statusForm.GetAttribute("action")!, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = statusForm.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!,
            ["id"] = stored.Id.ToString(),
            ["newStatus"] = nameof(ContactMessageStatus.Closed),
        }));
        Assert.AreEqual(HttpStatusCode.SeeOther, closed.StatusCode);
        var after = await editor.GetPageAsync("/redaktion/meddelanden?status=closed");
        var shown = after.QuerySelectorAll("article").Single(a => a.TextContent.Contains("går inte att nå med tabbtangenten", StringComparison.Ordinal));
        StringAssert.Contains(shown.QuerySelector(".contact-status")!.TextContent, "Avslutad");
        StringAssert.Contains(shown.QuerySelector(".contact-status")!.TextContent, "Rut Redaktör");
        Assert.AreEqual(ContactMessageStatus.Closed, (await MessagesAsync("går inte att nå med tabbtangenten")).Single().Status);
    }

    [TestMethod]
    public async Task The_subject_in_the_address_is_chosen_and_visitors_cannot_see_the_list()
    {
        var client = Factory.CreateBrowserClient();
        var page = await client.GetPageAsync("/skriv-till-oss?amne=personuppgifter");
        Assert.IsTrue(page.QuerySelector("input#amne-personuppgifter")!.HasAttribute("checked"));
        Assert.AreEqual(4, page.QuerySelectorAll("input[name='amne']").Length);

        using var list = await client.GetAsync(new Uri("/redaktion/meddelanden", UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.Redirect, list.StatusCode);
        StringAssert.StartsWith(list.Headers.Location!.OriginalString, "/redaktion/logga-in");
    }

    [TestMethod]
    public async Task Bad_input_is_refused_in_Swedish_and_keeps_what_was_typed()
    {
        var client = Factory.CreateBrowserClient();
        const string text = "Ett meddelande utan ämne som inte får gå förlorat.";
        using var response = await SendAsync(client, new Dictionary<string, string>
        {
            ["Name"] = "Bo Ek",
            ["Email"] = "inte en adress",
            ["Message"] = text,
        });

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        var summary = page.QuerySelector("#error-summary")!.TextContent;
        StringAssert.Contains(summary, "Välj vad meddelandet gäller.");
        StringAssert.Contains(summary, "Skriv e-postadressen på formen namn@exempel.se");
        Assert.AreEqual(text, page.QuerySelector("textarea[name='Message']")!.TextContent);
        Assert.AreEqual("Bo Ek", page.QuerySelector("input[name='Name']")!.GetAttribute("value"));
        Assert.AreEqual("inte en adress", page.QuerySelector("input[name='Email']")!.GetAttribute("value"));
        Assert.AreEqual("kontakt-email-tips kontakt-email-fel", page.QuerySelector("input[name='Email']")!.GetAttribute("aria-describedby"));
        Assert.AreEqual(0, (await MessagesAsync(text)).Count);

        using var personal = await SendAsync(client, new Dictionary<string, string> { ["amne"] = "personuppgifter", ["Message"] = "Vilka uppgifter har ni om mig?" });
        Assert.AreEqual(HttpStatusCode.BadRequest, personal.StatusCode);
        StringAssert.Contains(await personal.Content.ReadAsStringAsync(), "Ange din e-postadress, så att vi kan svara på din begäran om personuppgifter.");
    }

    [TestMethod]
    public async Task The_hidden_field_a_form_sent_too_fast_and_a_forged_stamp_store_and_mail_nothing()
    {
        var client = Factory.CreateBrowserClient();
        using var honeypot = await SendAsync(client, new Dictionary<string, string>
        {
            ["amne"] = "fraga", ["Message"] = "Köp billiga klockor nu (fält för maskiner ifyllt)", ["webbplats"] = "https://spam.example",
        });
        Assert.AreEqual(HttpStatusCode.SeeOther, honeypot.StatusCode, "a machine learns nothing");

        using var tooFast = await SendAsync(client, new Dictionary<string, string> { ["amne"] = "fraga", ["Message"] = "Köp billiga klockor nu (för snabbt)" }, writing: TimeSpan.FromSeconds(1));
        Assert.AreEqual(HttpStatusCode.BadRequest, tooFast.StatusCode);
        var page = await new HtmlParser().ParseDocumentAsync(await tooFast.Content.ReadAsStringAsync());
        StringAssert.Contains(page.QuerySelector("#error-summary")!.TextContent, "vänta några sekunder och skicka igen");
        Assert.AreEqual("Köp billiga klockor nu (för snabbt)", page.QuerySelector("textarea[name='Message']")!.TextContent, "a person who was quick loses nothing");

        using var forged = await SendAsync(client, new Dictionary<string, string> { ["amne"] = "fraga", ["Message"] = "Köp billiga klockor nu (förfalskad)", ["stampel"] = "abc" });
        Assert.AreEqual(HttpStatusCode.BadRequest, forged.StatusCode);

        Assert.AreEqual(0, (await MessagesAsync("Köp billiga klockor")).Count);
        Assert.AreEqual(0, (await MailsAsync("Köp billiga klockor")).Count);
    }

    [TestMethod]
    public async Task A_client_that_sends_too_many_messages_gets_429()
    {
        using var limited = Factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("RateLimits:Contact:PermitLimit", "2");
            b.UseSetting("RateLimits:Contact:Window", "00:10:00");
        });
        var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        for (var i = 1; i <= 2; i++)
        {
            using var sent = await SendAsync(client, new Dictionary<string, string> { ["amne"] = "fraga", ["Message"] = $"Fråga nummer {i} om gränsen" });
            Assert.AreEqual(HttpStatusCode.SeeOther, sent.StatusCode);
        }
        using var third = await SendAsync(client, new Dictionary<string, string> { ["amne"] = "fraga", ["Message"] = "Fråga nummer 3 om gränsen" });

        Assert.AreEqual(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.IsTrue(third.Headers.Contains("Retry-After"));
        StringAssert.Contains(await third.Content.ReadAsStringAsync(), "För många förfrågningar");
        Assert.AreEqual(2, (await MessagesAsync("om gränsen")).Count);
    }
}
