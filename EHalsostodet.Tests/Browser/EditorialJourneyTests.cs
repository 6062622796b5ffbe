using System.Globalization;
using System.Text.RegularExpressions;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EHalsostodet.Tests.Browser;

/// <summary>
/// An editor writes a whole story in /redaktion and a second person reviews it (four eyes):
/// rejected with a comment, fixed, approved, live and searchable, then scheduled to come down.
/// </summary>
// The browser runs once, on the embedded database: the database providers are the rest of the suite's concern.
[TestClass]
[TestCategory(Infrastructure.TestDatabase.SqliteOnly)]
public sealed partial class EditorialJourneyTests : BrowserTestClass<EditorialJourneyTests>
{
    private const string EditorEmail = "redaktor@example.se";
    private const string ReviewerEmail = "granskare@example.se";
    private const string Title = "Sensorlarm på natten i Ekbacka";
    private const string UniqueWord = "Ekbackamodellen";

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        await Portal.Factory.CreateUserAsync(EditorEmail, PortalRoles.Editor, "Rita Redaktör");
        await Portal.Factory.CreateUserAsync(ReviewerEmail, PortalRoles.Reviewer, "Greta Granskare");
    }

    private static Task<ContentItem> ItemAsync(Guid id) =>
        Portal.Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().ContentItems.AsNoTracking().SingleAsync(i => i.Id == id));

    private static async Task FillIfPresentAsync(IPage page, string id, string value)
    {
        var field = page.Locator("#" + id);
        if (await field.CountAsync() == 1)
        {
            await field.FillAsync(value);
        }
    }

    private static async Task ActAsync(IPage page, Guid id, WorkflowAction action, string comment = "", string unpublishAt = "")
    {
        await page.GotoAsync($"/redaktion/innehall/{id}");
        var form = page.Locator($"form:has(input[name='action'][value='{action.Key()}'])");
        if (comment.Length > 0)
        {
            await form.Locator("textarea[name='comment']").FillAsync(comment);
        }
        if (unpublishAt.Length > 0)
        {
            await form.Locator("input[name='unpublishAt']").FillAsync(unpublishAt);
        }
        await form.Locator("button[type='submit']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/redaktion/innehall/{id}"));
    }

    private static async Task WriteWholeStoryAsync(IPage page)
    {
        await page.Locator("#f-title").FillAsync(Title);
        await page.Locator("#f-shortDescription").FillAsync("Rörelsesensorer ersatte de flesta nattliga tillsynsbesöken i hemtjänsten.");
        await page.Locator("#f-municipalityCode").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.Locator("input[name='operationalAreas']").First.CheckAsync();
        await page.Locator("input[name='outcome']").First.CheckAsync();
        await page.Locator("#f-period-startYear").FillAsync("2022");
        await page.Locator("#f-period-endYear").FillAsync("2024");
        await page.Locator("#f-tags").FillAsync("Digital nattillsyn, Trygghetslarm");
        await page.Locator("#f-summary-text").FillAsync($"Kommunen prövade {UniqueWord}: sensorer i stället för nattliga besök hos dem som ville.");
        await page.Locator("#f-roles-text").FillAsync("Enhetschefen ledde arbetet tillsammans med en IT-strateg.");
        await FillIfPresentAsync(page, "f-roles-actors-0-name", "Enhetschef hemtjänst");
        await FillIfPresentAsync(page, "f-roles-forums-0-name", "Styrgrupp för välfärdsteknik");
        await page.Locator("#f-benefits-text").FillAsync("Färre störda nätter och färre körda mil.");
        await page.Locator("#f-benefits-effects-0-text").FillAsync("Brukarna sov ostört.");
        await FillIfPresentAsync(page, "f-benefits-effects-0-indicators-0-name", "Nattliga besök per vecka");
        await FillIfPresentAsync(page, "f-benefits-effects-0-indicators-0-value", "12");
        await FillIfPresentAsync(page, "f-benefits-effects-0-indicators-0-unit", "besök");
        await page.Locator("#f-technology-text").FillAsync("Trådlösa rörelsesensorer kopplade till larmcentralen.");
        await FillIfPresentAsync(page, "f-technology-products-0-name", "Rörelsesensor");
        await page.Locator("#f-technology-prerequisites").FillAsync("Wifi i bostaden.");
        await page.Locator("#f-process-text").FillAsync("Fem steg från behov till förvaltning.");
        for (var step = 0; step < 5; step++)
        {
            foreach (var question in new[] { "what", "who", "challenges", "successFactors", "lessons", "methodsAndTools" })
            {
                await page.Locator($"#f-process-steps-{step}-{question}").FillAsync($"Steg {step + 1}, {question}: beskrivet av kommunen.");
            }
        }
        await page.Locator("#f-lessons-text").FillAsync("Börja i liten skala.");
        await page.Locator("#f-lessons-tips").FillAsync("Fråga brukarna först\nMät före och efter");
        await FillIfPresentAsync(page, "f-contacts-0-name", "Eva Ek");
        await FillIfPresentAsync(page, "f-contacts-0-email", "eva.ek@ekbacka.example.se");
        await page.Locator("#f-changeNote").FillAsync("Första utkastet");
    }

    [TestMethod]
    public async Task A_story_written_in_the_back_office_is_rejected_fixed_approved_live_searchable_and_scheduled_to_come_down()
    {
        await using var editorContext = await Chromium.NewContextAsync(Portal);
        var editor = await editorContext.NewPageAsync();
        await BrowserSteps.SignInToBackOfficeAsync(editor, EditorEmail, Infrastructure.PortalFactory.Password);
        await using var reviewerContext = await Chromium.NewContextAsync(Portal);
        var reviewer = await reviewerContext.NewPageAsync();
        await BrowserSteps.SignInToBackOfficeAsync(reviewer, ReviewerEmail, Infrastructure.PortalFactory.Password);

        await editor.GotoAsync("/redaktion");
        await editor.GetByRole(AriaRole.Link, new() { Name = "Ny kommunberättelse" }).ClickAsync();
        await WriteWholeStoryAsync(editor);
        await editor.Locator("button[name='editorAction'][value='save']").ClickAsync();
        await Expect(editor).ToHaveURLAsync(ItemEditor(), new() { Timeout = 30_000 });
        var id = Guid.Parse(ItemEditor().Match(editor.Url).Groups[1].Value);
        Assert.AreEqual(WorkflowState.Draft, (await ItemAsync(id)).State);

        await ActAsync(editor, id, WorkflowAction.Submit, "Klar för granskning");
        Assert.AreEqual(WorkflowState.InReview, (await ItemAsync(id)).State);
        await Expect(editor.Locator("form:has(input[name='action'][value='approve'])")).ToHaveCountAsync(0);

        await reviewer.GotoAsync("/redaktion");
        await Expect(reviewer.Locator($"a[href='/redaktion/innehall/{id}']").First).ToBeVisibleAsync();
        await ActAsync(reviewer, id, WorkflowAction.Reject, "Lägg till ett mätvärde för personalen.");
        Assert.AreEqual(WorkflowState.Draft, (await ItemAsync(id)).State);

        await editor.GotoAsync($"/redaktion/innehall/{id}");
        await Expect(editor.Locator("main")).ToContainTextAsync("Lägg till ett mätvärde för personalen.");
        await editor.GotoAsync($"/redaktion/innehall/{id}/redigera");
        await editor.Locator("#f-benefits-effects-1-text").FillAsync("Personalen slapp köra ut på natten.");
        await FillIfPresentAsync(editor, "f-benefits-effects-1-indicators-0-name", "Körda mil per natt");
        await FillIfPresentAsync(editor, "f-benefits-effects-1-indicators-0-value", "40");
        await editor.Locator("#f-changeNote").FillAsync("Mätvärde för personalen");
        await editor.Locator("button[name='editorAction'][value='save']").ClickAsync();
        await Expect(editor).ToHaveURLAsync(ItemEditor());
        await ActAsync(editor, id, WorkflowAction.Submit, "Mätvärdet är tillagt");

        await ActAsync(reviewer, id, WorkflowAction.Approve, "Bra");
        Assert.AreEqual(WorkflowState.Published, (await ItemAsync(id)).State);

        await using var visitorContext = await Chromium.NewContextAsync(Portal, Chromium.Phone);
        var visitor = await visitorContext.NewPageAsync();
        var slug = Slugs.FromText(Title);
        var story = await visitor.GotoAsync($"/berattelser/{slug}");
        Assert.AreEqual(200, story!.Status);
        await Expect(visitor.Locator("h1")).ToHaveTextAsync(Title);
        await Expect(visitor.Locator("nav.toc a[href^='#steg-']")).ToHaveCountAsync(5);
        await Expect(visitor.Locator("#kontakt")).ToContainTextAsync("Eva Ek");
        await Expect(visitor.Locator("#nyttoeffekter")).ToContainTextAsync("Personalen slapp köra ut på natten.");

        await visitor.GotoAsync($"/sok?q={UniqueWord}");
        await Expect(visitor.Locator($"ol.search-hits a[href='/berattelser/{slug}']")).ToHaveTextAsync(Title);

        var until = DateTime.Now.AddDays(30).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        await ActAsync(reviewer, id, WorkflowAction.Unpublish, "Kampanjen är slut", until);
        await Expect(reviewer.Locator("main")).ToContainTextAsync("avpubliceras");
        var scheduled = await ItemAsync(id);
        Assert.IsNotNull(scheduled.UnpublishAt);
        Assert.IsTrue(scheduled.UnpublishAt > DateTime.UtcNow.AddDays(29), scheduled.UnpublishAt?.ToString("O", CultureInfo.InvariantCulture));
        Assert.IsNotNull(scheduled.PublishedVersionId, "still live until then");
        Assert.AreEqual(200, (await visitor.GotoAsync($"/berattelser/{slug}"))!.Status);
    }

    /// <summary>Where "Spara" leads: back to the item's editor.</summary>
    [GeneratedRegex(@"/redaktion/innehall/([0-9a-f-]{36})/redigera$")]
    private static partial Regex ItemEditor();
}
