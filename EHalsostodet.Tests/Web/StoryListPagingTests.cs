using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.Web;

/// <summary>
/// The story list and a tag's page come in pages (at 10,000 stories the list was one page of
/// 15 MB), in their own order from the first page to the last, with links between them.
/// </summary>
[TestClass]
public sealed class StoryListPagingTests : PortalTestClass<StoryListPagingTests>
{
    private const int PerPage = 5;

    private protected override PortalFactory CreatePortal() =>
        new(settings: new Dictionary<string, string?> { ["PublicLists:StoriesPerPage"] = PerPage.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    private static List<string> CardSlugs(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("ul.card-grid a[href^='/berattelser/']").Select(a => a.GetAttribute("href")!["/berattelser/".Length..]).Distinct().ToList();

    [TestMethod]
    public async Task The_story_list_comes_in_pages_in_Swedish_alphabetical_order_with_links_between_them()
    {
        var expected = await Factory.WithScopeAsync(async s => (await s.GetRequiredService<PortalDbContext>().PublishedContent.AsNoTracking()
                .Where(p => p.Type == ContentType.Story).Select(p => new { p.Title, p.Slug, p.ItemId }).ToListAsync())
            .OrderBy(p => p.Title, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("sv-SE"), false)).ThenBy(p => p.ItemId)
            .Select(p => p.Slug).ToList());
        var pages = (expected.Count + PerPage - 1) / PerPage;
        Assert.IsGreaterThan(2, pages, "the seed fills more than two pages");
        using var client = Factory.CreateBrowserClient();

        var shown = new List<string>();
        for (var number = 1; number <= pages; number++)
        {
            var page = await client.GetPageAsync(number == 1 ? "/berattelser" : $"/berattelser?sida={number}");
            var cards = CardSlugs(page);
            Assert.AreEqual(number < pages ? PerPage : expected.Count - (pages - 1) * PerPage, cards.Count, $"page {number}");
            shown.AddRange(cards);

            var pager = page.QuerySelector("nav[aria-label='Sidor med kommunberättelser']")!;
            Assert.AreEqual(number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                pager.QuerySelector("a[aria-current='page']")!.TextContent.Replace("Sida ", "", StringComparison.Ordinal).Trim());
            Assert.AreEqual(number == 1 ? null : number == 2 ? "/berattelser" : $"/berattelser?sida={number - 1}", pager.QuerySelector("a[rel='prev']")?.GetAttribute("href"));
            Assert.AreEqual(number == pages ? null : $"/berattelser?sida={number + 1}", pager.QuerySelector("a[rel='next']")?.GetAttribute("href"));
            if (number > 1)
            {
                StringAssert.Contains(page.Title, $"sida {number}");
            }
        }
        CollectionAssert.AreEqual(expected, shown, "every story once, in order, across the pages");

        await client.GetPageAsync($"/berattelser?sida={pages + 1}", System.Net.HttpStatusCode.NotFound);
        await client.GetPageAsync("/berattelser?sida=0", System.Net.HttpStatusCode.NotFound);
    }

    [TestMethod]
    public async Task A_tags_page_counts_all_its_stories_and_shows_them_newest_first_a_page_at_a_time()
    {
        var (slug, expected) = await Factory.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            var tag = await db.PublishedFacets.AsNoTracking().Where(f => f.Facet == FacetNames.Tag)
                .GroupBy(f => f.Value).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
            var slugs = await db.PublishedStoriesWithTag(tag).NewestFirst().Select(p => p.Slug).ToListAsync();
            return (tag, slugs);
        });
        Assert.IsGreaterThan(PerPage, expected.Count, "the tag has more than a page of stories");
        using var client = Factory.CreateBrowserClient();

        var first = await client.GetPageAsync($"/taggar/{slug}");
        var second = await client.GetPageAsync($"/taggar/{slug}?sida=2");

        StringAssert.Contains(first.QuerySelector("p.lead")!.TextContent, expected.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        CollectionAssert.AreEqual(expected.Take(PerPage).ToList(), CardSlugs(first));
        CollectionAssert.AreEqual(expected.Skip(PerPage).Take(PerPage).ToList(), CardSlugs(second));
        Assert.AreEqual($"/taggar/{slug}?sida=2", first.QuerySelector("nav a[rel='next']")!.GetAttribute("href"));
        Assert.AreEqual($"/taggar/{slug}", second.QuerySelector("nav a[rel='prev']")!.GetAttribute("href"));
        await client.GetPageAsync($"/taggar/{slug}?sida={(expected.Count + PerPage - 1) / PerPage + 1}", System.Net.HttpStatusCode.NotFound);
    }
}
