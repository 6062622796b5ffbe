using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Search;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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

        await visitor.GetPageAsync("/sok?q=qxzvbnm");
        var insights = await editor.GetPageAsync("/redaktion/insikter");
        var counts = insights.QuerySelectorAll(".insights-list .count").Select(c => c.TextContent.Trim()).ToList();
        CollectionAssert.Contains(counts, "2 gånger");
        CollectionAssert.Contains(counts, "1 gång");

        using var anonymous = await factory.CreateBrowserClient().GetAsync(new Uri("/redaktion/sokningar-utan-traffar", UriKind.Relative));
        Assert.AreEqual(System.Net.HttpStatusCode.Redirect, anonymous.StatusCode);
    }

    [TestMethod]
    [DataRow("19800101-1234", "[personnummer]")]
    [DataRow("800101-1234", "[personnummer]")]
    [DataRow("800101+1234", "[personnummer]")]
    [DataRow("198001011234", "[personnummer]")]
    [DataRow("8001011234", "[personnummer]")]
    [DataRow("800101 - 1234", "[personnummer]")]
    [DataRow("20121231-9876 larm", "[personnummer] larm")]
    [DataRow("19800161-1234", "[samordningsnummer]")]
    [DataRow("800191-1234", "[samordningsnummer]")]
    [DataRow("anna.svensson@example.se", "[e-postadress]")]
    [DataRow("kontakt: Anna.Svensson+larm@kommun.example.se!", "kontakt: [e-postadress]")]
    [DataRow("070-123 45 67", "[telefonnummer]")]
    // Without spaces a mobile number is also a valid personnummer (born 2007): masked either way.
    [DataRow("0701234567", "[personnummer]")]
    [DataRow("+46 70 123 45 67", "[telefonnummer]")]
    [DataRow("0046-70-1234567", "[telefonnummer]")]
    [DataRow("(08) 123 456 78", "[telefonnummer]")]
    [DataRow("08/123 45", "[telefonnummer]")]
    [DataRow("ring 031-12 34 56 om larm", "ring [telefonnummer] om larm")]
    [DataRow("covid 19", "covid 19")]
    [DataRow("5g och 2030", "5g och 2030")]
    [DataRow("2020-2021", "2020-2021")]
    [DataRow("0,5 timmar", "0,5 timmar")]
    [DataRow("0 5 år", "0 5 år")]
    [DataRow("organisationsnummer 212000-0142", "organisationsnummer 212000-0142")]
    [DataRow("C++ och e-post", "C++ och e-post")]
    public void Personal_data_in_search_text_is_masked_and_nothing_else(string typed, string masked)
    {
        Assert.AreEqual(masked, PersonalDataMask.Mask(typed).Text);
    }

    [TestMethod]
    public void The_stored_query_keeps_no_digit_of_a_personnummer_and_the_words_around_it()
    {
        Assert.AreEqual("[personnummer]", SearchMissCounter.Key("19800101-1234"));
        Assert.AreEqual(SearchMissCounter.Key("19800101-1234"), SearchMissCounter.Key("19900202-5678"), "every number counts as one query");
        Assert.AreEqual("[e-postadress] [telefonnummer] " + SearchMissCounter.Normalise(["zebrafinkar"]), SearchMissCounter.Key("zebrafinkar anna@example.se 070-123 45 67"));
    }

    [TestMethod]
    public async Task Searches_with_personal_data_are_stored_and_listed_masked()
    {
        using var factory = new PortalFactory();
        var visitor = factory.CreateClient();
        foreach (var typed in new[] { "19800101-1234", "800101-1234", "zebrafinkar 198001011234", "19800161-1234", "qxu.zorblat@qwmail.zz", "+47 555 89 654" })
        {
            await visitor.GetPageAsync("/sok?q=" + Uri.EscapeDataString(typed));
        }
        using (var api = await visitor.GetAsync(new Uri("/api/v1/search?q=" + Uri.EscapeDataString("0771-555 896"), UriKind.Relative)))
        {
            Assert.AreEqual(System.Net.HttpStatusCode.OK, api.StatusCode);
        }

        var stored = await factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().Set<SearchMiss>().AsNoTracking().ToDictionaryAsync(m => m.Query, m => m.Count));
        var zebra = "[personnummer] " + SearchMissCounter.Normalise(["zebrafinkar"]);
        CollectionAssert.AreEquivalent(
            new Dictionary<string, int> { ["[personnummer]"] = 2, [zebra] = 1, ["[samordningsnummer]"] = 1, ["[e-postadress]"] = 1, ["[telefonnummer]"] = 2 }.ToList(),
            stored.ToList(), string.Join(", ", stored.Keys));
        Assert.IsFalse(stored.Keys.Any(q => q.Any(char.IsAsciiDigit) || q.Contains("zorblat", StringComparison.Ordinal) || q.Contains('@')), "the database holds no part of them");

        await factory.CreateUserAsync("maskerad.redaktor@example.se", PortalRoles.Editor);
        var editor = await factory.SignInAsync("maskerad.redaktor@example.se");
        var page = await editor.GetPageAsync("/redaktion/sokningar-utan-traffar");
        var rows = page.QuerySelectorAll("table.data-table tbody tr");
        CollectionAssert.AreEquivalent(stored.Keys.ToList(), rows.Select(r => r.QuerySelector("th")!.TextContent.Trim()).ToList());
        var html = page.DocumentElement.OuterHtml;
        foreach (var part in new[] { "1980", "800101", "1234", "zorblat", "qwmail", "555", "0771" })
        {
            Assert.IsFalse(html.Contains(part, StringComparison.Ordinal), part);
        }
        Assert.IsTrue(rows.All(r => r.QuerySelector("form") is null), "a masked search cannot be answered with a synonym or a best bet");
        StringAssert.Contains(rows[0].TextContent, "Sökningen innehöll personuppgifter");
    }
}
