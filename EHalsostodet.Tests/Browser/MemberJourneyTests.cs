using System.Text.RegularExpressions;
using EHalsostodet.Tests.Members.Accounts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EHalsostodet.Tests.Browser;

/// <summary>A new member registers, confirms by mail, tells the portal about themselves and shares a collection.</summary>
// The browser runs once, on the embedded database: the database providers are the rest of the suite's concern.
[TestClass]
[TestCategory(Infrastructure.TestDatabase.SqliteOnly)]
public sealed partial class MemberJourneyTests
{
    private const string Email = "ny.medlem@kommun.example.se";
    private const string Password = "Medlemslosenord-2026";
    private const string CollectionName = "Inför nämndmötet om trygghet";

    private static LivePortal portal = null!;
    private static Chromium chromium = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        portal = LivePortal.Start();
        chromium = await Chromium.LaunchAsync();
    }

    [ClassCleanup]
    public static async Task StopAsync()
    {
        await chromium.DisposeAsync();
        portal.Dispose();
    }

    [TestMethod]
    public async Task A_member_registers_confirms_sets_a_profile_gets_suggestions_and_shares_an_own_collection()
    {
        await using var context = await chromium.NewContextAsync(portal, Chromium.Phone);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/mina-sidor/registrera");
        await page.GetByLabel("E-postadress").FillAsync(Email);
        await page.GetByLabel("Namn (frivilligt)").FillAsync("Maja Medlem");
        await page.GetByLabel("Lösenord", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Upprepa lösenordet").FillAsync(Password);
        await page.Locator("#Consent").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa konto" }).ClickAsync();
        await Expect(page.Locator("main .alert-success")).ToContainTextAsync("Vi har skickat ett mejl");

        var mail = (await MemberSteps.MailsToAsync(portal.Factory, Email, "Bekräfta din e-postadress")).Single();
        var link = ConfirmLink().Match(mail.Body);
        Assert.IsTrue(link.Success, mail.Body);
        StringAssert.StartsWith(link.Value, portal.BaseUrl, "the link leads back to the address the member used");
        await page.GotoAsync(link.Value);
        await Expect(page.Locator("main .alert-success")).ToContainTextAsync("Din e-postadress är bekräftad");

        await BrowserSteps.SignInAsMemberAsync(page, Email, Password);
        await page.GotoAsync("/mina-sidor/profil");
        await page.Locator("#Role").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.Locator("#MunicipalityCode").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        var interest = page.Locator("input[name='Interests']").First;
        var interestName = (await page.Locator($"label[for='{await interest.GetAttributeAsync("id")}']").InnerTextAsync()).Trim();
        await interest.CheckAsync();
        await page.Locator("input[name='Areas']").First.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara profilen" }).ClickAsync();
        await page.GotoAsync("/mina-sidor/profil");
        await Expect(page.Locator($"input[name='Interests']:checked")).ToHaveCountAsync(1);

        await page.GotoAsync("/");
        var forYou = page.Locator("section.for-you");
        await Expect(forYou.Locator("h2")).ToHaveTextAsync("För dig");
        await Expect(forYou.Locator(".for-you-reason").First).ToContainTextAsync(interestName);
        var suggested = forYou.Locator("ul[aria-labelledby='for-you-interests'] a[href^='/berattelser/']").First;
        var firstTitle = (await suggested.InnerTextAsync()).Trim();
        await suggested.ClickAsync();

        var add = page.Locator("form.add-to-collection");
        await add.Locator("input[name='NewName']").FillAsync(CollectionName);
        await add.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.Locator(".status-message")).ToBeVisibleAsync();

        await page.GotoAsync("/berattelser");
        var second = page.Locator("main a[href^='/berattelser/']").Filter(new() { HasNotText = firstTitle }).First;
        var secondTitle = (await second.InnerTextAsync()).Trim();
        await second.ClickAsync();
        await add.Locator("select[name='CollectionId']").SelectOptionAsync(new SelectOptionValue { Label = CollectionName });
        await add.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.Locator(".status-message")).ToBeVisibleAsync();

        await page.GotoAsync("/mina-sidor/samlingar");
        await page.GetByRole(AriaRole.Link, new() { Name = CollectionName }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa delningslänk" }).ClickAsync();
        var sharedUrl = await page.Locator("#share-url").InputValueAsync();
        StringAssert.StartsWith(sharedUrl, portal.BaseUrl + "/delad-samling/", sharedUrl);

        await using var stranger = await chromium.NewContextAsync(portal);
        var shared = await stranger.NewPageAsync();
        var response = await shared.GotoAsync(sharedUrl);
        Assert.AreEqual(200, response!.Status);
        await Expect(shared.Locator("h1")).ToHaveTextAsync(CollectionName);
        await Expect(shared.Locator("main")).ToContainTextAsync(firstTitle);
        await Expect(shared.Locator("main")).ToContainTextAsync(secondTitle);
        await Expect(shared.Locator("main")).ToContainTextAsync("Maja Medlem");
        await Expect(shared.Locator("form.add-to-collection")).ToHaveCountAsync(0);
    }

    [GeneratedRegex(@"https?://\S+/mina-sidor/bekrafta\?\S+")]
    private static partial Regex ConfirmLink();
}
