using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EHalsostodet.Tests.Infrastructure;

namespace EHalsostodet.Tests.Search;

[TestClass]
public sealed class SearchApiTests
{
    private static async Task<JsonObject> GetJsonAsync(string url)
    {
        using var response = await SeededPortal.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, url);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    [TestMethod]
    public async Task Search_answers_with_total_hits_and_snippets()
    {
        var json = await GetJsonAsync("/api/v1/search?q=trygghetslarm");

        Assert.IsTrue(json["total"]!.GetValue<int>() > 0);
        var hit = json["hits"]!.AsArray()[0]!.AsObject();
        foreach (var key in new[] { "id", "type", "title", "url", "snippet" })
        {
            Assert.IsTrue(hit.ContainsKey(key), key);
        }
        StringAssert.StartsWith(hit["url"]!.GetValue<string>(), "/");
    }

    /// <summary>Operators, quotes, NUL, invalid UTF-8 and very long input: every search address answers, never with a 5xx.</summary>
    [TestMethod]
    public async Task Hostile_queries_never_give_a_server_error()
    {
        var queries = new[]
        {
            "larm%00kamera", "%FF%FE%FD", "%C3%28", "%ED%A0%80", "%22%22%22", "title%3Alarm%20AND%20OR%20NOT", "larm~2%20kam%3Fra%20%5Ba%20TO%20z%5D",
            "%2A%2A%2A", "((((larm", "-", "%5C", Uri.EscapeDataString(string.Concat(Enumerable.Repeat("larm kamera ", 900))),
        };
        var client = SeededPortal.CreateClient();
        foreach (var query in queries)
        {
            foreach (var address in new[] { "/sok?q=", "/api/v1/search?q=", "/api/v1/search/suggest?q=", "/api/v1/search?sort=newest&type=story&q=" })
            {
                using var response = await client.GetAsync(new Uri(address + query, UriKind.Relative));
                Assert.IsLessThan(500, (int)response.StatusCode, $"{address}{query[..Math.Min(40, query.Length)]}");
            }
        }
    }

    [TestMethod]
    public async Task A_type_filter_narrows_and_an_unknown_type_is_refused_in_swedish()
    {
        var json = await GetJsonAsync("/api/v1/search?q=upphandling&type=initiative");
        Assert.IsTrue(json["hits"]!.AsArray().All(h => h!["type"]!.GetValue<string>() == "initiative"));

        using var bad = await SeededPortal.CreateClient().GetAsync(new Uri("/api/v1/search?q=larm&type=robot", UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.BadRequest, bad.StatusCode);
        StringAssert.Contains(await bad.Content.ReadAsStringAsync(), "Okänd typ");
    }

    [TestMethod]
    public async Task A_misspelt_word_finds_what_the_right_spelling_finds_and_says_so()
    {
        var json = await GetJsonAsync("/api/v1/search?q=trygghetslram");
        var right = await GetJsonAsync("/api/v1/search?q=trygghetslarm");

        Assert.IsTrue(right["total"]!.GetValue<int>() > 0);
        Assert.AreEqual(right["total"]!.GetValue<int>(), json["total"]!.GetValue<int>());
        Assert.AreEqual("trygghetslarm", json["didYouMean"]!.GetValue<string>());
        StringAssert.Contains(json["message"]!.GetValue<string>(), "Visar träffar för ”trygghetslarm”");

        var page = await SeededPortal.CreateClient().GetPageAsync("/sok?q=trygghetslram");
        Assert.AreEqual("trygghetslarm", page.QuerySelector(".did-you-mean a")!.TextContent);
    }

    [TestMethod]
    public async Task Suggestions_offer_tags_municipalities_and_titles_for_a_prefix()
    {
        using var response = await SeededPortal.CreateClient().GetAsync(new Uri("/api/v1/search/suggest?q=tryg", UriKind.Relative));
        var suggestions = (await response.Content.ReadFromJsonAsync<JsonArray>())!;

        Assert.IsTrue(suggestions.Count is > 0 and <= 8);
        Assert.IsTrue(suggestions.Any(s => s!["text"]!.GetValue<string>() == "Trygghetslarm" && s["url"]!.GetValue<string>() == "/taggar/trygghetslarm"));

        using var place = await SeededPortal.CreateClient().GetAsync(new Uri("/api/v1/search/suggest?q=storkop", UriKind.Relative));
        var places = (await place.Content.ReadFromJsonAsync<JsonArray>())!;
        Assert.IsTrue(places.Any(s => s!["text"]!.GetValue<string>() == "Storköping" && s["kind"]!.GetValue<string>() == "Kommun"));

        using var title = await SeededPortal.CreateClient().GetAsync(new Uri("/api/v1/search/suggest?q=digital%20natt", UriKind.Relative));
        var titles = (await title.Content.ReadFromJsonAsync<JsonArray>())!;
        Assert.IsTrue(titles.Any(s => s!["text"]!.GetValue<string>() == "Digital nattillsyn med kamera i hemtjänsten i Storköping" && s["url"]!.GetValue<string>() == "/berattelser/digital-nattillsyn-i-storkoping"),
            string.Join(", ", titles.Select(s => s!["text"])));
        Assert.IsFalse(titles.Any(s => s!["kind"]!.GetValue<string>() == "Sida"), "pages are not suggested");
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("\"(((")]
    [DataRow("NEAR(x")]
    public async Task Any_input_answers_200(string q)
    {
        var json = await GetJsonAsync($"/api/v1/search?q={Uri.EscapeDataString(q)}");

        Assert.IsNotNull(json["total"]);
    }
}
