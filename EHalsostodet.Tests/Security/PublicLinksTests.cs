using System.Net;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Sharing;
using EHalsostodet.Tests.Api;
using EHalsostodet.Tests.Infrastructure;
using EHalsostodet.Tests.Sharing;
using EHalsostodet.Web.Sharing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static EHalsostodet.Tests.Export.ExportFiles;
using static EHalsostodet.Tests.Members.Saving.SavingPortal;

namespace EHalsostodet.Tests.Security;

/// <summary>
/// Absolute links never come from the request's Host header (issue 15, finding 7): mails, share
/// field, QR code, OpenGraph and canonical, feeds, sitemap, exports and the delivery API are built
/// on Email:PublicBaseUrl, or without it on the server's own address.
/// </summary>
[TestClass]
public sealed class PublicLinksTests
{
    private const string Evil = "evil.example";
    private const string PublicBase = "https://ehalsostodet.example.se";

    /// <summary>A browser client whose every request says it is for another site.</summary>
    private static HttpClient ForgedHostClient(PortalFactory factory)
    {
        var client = factory.CreateBrowserClient();
        client.DefaultRequestHeaders.Host = Evil;
        return client;
    }

    private static string BaseUrlOf(PortalFactory factory) => factory.Services.GetRequiredService<PublicUrls>().BaseUrl;

    private static async Task<IReadOnlyList<Mail>> MailsToAsync(PortalFactory factory, string email) =>
        (await factory.DispatchAndReadMailAsync()).Select(Mail.Parse).Where(m => m.To.Contains(email, StringComparison.OrdinalIgnoreCase)).ToList();

    [TestMethod]
    public async Task A_reset_and_a_registration_asked_for_with_a_forged_Host_mail_links_to_the_servers_own_address()
    {
        using var factory = new PortalFactory();
        await factory.CreateUserAsync("aterstall@kommun.example.se", PortalRoles.Member);
        var client = ForgedHostClient(factory);

        using (var reset = await Forms.PostAsync(client, "/mina-sidor/glomt-losenord", new Dictionary<string, string> { ["Email"] = "aterstall@kommun.example.se" }))
        {
            Assert.AreEqual(HttpStatusCode.OK, reset.StatusCode);
        }
        using (var registered = await Forms.PostAsync(client, "/mina-sidor/registrera", new Dictionary<string, string>
        {
            ["Email"] = "ny.medlem@kommun.example.se", ["Password"] = "Ett-langt-losenord-1", ["ConfirmPassword"] = "Ett-langt-losenord-1", ["Consent"] = "true",
        }))
        {
            Assert.AreEqual(HttpStatusCode.OK, registered.StatusCode);
        }
        using (var resent = await Forms.PostAsync(client, "/mina-sidor/bekrafta", new Dictionary<string, string> { ["Email"] = "ny.medlem@kommun.example.se" }))
        {
            Assert.AreEqual(HttpStatusCode.OK, resent.StatusCode);
        }

        var baseUrl = BaseUrlOf(factory);
        Assert.IsFalse(baseUrl.Contains(Evil, StringComparison.Ordinal));
        var resetMail = (await MailsToAsync(factory, "aterstall@kommun.example.se")).Single();
        var confirmMails = await MailsToAsync(factory, "ny.medlem@kommun.example.se");
        Assert.AreEqual(2, confirmMails.Count, "the registration and the resent confirmation");
        foreach (var mail in confirmMails.Append(resetMail))
        {
            Assert.IsFalse(mail.Text.Contains(Evil, StringComparison.OrdinalIgnoreCase), mail.Text);
        }
        StringAssert.Contains(resetMail.Body, baseUrl + "/mina-sidor/aterstall-losenord?userId=");
        StringAssert.Contains(confirmMails[0].Body, baseUrl + "/mina-sidor/bekrafta?userId=");
    }

    [TestMethod]
    public async Task Share_field_QR_code_PDF_feeds_sitemap_and_delivery_API_asked_for_with_a_forged_Host_name_the_servers_own_address()
    {
        using var factory = new PortalFactory();
        var story = await PublishedAsync(factory, ContentType.Story);
        var client = ForgedHostClient(factory);
        var expected = BaseUrlOf(factory) + story.Url;

        var page = await client.GetPageAsync(story.Url);
        Assert.AreEqual(expected, page.QuerySelector("input#share-url")!.GetAttribute("value"));
        Assert.AreEqual(expected, page.Head!.QuerySelector("meta[property='og:url']")!.GetAttribute("content"));
        Assert.AreEqual(expected, page.Head!.QuerySelector("link[rel='canonical']")!.GetAttribute("href"));
        Assert.IsFalse(page.DocumentElement.OuterHtml.Contains(Evil, StringComparison.Ordinal));

        var svg = await client.GetStringAsync(new Uri(story.Url + "/qr.svg", UriKind.Relative));
        var modules = SharePanelTests.ReadModules(svg);
        Assert.IsTrue(SharePanelTests.SameModules(modules, expected), "the QR code encodes the server's own address");
        Assert.IsFalse(SharePanelTests.SameModules(modules, $"http://{Evil}{story.Url}"));

        var pdf = await DownloadAsync(client, story.Url + "/pdf", "application/pdf");
        var text = PdfText(pdf).Replace("\n", "", StringComparison.Ordinal);
        Assert.IsFalse(text.Contains(Evil, StringComparison.Ordinal), "the PDF's text names no forged host");
        StringAssert.Contains(text, expected);
        Assert.AreEqual(expected, QrCodesOnFirstPage(pdf).Trim());
        var document = OpenPdf(pdf);
        var links = Enumerable.Range(0, document.Pages[0].Annotations.Count)
            .Select(i => document.Pages[0].Annotations[i].Elements.GetDictionary("/A")?.Elements.GetString("/URI")).OfType<string>().ToList();
        CollectionAssert.Contains(links, expected);
        Assert.IsFalse(links.Any(l => l.Contains(Evil, StringComparison.Ordinal)));

        var tag = await TagSlugAsync(factory);
        foreach (var url in new[] { "/sitemap.xml", "/robots.txt", $"/taggar/{tag}/feed", $"/api/delivery/v1/stories/{story.Slug}", story.Url + "/docx", story.Url + "/pptx" })
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, url);
            var body = url.EndsWith('x') ? OfficeText(await response.Content.ReadAsByteArrayAsync()) : await response.Content.ReadAsStringAsync();
            Assert.IsFalse(body.Contains(Evil, StringComparison.Ordinal), $"{url} names the forged host");
        }
    }

    [TestMethod]
    public async Task With_a_public_address_configured_mails_share_links_and_exports_use_it_whatever_the_Host()
    {
        using var factory = new PortalFactory(settings: new Dictionary<string, string?> { ["Email:PublicBaseUrl"] = PublicBase + "/" });
        await factory.CreateUserAsync("konfigurerad@kommun.example.se", PortalRoles.Member);
        var story = await PublishedAsync(factory, ContentType.Story);
        var client = ForgedHostClient(factory);

        using (await Forms.PostAsync(client, "/mina-sidor/glomt-losenord", new Dictionary<string, string> { ["Email"] = "konfigurerad@kommun.example.se" }))
        {
        }
        var mail = (await MailsToAsync(factory, "konfigurerad@kommun.example.se")).Single();
        StringAssert.Contains(mail.Body, PublicBase + "/mina-sidor/aterstall-losenord?userId=");
        Assert.IsFalse(mail.Text.Contains(Evil, StringComparison.Ordinal));

        var page = await client.GetPageAsync(story.Url);
        Assert.AreEqual(PublicBase + story.Url, page.QuerySelector("input#share-url")!.GetAttribute("value"));
        var pdf = await DownloadAsync(client, story.Url + "/pdf", "application/pdf");
        Assert.AreEqual(PublicBase + story.Url, QrCodesOnFirstPage(pdf).Trim());
    }

    [TestMethod]
    [DataRow("http://127.0.0.1:5000", "http://127.0.0.1:5000")]
    [DataRow("http://[::]:8080", "http://localhost:8080")]
    [DataRow("http://0.0.0.0:80", "http://localhost")]
    [DataRow("https://+:443", "https://localhost")]
    [DataRow("http://*:5080", "http://localhost:5080")]
    [DataRow("http://localhost:5123", "http://localhost:5123")]
    public void The_servers_first_bound_address_is_the_base_and_a_wildcard_host_becomes_localhost(string bound, string expected) =>
        Assert.AreEqual(expected, ServerListeningAddress.FirstBound(["http://unix:/run/ehalsostodet.sock", bound, "http://127.0.0.1:9999"]));

    [TestMethod]
    public void Without_any_bound_address_the_base_is_localhost_5000()
    {
        Assert.IsNull(ServerListeningAddress.FirstBound([]));
        var urls = new PublicUrls(Microsoft.Extensions.Options.Options.Create(new EHalsostodet.Core.Email.EmailOptions()), new NoListeningAddress());
        Assert.AreEqual("http://localhost:5000", urls.BaseUrl);
        Assert.AreEqual("http://localhost:5000/om", urls.Absolute("/om"));
    }

    [TestMethod]
    public async Task Production_without_a_public_address_warns_at_start_and_with_one_does_not()
    {
        foreach (var (settings, warns) in new[] { (new Dictionary<string, string?>(), true), (new Dictionary<string, string?> { ["Email:PublicBaseUrl"] = PublicBase }, false) })
        {
            var logs = new CollectingLoggerProvider();
            using var factory = new PortalFactory(settings: settings);
            using var started = factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));
            using var client = started.CreateClient();
            using var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
            var warnings = logs.Messages.Where(m => m.Level == LogLevel.Warning && m.Text.Contains("Email:PublicBaseUrl", StringComparison.Ordinal)).ToList();
            Assert.AreEqual(warns, warnings.Count == 1, string.Join("\n", logs.Messages.Select(m => m.Text)));
        }
    }

    /// <summary>The text of a Word or PowerPoint file (its XML parts), for a search.</summary>
    private static string OfficeText(byte[] file)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(file));
        return string.Join("\n", zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal) || e.FullName.EndsWith(".rels", StringComparison.Ordinal))
            .Select(e => new StreamReader(e.Open()).ReadToEnd()));
    }

    private sealed class CollectingLoggerProvider : ILoggerProvider
    {
        public System.Collections.Concurrent.ConcurrentQueue<(LogLevel Level, string Text)> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Collector(this);

        public void Dispose()
        {
        }

        private sealed class Collector(CollectingLoggerProvider provider) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                provider.Messages.Enqueue((logLevel, formatter(state, exception)));
        }
    }
}
