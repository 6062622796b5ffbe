using System.Text.RegularExpressions;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Content;
using EHalsostodet.Tests.Addresses;
using EHalsostodet.Core.Media;
using EHalsostodet.Tests.Media;
using Microsoft.Extensions.DependencyInjection;
using EHalsostodet.Tests.Members.Saving;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EHalsostodet.Tests.Browser;

/// <summary>
/// axe-core at WCAG 2.1 A and AA on every kind of page, at phone and desktop width, as a visitor,
/// a member, an editor and an administrator see it; each page is also kept as a full-page screenshot.
/// </summary>
// The browser runs once, on the embedded database: the database providers are the rest of the suite's concern.
[TestClass]
[TestCategory(Infrastructure.TestDatabase.SqliteOnly)]
public sealed partial class AccessibilityScanTests : BrowserTestClass<AccessibilityScanTests>
{
    private const string MemberEmail = "tillganglighet@example.se";
    private const string EditorEmail = "tillganglighet.redaktor@example.se";
    private const string AdminEmail = "tillganglighet.admin@example.se";

    /// <summary>A uSync export taken before a page was renamed: uploading it shows a conflict.</summary>
    private static byte[] staleExport = [];

    private static readonly Dictionary<string, string> Places = [];
    private static readonly Dictionary<(string Who, string Width), IPage> Pages = [];

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        await Portal.Factory.CreateUserAsync(MemberEmail, PortalRoles.Member, "Tove Tillgänglig");
        await Portal.Factory.CreateUserAsync(EditorEmail, PortalRoles.Editor, "Rut Redaktör");
        await Portal.Factory.CreateUserAsync(AdminEmail, PortalRoles.Administrator, "Ada Administratör");

        var story = await SavingPortal.PublishedAsync(Portal.Factory, ContentType.Story);
        var other = await SavingPortal.PublishedAsync(Portal.Factory, ContentType.Story, 1);
        var collection = await SavingPortal.PublishedAsync(Portal.Factory, ContentType.Collection);
        Places["story"] = story.Url;
        Places["collection"] = collection.Url;
        Places["tag"] = "/taggar/" + await SavingPortal.TagSlugAsync(Portal.Factory);
        Places["item"] = story.Id.ToString();
        var image = await Portal.Factory.WithScopeAsync(s => s.GetRequiredService<MediaLibrary>().UploadAsync(
            new MediaUpload(TestImages.BlueWithRedSquare(ImageFormat.Jpeg, 1200, 800, 600, 400, 200), "kontor.jpg", "Ett kontor med en röd stol", null, "Test"), CancellationToken.None));
        Places["image"] = ((MediaUploadOutcome.Stored)image).Item.Id.ToString();

        var member = await StartAsync("member", async page =>
        {
            await BrowserSteps.SignInAsMemberAsync(page, MemberEmail, Infrastructure.PortalFactory.Password);
            await MemberStateAsync(page, story, other);
        });
        var editor = await StartAsync("editor", async page =>
        {
            await BrowserSteps.SignInToBackOfficeAsync(page, EditorEmail, Infrastructure.PortalFactory.Password);
            await page.GotoAsync($"/redaktion/innehall/{story.Id}/redigera");
            await page.Locator("#f-shortDescription").FillAsync("En ny kort beskrivning, så att det finns två versioner att jämföra.");
            await page.Locator("button[name='editorAction'][value='save']").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/redaktion/innehall/{story.Id}/redigera$"));
            // A draft with only a title: saved, but not ready for review.
            await page.GotoAsync("/redaktion/innehall/ny/story");
            await page.Locator("#f-title").FillAsync("Ett halvfärdigt utkast");
            await page.Locator("button[name='editorAction'][value='save']").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/redaktion/innehall/[0-9a-f-]{36}/redigera$"));
            // The draft's overview, with what it lacks before review.
            Places["draft"] = new Uri(page.Url).AbsolutePath[..^"/redigera".Length];
        });
        // Searches without hits for the editors' list: one with personal data, which is masked and cannot be answered.
        using (var visitor = new HttpClient { BaseAddress = new Uri(Portal.BaseUrl) })
        {
            foreach (var typed in new[] { "zebrafinkar 19800101-1234", "zebrafinkar" })
            {
                using var search = await visitor.GetAsync(new Uri("/sok?q=" + Uri.EscapeDataString(typed), UriKind.Relative));
                Assert.AreEqual(System.Net.HttpStatusCode.OK, search.StatusCode);
            }
        }
        var renamed = await SavingPortal.PublishedAsync(Portal.Factory, ContentType.Page, 1);
        Places["renamed"] = renamed.Id.ToString();
        await StartAsync("admin", async page =>
        {
            await BrowserSteps.SignInToBackOfficeAsync(page, AdminEmail, Infrastructure.PortalFactory.Password);
            var export = await page.Context.APIRequest.GetAsync("/redaktion/innehall-som-filer?handler=Export");
            staleExport = await export.BodyAsync();
            await Renames.RenameAndPublishAsync(Portal.Factory, renamed.Id, "ny-adress-for-tillganglighet");
        });
        await StartAsync("visitor", _ => Task.CompletedTask);
    }

    /// <summary>One signed-in (or not) profile, then a phone and a desktop page sharing its cookies, each with axe installed.</summary>
    private static async Task<IPage> StartAsync(string who, Func<IPage, Task> prepare)
    {
        await using (var setup = await Chromium.NewContextAsync(Portal))
        {
            var page = await setup.NewPageAsync();
            await prepare(page);
            var state = await setup.StorageStateAsync();
            foreach (var (width, size) in new[] { ("mobil", Chromium.Phone), ("dator", Chromium.Desktop) })
            {
                var context = await Chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Portal.BaseUrl, ViewportSize = size, Locale = "sv-SE", StorageState = state });
                await Axe.InstallAsync(context);
                Pages[(who, width)] = await context.NewPageAsync();
            }
        }
        return Pages[(who, "dator")];
    }

    /// <summary>What a member has, so that their pages are not empty: a saved story, an own collection and a plan, both shared.</summary>
    private static async Task MemberStateAsync(IPage page, SeedItem story, SeedItem other)
    {
        await page.GotoAsync(story.Url);
        await page.Locator("form[data-toggle-field='Saved'] button").ClickAsync();
        await Expect(page.Locator("form[data-toggle-field='Saved'] button")).ToHaveAttributeAsync("aria-pressed", "true");
        await page.Locator("form.add-to-collection input[name='NewName']").FillAsync("Att läsa före mötet");
        await page.Locator("form.add-to-collection button").ClickAsync();
        await page.GotoAsync(other.Url);
        await page.Locator("form.add-to-collection button").ClickAsync();

        await page.GotoAsync("/mina-sidor/samlingar");
        await page.GetByRole(AriaRole.Link, new() { Name = "Att läsa före mötet" }).ClickAsync();
        Places["ownCollection"] = new Uri(page.Url).AbsolutePath;
        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa delningslänk" }).ClickAsync();
        Places["sharedCollection"] = new Uri(await page.Locator("#share-url").InputValueAsync()).AbsolutePath;

        await page.GotoAsync(story.Url);
        await page.Locator("form.start-plan-form button").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/mina-sidor/handlingsplaner/[0-9a-f-]{36}$"));
        Places["plan"] = new Uri(page.Url).AbsolutePath;
        await page.Locator("form.share-form button").ClickAsync();
        Places["sharedPlan"] = new Uri(await page.Locator("#share-url").InputValueAsync()).AbsolutePath;
    }

    [ClassCleanup]
    public static async Task StopAsync()
    {
        foreach (var page in Pages.Values)
        {
            await page.Context.CloseAsync();
        }
    }

    [TestMethod]
    [DataRow("start", "visitor", "/")]
    [DataRow("berattelser", "visitor", "/berattelser")]
    [DataRow("berattelse", "visitor", "{story}")]
    [DataRow("samlingar", "visitor", "/samlingar")]
    [DataRow("samling", "visitor", "{collection}")]
    [DataRow("taggar", "visitor", "/taggar")]
    [DataRow("tagg", "visitor", "{tag}")]
    [DataRow("initiativ", "visitor", "/kunskapshojande-initiativ")]
    [DataRow("sok-traffar", "visitor", "/sok?q=trygghetslarm")]
    [DataRow("sok-inga-traffar", "visitor", "/sok?q=trygghetslram")]
    [DataRow("sida", "visitor", "/om")]
    [DataRow("initiativ-utan-lank", "visitor", "/kunskapshojande-initiativ/hantering-av-information-inom-vard-och-omsorg")]
    [DataRow("kontaktformular", "visitor", "/skriv-till-oss?amne=tillganglighet")]
    [DataRow("404", "visitor", "/berattelser/finns-inte", 404)]
    [DataRow("delad-samling", "visitor", "{sharedCollection}")]
    [DataRow("delad-handlingsplan", "visitor", "{sharedPlan}")]
    [DataRow("logga-in", "visitor", "/mina-sidor/logga-in")]
    [DataRow("registrera", "visitor", "/mina-sidor/registrera")]
    [DataRow("mina-sidor", "member", "/mina-sidor")]
    [DataRow("profil", "member", "/mina-sidor/profil")]
    [DataRow("sparat", "member", "/mina-sidor/sparat")]
    [DataRow("mina-samlingar", "member", "/mina-sidor/samlingar")]
    [DataRow("egen-samling", "member", "{ownCollection}")]
    [DataRow("notiser", "member", "/mina-sidor/notiser")]
    [DataRow("installningar", "member", "/mina-sidor/installningar")]
    [DataRow("handlingsplaner", "member", "/mina-sidor/handlingsplaner")]
    [DataRow("handlingsplan", "member", "{plan}")]
    [DataRow("spara-bekrafta", "member", "/mina-sidor/spara/{item}")]
    [DataRow("berattelse-inloggad", "member", "{story}")]
    [DataRow("start-inloggad", "member", "/")]
    [DataRow("redaktion-start", "editor", "/redaktion")]
    [DataRow("redaktion-lista", "editor", "/redaktion/innehall")]
    [DataRow("redaktion-redigera", "editor", "/redaktion/innehall/{item}/redigera")]
    [DataRow("redaktion-oversikt", "editor", "/redaktion/innehall/{item}")]
    [DataRow("redaktion-ofullstandigt-utkast", "editor", "{draft}")]
    [DataRow("redaktion-historik", "editor", "/redaktion/innehall/{item}/historik")]
    [DataRow("redaktion-jamfor", "editor", "/redaktion/innehall/{item}/jamfor?fran=1&till=2")]
    [DataRow("redaktion-gamla-adresser", "admin", "/redaktion/innehall/{renamed}/redigera")]
    [DataRow("redaktion-sokningar-utan-traffar", "editor", "/redaktion/sokningar-utan-traffar")]
    [DataRow("redaktion-media", "editor", "/redaktion/media")]
    [DataRow("redaktion-meddelanden", "editor", "/redaktion/meddelanden")]
    [DataRow("redaktion-lankar", "editor", "/redaktion/lankar")]
    [DataRow("redaktion-bild", "editor", "/redaktion/media/{image}")]
    public async Task Page_has_no_WCAG_21_AA_violations_at_phone_and_desktop_width(string name, string who, string path, int status = 200)
    {
        var url = Placeholder().Replace(path, m => Places[m.Groups[1].Value]);
        await ScanAtBothWidthsAsync(name, who, async page =>
        {
            var response = await page.GotoAsync(url);
            Assert.AreEqual(status, response!.Status, $"{url} som {who}");
        });
    }

    [TestMethod]
    [DataRow("registrera-fel", "visitor", "/mina-sidor/registrera", "main form button[type='submit']")]
    [DataRow("kontaktformular-fel", "visitor", "/skriv-till-oss", "form.contact-form button[type='submit']")]
    [DataRow("ny-samling-fel", "member", "/mina-sidor/samlingar", "section[aria-labelledby='create-heading'] button[type='submit']")]
    [DataRow("redaktion-ny-fel", "editor", "/redaktion/innehall/ny/story", "button[name='editorAction'][value='save']")]
    [DataRow("redaktion-skicka-ofullstandigt", "editor", "{draft}", "form:has(input[name='action'][value='submit']) button[type='submit']")]
    [DataRow("redaktion-uppladdning-fel", "editor", "/redaktion/innehall/ny/story", "button[name='editorAction'][value='upload']")]
    [DataRow("redaktion-bild-fel", "editor", "/redaktion/media/{image}", "main form button[type='submit']", "#media-alt")]
    public async Task Forms_that_show_their_errors_have_no_WCAG_21_AA_violations(string name, string who, string path, string submit, string? emptied = null)
    {
        var url = Placeholder().Replace(path, m => Places[m.Groups[1].Value]);
        await ScanAtBothWidthsAsync(name, who, async page =>
        {
            await page.GotoAsync(url);
            if (emptied is not null)
            {
                await page.Locator(emptied).FillAsync("");
            }
            await page.Locator(submit).ClickAsync();
            await Expect(page.Locator("main [role='alert']").First).ToBeVisibleAsync();
        });
    }

    [TestMethod]
    public async Task The_import_report_with_a_conflict_has_no_WCAG_21_AA_violations()
    {
        await ScanAtBothWidthsAsync("redaktion-filer-konflikt", "admin", async page =>
        {
            await page.GotoAsync("/redaktion/innehall-som-filer");
            await page.Locator("#usync-fil").SetInputFilesAsync(new FilePayload { Name = "usync.zip", MimeType = "application/zip", Buffer = staleExport });
            await page.Locator("form.sync-upload button[type='submit']").ClickAsync();
            await Expect(page.Locator("tr.sync-conflict").First).ToBeVisibleAsync();
        });
    }

    /// <summary>Opens the page at phone and desktop width, keeps a screenshot of each and reports every violation of both.</summary>
    private async Task ScanAtBothWidthsAsync(string name, string who, Func<IPage, Task> open)
    {
        var failures = new List<string>();
        foreach (var width in new[] { "mobil", "dator" })
        {
            var page = Pages[(who, width)];
            await open(page);
            await Screenshots.SaveAsync(TestContext, page, $"{name}-{width}");
            try
            {
                await Axe.AssertNoViolationsAsync(page, $"{name} ({width})");
            }
            catch (AssertFailedException failure)
            {
                failures.Add(failure.Message);
            }
        }
        if (failures.Count > 0)
        {
            Assert.Fail(string.Join(Environment.NewLine, failures));
        }
    }

    [TestMethod]
    public async Task The_scan_reports_what_breaks_the_rules_by_rule_and_element()
    {
        var page = Pages[("visitor", "dator")];
        await page.GotoAsync("/om");
        // Scripted DOM changes are allowed by the CSP (it forbids inline script, not the debugger's).
        await page.EvaluateAsync("""
            () => {
              const main = document.querySelector('main');
              const image = document.createElement('img'); image.src = '/finns-inte.png'; image.id = 'utan-alt';
              const input = document.createElement('input'); input.type = 'text'; input.id = 'utan-etikett';
              main.append(image, input);
            }
            """);

        var violations = await Axe.RunAsync(page);

        CollectionAssert.IsSubsetOf(new[] { "image-alt", "label" }, violations.Select(v => v.Id).ToList());
        var failure = await Assert.ThrowsExactlyAsync<AssertFailedException>(() => Axe.AssertNoViolationsAsync(page, "om-sidan"));
        StringAssert.Contains(failure.Message, "image-alt [critical]");
        StringAssert.Contains(failure.Message, "#utan-alt");
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();
}
