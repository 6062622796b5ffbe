using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.BackOffice;

/// <summary>Editors search every item's latest version, drafts included, with state and type as facets.</summary>
[TestClass]
public sealed class EditorialSearchTests
{
    private const string EditorEmail = "redaktor@example.se";

    private static Task<Guid> DraftStoryAsync(PortalFactory factory, string authorId, string title, string summary) =>
        factory.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            var seed = await db.PublishedContent.FirstAsync(p => p.Type == ContentType.Story);
            var story = ContentDocumentSerializer.Deserialize<StoryDocument>(seed.DocumentJson);
            story = story with { Title = title, Slug = Slugs.FromText(title), Summary = story.Summary with { Text = summary } };
            var saved = (SaveResult.Saved)await s.GetRequiredService<ContentStore>().CreateAsync(ContentType.Story, story, new ContentAuthor(authorId, "Rita Redaktör"), "Utkast");
            return saved.Item.Id;
        });

    private static Task SaveSummaryAsync(PortalFactory factory, Guid id, string authorId, string summary) =>
        factory.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            var item = await db.ContentItems.AsNoTracking().SingleAsync(i => i.Id == id);
            var version = await db.ContentVersions.AsNoTracking().SingleAsync(v => v.Id == item.LatestVersionId);
            var story = ContentDocumentSerializer.Deserialize<StoryDocument>(version.DocumentJson);
            story = story with { Summary = story.Summary with { Text = summary } };
            var result = await s.GetRequiredService<ContentStore>().SaveAsync(id, story, version.Id, new ContentAuthor(authorId, "Rita Redaktör"), "Ny sammanfattning");
            Assert.IsInstanceOfType<SaveResult.Saved>(result);
            return true;
        });

    [TestMethod]
    public async Task A_draft_is_found_by_words_in_its_text_with_the_state_as_a_facet_but_not_on_the_public_site()
    {
        using var factory = new PortalFactory();
        var editorId = await factory.CreateUserAsync(EditorEmail, PortalRoles.Editor, "Rita Redaktör");
        var id = await DraftStoryAsync(factory, editorId, "Nattfjärilar i Testby", "Hemtjänsten provade zebrafinkarna som sällskap under natten.");
        var editor = await factory.SignInAsync(EditorEmail);

        // A stemmed form of a word in the summary, not in the title.
        var page = await editor.GetPageAsync("/redaktion/innehall?q=zebrafink");
        CollectionAssert.AreEqual(new[] { "Nattfjärilar i Testby" }, page.Texts("table.data-table tbody th a").ToList());
        var draftFacet = page.QuerySelector("nav[aria-label='Filtrera på status'] a[href*='status=draft']")!;
        StringAssert.Contains(draftFacet.TextContent, "(1)");
        StringAssert.Contains(draftFacet.GetAttribute("href")!, "q=zebrafink");
        var publishedFacet = page.QuerySelector("nav[aria-label='Filtrera på status'] a[href*='status=published']")!;
        StringAssert.Contains(publishedFacet.TextContent, "(0)");

        var onlyPublished = await editor.GetPageAsync("/redaktion/innehall?q=zebrafink&status=published");
        Assert.AreEqual(0, onlyPublished.QuerySelectorAll("table.data-table tbody th a").Length);

        var publicSearch = await factory.CreateClient().GetPageAsync("/sok?q=zebrafink");
        Assert.IsNull(publicSearch.QuerySelector($"a[href*='{Slugs.FromText("Nattfjärilar i Testby")}']"));

        // The start of a title is enough, as editors type it.
        var byStart = await editor.GetPageAsync("/redaktion/innehall?q=nattfj%C3%A4r");
        CollectionAssert.Contains(byStart.Texts("table.data-table tbody th a").ToList(), "Nattfjärilar i Testby");

        // A new version replaces the old text in the index.
        await SaveSummaryAsync(factory, id, editorId, "Nu handlar det om kanariefåglar i stället.");
        Assert.AreEqual(0, (await editor.GetPageAsync("/redaktion/innehall?q=zebrafink")).QuerySelectorAll("table.data-table tbody th a").Length);
        CollectionAssert.Contains((await editor.GetPageAsync("/redaktion/innehall?q=kanariefåglar")).Texts("table.data-table tbody th a").ToList(), "Nattfjärilar i Testby");
    }

    [TestMethod]
    public async Task Hostile_search_text_gives_a_message_and_a_normal_page()
    {
        using var factory = new PortalFactory();
        await factory.CreateUserAsync(EditorEmail, PortalRoles.Editor, "Rita Redaktör");
        var editor = await factory.SignInAsync(EditorEmail);
        foreach (var text in new[] { "\"", "NEAR(", "title:x", "((((", "-", new string('a', 10_000), "😀" })
        {
            var response = await editor.GetAsync("/redaktion/innehall?q=" + Uri.EscapeDataString(text));
            Assert.AreEqual(System.Net.HttpStatusCode.OK, response.StatusCode, text);
        }
    }
}
