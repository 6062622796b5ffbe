using System.Text.RegularExpressions;
using EHalsostodet.Tests.Members.Accounts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EHalsostodet.Tests.Browser;

/// <summary>A new member registers, confirms by mail, tells the portal about themselves and shares a collection.</summary>
// The browser runs once, on the embedded database: the database providers are the rest of the suite's concern.
[TestClass]
[TestCategory(Infrastructure.TestDatabase.SqliteOnly)]
public sealed partial class MemberJourneyTests : BrowserTestClass<MemberJourneyTests>
{
    private const string Email = "ny.medlem@kommun.example.se";
    private const string Password = "Medlemslosenord-2026";
    private const string CollectionName = "Inför nämndmötet om trygghet";

    [TestMethod]
    public async Task A_member_registers_confirms_sets_a_profile_gets_suggestions_and_shares_an_own_collection()
    {
        await using var context = await Chromium.NewContextAsync(Portal, Chromium.Phone);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/mina-sidor/registrera");
        await page.GetByLabel("E-postadress").FillAsync(Email);
        await page.GetByLabel("Namn (frivilligt)").FillAsync("Maja Medlem");
        await page.GetByLabel("Lösenord", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Upprepa lösenordet").FillAsync(Password);
        await page.Locator("#Consent").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa konto" }).ClickAsync();
        await Expect(page.Locator("main .alert-success")).ToContainTextAsync("Vi har skickat ett mejl");

        var mail = (await MemberSteps.MailsToAsync(Portal.Factory, Email, "Bekräfta din e-postadress")).Single();
        var link = ConfirmLink().Match(mail.Body);
        Assert.IsTrue(link.Success, mail.Body);
        StringAssert.StartsWith(link.Value, Portal.BaseUrl, "the link leads back to the address the member used");
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
        StringAssert.StartsWith(sharedUrl, Portal.BaseUrl + "/delad-samling/", sharedUrl);

        await using var stranger = await Chromium.NewContextAsync(Portal);
        var shared = await stranger.NewPageAsync();
        var response = await shared.GotoAsync(sharedUrl);
        Assert.AreEqual(200, response!.Status);
        await Expect(shared.Locator("h1")).ToHaveTextAsync(CollectionName);
        await Expect(shared.Locator("main")).ToContainTextAsync(firstTitle);
        await Expect(shared.Locator("main")).ToContainTextAsync(secondTitle);
        await Expect(shared.Locator("main")).ToContainTextAsync("Maja Medlem");
        await Expect(shared.Locator("form.add-to-collection")).ToHaveCountAsync(0);
    }

    [TestMethod]
    public async Task On_the_saved_page_the_add_to_collection_form_stays_inside_its_card_on_a_phone_and_a_desktop()
    {
        const string email = "sparar.kort@kommun.example.se";
        await Portal.Factory.CreateUserAsync(email, EHalsostodet.Core.Accounts.PortalRoles.Member);
        await using var context = await Chromium.NewContextAsync(Portal, Chromium.Phone);
        var page = await context.NewPageAsync();
        await BrowserSteps.SignInAsMemberAsync(page, email, Infrastructure.PortalFactory.Password);
        await page.GotoAsync("/berattelser");
        var stories = await page.Locator("main h3 a[href^='/berattelser/']").EvaluateAllAsync<string[]>("links => links.slice(0, 2).map(a => a.getAttribute('href'))");
        foreach (var story in stories)
        {
            await page.GotoAsync(story);
            await page.Locator(".member-actions form.toggle-form button").First.ClickAsync();
            await Expect(page.Locator(".member-actions form.toggle-form button").First).ToHaveAttributeAsync("aria-pressed", "true");
        }

        foreach (var width in new[] { 390, 1280 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.GotoAsync("/mina-sidor/sparat");
            var cards = page.Locator("li.saved-story");
            await Expect(cards).ToHaveCountAsync(2);
            for (var i = 0; i < 2; i++)
            {
                var card = (await cards.Nth(i).BoundingBoxAsync())!;
                Assert.IsLessThanOrEqualTo(width + 0.5, card.X + card.Width, $"{width} px: the card fits the window");
                foreach (var part in await cards.Nth(i).Locator("form.add-to-collection, form.add-to-collection label, form.add-to-collection input:not([type=hidden]), form.add-to-collection select, form.add-to-collection button").AllAsync())
                {
                    var box = (await part.BoundingBoxAsync())!;
                    var inside = box.X >= card.X - 0.5 && box.Y >= card.Y - 0.5 && box.X + box.Width <= card.X + card.Width + 0.5 && box.Y + box.Height <= card.Y + card.Height + 0.5;
                    Assert.IsTrue(inside, $"{width} px, card {i + 1}: {await part.EvaluateAsync<string>("e => e.outerHTML.slice(0, 80)")} at ({box.X}, {box.Y}, {box.Width} × {box.Height}) outside the card ({card.X}, {card.Y}, {card.Width} × {card.Height})");
                }
            }
            Assert.AreEqual(width, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"), $"{width} px: nothing scrolls sideways");
        }

        await page.GotoAsync("/mina-sidor/samlingar");
        var font = await page.Locator("#collection-description").EvaluateAsync<string>("e => getComputedStyle(e).fontFamily");
        Assert.AreEqual(await page.Locator("body").EvaluateAsync<string>("e => getComputedStyle(e).fontFamily"), font, "the text area uses the site's font, not monospace");
    }

    [GeneratedRegex(@"https?://\S+/mina-sidor/bekrafta\?\S+")]
    private static partial Regex ConfirmLink();
}
