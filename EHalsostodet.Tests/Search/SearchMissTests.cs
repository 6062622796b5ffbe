using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Search;
using EHalsostodet.Tests.Infrastructure;

namespace EHalsostodet.Tests.Search;

[TestClass]
public sealed class SearchMissTests
{
    [TestMethod]
    public void Inflections_case_and_swedish_letters_normalise_to_one_query()
    {
        Assert.AreEqual(SearchMissCounter.Normalise(["Zebrafinkarna", "Örnar"]), SearchMissCounter.Normalise(["ornar", "zebrafinkar"]));
    }

    [TestMethod]
    public async Task Searches_without_hits_are_counted_per_query_and_shown_to_editors_only()
    {
        using var factory = new PortalFactory();
        var visitor = factory.CreateClient();
        await visitor.GetPageAsync("/sok?q=zebrafinkar");
        await visitor.GetPageAsync("/sok?q=Zebrafinkarna!");
        await visitor.GetPageAsync("/sok?q=trygghetslarm");

        await factory.CreateUserAsync("redaktor@example.se", PortalRoles.Editor);
        var editor = await factory.SignInAsync("redaktor@example.se");
        var page = await editor.GetPageAsync("/redaktion/sokningar-utan-traffar");

        var rows = page.QuerySelectorAll("table.data-table tbody tr").Select(r => r.TextContent).ToList();
        Assert.AreEqual(1, rows.Count, "a search with hits is not counted");
        StringAssert.Contains(rows[0], "zebrafink");
        StringAssert.Contains(page.QuerySelector("table.data-table tbody td")!.TextContent, "2");

        using var anonymous = await factory.CreateBrowserClient().GetAsync(new Uri("/redaktion/sokningar-utan-traffar", UriKind.Relative));
        Assert.AreEqual(System.Net.HttpStatusCode.Redirect, anonymous.StatusCode);
    }
}
