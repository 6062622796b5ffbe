using System.Text.RegularExpressions;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Media;
using EHalsostodet.Tests.Media;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EHalsostodet.Tests.Browser;

/// <summary>
/// An editor uploads a hero image with its alt text from inside the collection editor, without
/// leaving it; once approved, the public page shows the image with that text. Later the editor
/// changes the alt text and clicks a focal point in the media library.
/// </summary>
[TestClass]
[TestCategory(Infrastructure.TestDatabase.SqliteOnly)]
public sealed partial class MediaJourneyTests : BrowserTestClass<MediaJourneyTests>
{
    private const string EditorEmail = "bildredaktor@example.se";
    private const string ReviewerEmail = "bildgranskare@example.se";
    private const string Title = "Larm som syns i Bildby";

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        await Portal.Factory.CreateUserAsync(EditorEmail, PortalRoles.Editor, "Bea Bildredaktör");
        await Portal.Factory.CreateUserAsync(ReviewerEmail, PortalRoles.Reviewer, "Gun Granskare");
    }

    private static async Task ActAsync(IPage page, Guid id, string action)
    {
        await page.GotoAsync($"/redaktion/innehall/{id}");
        await page.Locator($"form:has(input[name='action'][value='{action}']) button[type='submit']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/redaktion/innehall/{id}"));
    }

    [TestMethod]
    public async Task An_image_uploaded_from_the_editor_is_published_with_its_alt_text_which_the_library_can_change()
    {
        await using var editorContext = await Chromium.NewContextAsync(Portal);
        var editor = await editorContext.NewPageAsync();
        await BrowserSteps.SignInToBackOfficeAsync(editor, EditorEmail, Infrastructure.PortalFactory.Password);

        await editor.GotoAsync("/redaktion/innehall/ny/collection");
        await editor.Locator("#f-title").FillAsync(Title);
        await editor.Locator("#f-description").FillAsync("Berättelser om larm som hörs och syns.");
        await editor.Locator("#f-stories-0-storyId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await editor.Locator("#f-stories-1-storyId").SelectOptionAsync(new SelectOptionValue { Index = 2 });
        await editor.Locator("#f-heroImageFile").SetInputFilesAsync(new FilePayload
        {
            Name = "larmknapp.png",
            MimeType = "image/png",
            Buffer = TestImages.BlueWithRedSquare(ImageFormat.Png, 1200, 800, 900, 200, 160),
        });
        await editor.Locator("#f-heroImageAlt").FillAsync("En röd larmknapp på en blå vägg");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Ladda upp och välj bilden" }).ClickAsync();

        await Expect(editor.Locator("#hero-upload-status")).ToContainTextAsync("vald som bild överst");
        await Expect(editor.Locator("#f-title")).ToHaveValueAsync(Title);
        await Expect(editor.Locator("#f-description")).ToHaveValueAsync("Berättelser om larm som hörs och syns.");
        await Expect(editor.Locator("#f-heroImageId option:checked")).ToHaveTextAsync("En röd larmknapp på en blå vägg (larmknapp.png)");
        await Screenshots.SaveAsync(TestContext, editor, "redigerare-efter-uppladdning");
        await editor.Locator("button[name='editorAction'][value='save']").ClickAsync();
        await Expect(editor).ToHaveURLAsync(ItemEditor());
        var id = Guid.Parse(ItemEditor().Match(editor.Url).Groups[1].Value);

        await ActAsync(editor, id, "submit");
        await using var reviewerContext = await Chromium.NewContextAsync(Portal);
        var reviewer = await reviewerContext.NewPageAsync();
        await BrowserSteps.SignInToBackOfficeAsync(reviewer, ReviewerEmail, Infrastructure.PortalFactory.Password);
        await ActAsync(reviewer, id, "approve");

        await using var visitorContext = await Chromium.NewContextAsync(Portal, Chromium.Phone);
        var visitor = await visitorContext.NewPageAsync();
        await visitor.GotoAsync($"/samlingar/{Slugs.FromText(Title)}");
        var hero = visitor.Locator("img.hero-image");
        await Expect(hero).ToHaveAttributeAsync("alt", "En röd larmknapp på en blå vägg");
        await hero.ScrollIntoViewIfNeededAsync();
        await Expect(hero).ToHaveJSPropertyAsync("complete", true);
        Assert.IsGreaterThan(0, await hero.EvaluateAsync<int>("image => image.naturalWidth"), "the image loads");
        await Screenshots.SaveAsync(TestContext, visitor, "samling-med-uppladdad-bild");

        // Later, in the library: a new alt text, and a click on the red square makes it the focal point.
        await editor.GotoAsync("/redaktion/media");
        await editor.GetByRole(AriaRole.Link, new() { Name = "Ändra alternativtext och fokuspunkt för larmknapp.png" }).ClickAsync();
        await editor.Locator("#media-alt").FillAsync("En röd larmknapp högt upp på en blå vägg");
        var preview = editor.Locator("#focal-preview");
        var box = (await preview.BoundingBoxAsync())!;
        await preview.ClickAsync(new() { Position = new() { X = box.Width * 0.75f, Y = box.Height * 0.25f } });
        await Expect(editor.Locator("#media-focal-x")).ToHaveValueAsync("75");
        await Expect(editor.Locator("#media-focal-y")).ToHaveValueAsync("25");
        await Expect(editor.Locator(".focal-marker")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(TestContext, editor, "fokuspunkt");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Expect(editor.Locator("[role='status']")).ToContainTextAsync("Ändringarna är sparade.");
        await Expect(editor.Locator("#card-preview")).ToHaveAttributeAsync("src", new Regex("/kort-75-25-"));

        await visitor.ReloadAsync();
        await Expect(visitor.Locator("img.hero-image")).ToHaveAttributeAsync("alt", "En röd larmknapp högt upp på en blå vägg");
    }

    /// <summary>Where "Spara" leads: back to the item's editor.</summary>
    [GeneratedRegex(@"/redaktion/innehall/([0-9a-f-]{36})/redigera$")]
    private static partial Regex ItemEditor();
}
