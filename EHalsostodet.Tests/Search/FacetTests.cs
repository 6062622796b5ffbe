using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EHalsostodet.Core.Search;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.Search;

[TestClass]
public sealed class SearchFacetPageTests
{
    [TestMethod]
    public async Task Checking_a_facet_on_the_search_page_narrows_the_hits_without_javascript()
    {
        var all = await SeededPortal.CreateClient().GetPageAsync("/sok?q=digital");
        var typeBox = all.QuerySelector("fieldset.facet input[name='type'][value='story']");
        Assert.IsNotNull(typeBox, "the type facet offers stories");
        var label = all.QuerySelector($"label[for='{typeBox.Id}']")!.TextContent;
        StringAssert.Contains(label, "Kommunberättelse");
        var steps = all.QuerySelectorAll("input[name='processStep']").Select(i => i.GetAttribute("value")).ToList();
        CollectionAssert.AreEqual(new[] { "identify", "investigate", "test", "implement", "manage" }, steps, "process steps in process order");

        var stories = await SeededPortal.CreateClient().GetPageAsync("/sok?q=digital&type=story&operationalArea=elderlyCare");
        var hits = stories.QuerySelectorAll(".search-hits .hit-type").Select(m => m.TextContent.Trim()).ToList();
        Assert.IsTrue(hits.Count > 0);
        Assert.IsTrue(hits.All(h => h == "Kommunberättelse"));
        Assert.IsTrue(stories.QuerySelector("fieldset.facet input[name='operationalArea'][value='elderlyCare']")!.HasAttribute("checked"));
        Assert.IsNotNull(stories.QuerySelector("input[name='operationalArea'][value='disabilitySupport']"), "other areas stay offered (OR within a facet)");
        Assert.IsNull(stories.QuerySelector("input[name='processStep']"), "every story has every step: among stories alone the steps narrow nothing");
    }

    [TestMethod]
    public async Task The_api_answers_with_facet_counts()
    {
        using var response = await SeededPortal.CreateClient().GetAsync(new Uri("/api/v1/search?q=digital&tag=informationssakerhet", UriKind.Relative));
        var json = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        var tags = json["facets"]!["tag"]!.AsArray();
        Assert.IsTrue(tags.Any(t => t!["value"]!.GetValue<string>() == "informationssakerhet"));
        var types = json["facets"]!["type"]!.AsArray().Sum(t => t!["count"]!.GetValue<int>());
        Assert.AreEqual(json["total"]!.GetValue<int>(), types, "every hit has exactly one type");
    }
}

[TestClass]
public sealed class SearchSortTests
{
    [TestMethod]
    public async Task Newest_first_orders_hits_by_first_publication()
    {
        // Its own portal: the shared one's dates and index stay as other classes, running meanwhile, read them.
        using var factory = new PortalFactory();
        await factory.WithDbAsync(async db =>
        {
            var rows = await db.PublishedContent.ToListAsync();
            var date = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            foreach (var row in rows.OrderBy(r => r.Title, StringComparer.Ordinal))
            {
                row.FirstPublishedAt = date = date.AddDays(1);
            }
            await db.SaveChangesAsync();
        });
        // The dates were changed behind the index's back, as an operator would before `search rebuild`.
        await factory.WithScopeAsync(s => s.GetRequiredService<EHalsostodet.Core.Search.Lucene.SearchIndexSync>().RebuildAsync(null, CancellationToken.None));

        var newest = await factory.WithScopeAsync(s => s.GetRequiredService<ISearchIndex>().SearchAsync(new SearchRequest("digital", Newest: true), CancellationToken.None));

        var titles = newest.Hits.Select(h => h.Title).ToList();
        CollectionAssert.AreEqual(titles.OrderByDescending(t => t, StringComparer.Ordinal).ToList(), titles);
        var page = await factory.CreateClient().GetPageAsync("/sok?q=digital&sortering=nyast");
        Assert.IsTrue(page.QuerySelector("#sortering option[value='nyast']")!.HasAttribute("selected"));
    }
}
