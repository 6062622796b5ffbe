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
        Assert.IsTrue(suggestions.Any(s => s!["text"]!.GetValue<string>() == "Trygghetslarm" && s["url"]!.GetValue<string>() == "/sok?tag=trygghetslarm"));

        using var place = await SeededPortal.CreateClient().GetAsync(new Uri("/api/v1/search/suggest?q=storkop", UriKind.Relative));
        var places = (await place.Content.ReadFromJsonAsync<JsonArray>())!;
        Assert.IsTrue(places.Any(s => s!["text"]!.GetValue<string>() == "Storköping" && s["kind"]!.GetValue<string>() == "Kommun"));
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
