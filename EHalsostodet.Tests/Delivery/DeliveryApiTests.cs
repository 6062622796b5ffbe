using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EHalsostodet.Tests.Infrastructure;

namespace EHalsostodet.Tests.Delivery;

/// <summary>The read-only delivery API on the seeded portal: items, lists, paging, search, ETags and the OpenAPI description.</summary>
[TestClass]
public sealed class DeliveryApiTests
{
    private const string Api = "/api/delivery/v1";

    internal static async Task<JsonObject> GetJsonAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, $"GET {url}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    private static Task<JsonObject> GetJsonAsync(string url) => GetJsonAsync(SeededPortal.CreateClient(), url);

    private static IReadOnlyList<string> Slugs(JsonObject list) =>
        list["items"]!.AsArray().Select(i => i!["slug"]!.GetValue<string>()).ToList();

    [TestMethod]
    public async Task A_story_by_slug_has_its_published_document_and_absolute_address()
    {
        var story = await GetJsonAsync($"{Api}/stories/lakemedelsautomater-i-norrvik");

        Assert.AreEqual("story", story["type"]!.GetValue<string>());
        Assert.AreEqual("5e0a0000-0000-4000-8000-000000000002", story["id"]!.GetValue<string>());
        Assert.AreEqual("http://localhost:5000/berattelser/lakemedelsautomater-i-norrvik", story["url"]!.GetValue<string>());
        Assert.AreEqual(story["title"]!.GetValue<string>(), story["document"]!["title"]!.GetValue<string>());
        Assert.IsTrue(story["facets"]!["tag"]!.AsArray().Count > 0, "the story's tags are among its facets");
        Assert.IsFalse(string.IsNullOrEmpty(story["versionId"]!.GetValue<string>()));
    }

    [TestMethod]
    public async Task The_same_item_comes_by_id_and_unknown_items_are_404()
    {
        var byId = await GetJsonAsync($"{Api}/content/5e0a0000-0000-4000-8000-000000000002");
        Assert.AreEqual("lakemedelsautomater-i-norrvik", byId["slug"]!.GetValue<string>());

        using var client = SeededPortal.CreateClient();
        foreach (var url in new[] { $"{Api}/content/{Guid.NewGuid()}", $"{Api}/stories/finns-inte", $"{Api}/collections/lakemedelsautomater-i-norrvik", $"{Api}/tags/finns-inte" })
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode, url);
        }
    }

    [TestMethod]
    public async Task Collections_and_pages_come_by_slug()
    {
        var collection = await GetJsonAsync($"{Api}/collections/att-upphandla-valfardsteknik");
        Assert.AreEqual("collection", collection["type"]!.GetValue<string>());
        var page = await GetJsonAsync($"{Api}/pages/om");
        Assert.AreEqual("page", page["type"]!.GetValue<string>());
        Assert.AreEqual("http://localhost:5000/om", page["url"]!.GetValue<string>());
    }

    [TestMethod]
    public async Task Lists_page_with_a_total_and_links_and_cap_the_page_size()
    {
        var first = await GetJsonAsync($"{Api}/stories?pageSize=5");
        Assert.AreEqual(12, first["total"]!.GetValue<int>());
        Assert.AreEqual(5, first["items"]!.AsArray().Count);
        Assert.AreEqual($"{Api}/stories?page=2&pageSize=5", first["links"]!["next"]!.GetValue<string>());
        Assert.IsNull(first["links"]!["prev"]);

        var last = await GetJsonAsync($"{Api}/stories?page=3&pageSize=5");
        Assert.AreEqual(2, last["items"]!.AsArray().Count);
        Assert.IsNull(last["links"]!["next"]);
        Assert.AreEqual($"{Api}/stories?page=2&pageSize=5", last["links"]!["prev"]!.GetValue<string>());

        var pages = new[] { first, await GetJsonAsync($"{Api}/stories?page=2&pageSize=5"), last }.SelectMany(Slugs).ToList();
        Assert.AreEqual(12, pages.Distinct().Count(), "paging neither repeats nor skips a story");

        var capped = await GetJsonAsync($"{Api}/initiatives?pageSize=100000");
        Assert.AreEqual(100, capped["pageSize"]!.GetValue<int>());
    }

    [TestMethod]
    public async Task A_collections_stories_come_in_the_editors_order()
    {
        var stories = await GetJsonAsync($"{Api}/collections/att-upphandla-valfardsteknik/stories");

        CollectionAssert.AreEqual(
            new[] { "5e0a0000-0000-4000-8000-000000000006", "5e0a0000-0000-4000-8000-000000000010", "5e0a0000-0000-4000-8000-000000000002" },
            stories["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ToArray());
    }

    [TestMethod]
    public async Task Tags_list_their_counts_and_a_tag_lists_its_content()
    {
        var tags = await GetJsonAsync($"{Api}/tags");
        var upphandling = tags["items"]!.AsArray().Select(t => t!.AsObject()).Single(t => t["slug"]!.GetValue<string>() == "upphandling");
        var count = upphandling["count"]!.GetValue<int>();
        Assert.IsTrue(count > 0);

        var tagged = await GetJsonAsync(upphandling["href"]!.GetValue<string>());
        Assert.AreEqual(count, tagged["total"]!.GetValue<int>());
        Assert.IsTrue(tagged["items"]!.AsArray().All(i => i!["facets"]!["tag"]!.AsArray().Any(t => t!.GetValue<string>() == "upphandling")));
    }

    [TestMethod]
    public async Task Initiatives_filter_by_omrade_and_show_facet_counts()
    {
        var all = await GetJsonAsync($"{Api}/initiatives?pageSize=100");
        var areas = all["facets"]!["initiativeArea"]!.AsArray().Select(a => a!.AsObject()).ToList();
        var procurement = areas.Single(a => a["value"]!.GetValue<string>() == "procurement");
        Assert.AreEqual("Upphandling", procurement["label"]!.GetValue<string>());

        var filtered = await GetJsonAsync($"{Api}/initiatives?initiativeArea=procurement&pageSize=100");
        Assert.AreEqual(procurement["count"]!.GetValue<int>(), filtered["total"]!.GetValue<int>());
        Assert.IsTrue(filtered["total"]!.GetValue<int>() < all["total"]!.GetValue<int>());
        Assert.IsTrue(filtered["items"]!.AsArray().All(i => i!["facets"]!["initiativeArea"]!.AsArray().Any(a => a!.GetValue<string>() == "procurement")));
    }

    [TestMethod]
    public async Task Search_gives_the_same_hits_as_the_search_api()
    {
        var delivered = await GetJsonAsync($"{Api}/search?q=trygghetslarm&pageSize=20");
        var search = await GetJsonAsync("/api/v1/search?q=trygghetslarm");

        Assert.AreEqual(search["total"]!.GetValue<int>(), delivered["total"]!.GetValue<int>());
        CollectionAssert.AreEqual(
            search["hits"]!.AsArray().Select(h => h!["id"]!.GetValue<string>()).ToArray(),
            delivered["hits"]!.AsArray().Select(h => h!["id"]!.GetValue<string>()).ToArray());
        StringAssert.StartsWith(delivered["hits"]![0]!["url"]!.GetValue<string>(), "http://localhost:5000/");
    }

    [TestMethod]
    public async Task An_unchanged_response_has_the_same_etag_and_a_conditional_request_gets_304()
    {
        using var client = SeededPortal.CreateClient();
        using var first = await client.GetAsync(new Uri($"{Api}/stories", UriKind.Relative));
        using var second = await client.GetAsync(new Uri($"{Api}/stories", UriKind.Relative));
        var etag = first.Headers.ETag;
        Assert.IsNotNull(etag);
        Assert.AreEqual(etag, second.Headers.ETag);
        Assert.AreEqual("public, max-age=60", first.Headers.CacheControl!.ToString());
        using var other = await client.GetAsync(new Uri($"{Api}/collections", UriKind.Relative));
        Assert.AreNotEqual(etag, other.Headers.ETag);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"{Api}/stories");
        conditional.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(conditional);
        Assert.AreEqual(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.AreEqual(0, (await notModified.Content.ReadAsByteArrayAsync()).Length);
        Assert.AreEqual(etag, notModified.Headers.ETag);
    }

    [TestMethod]
    public async Task Only_reading_methods_are_allowed_and_without_origins_there_are_no_cors_headers()
    {
        using var client = SeededPortal.CreateClient();
        using var post = await client.PostAsJsonAsync($"{Api}/stories", new { title = "Ny" });
        Assert.AreEqual(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        using var delete = await client.DeleteAsync(new Uri($"{Api}/content/5e0a0000-0000-4000-8000-000000000002", UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.MethodNotAllowed, delete.StatusCode);

        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"{Api}/stories"));
        Assert.AreEqual(HttpStatusCode.OK, head.StatusCode);
        Assert.IsNotNull(head.Headers.ETag);

        using var cross = new HttpRequestMessage(HttpMethod.Get, $"{Api}/stories");
        cross.Headers.Add("Origin", "https://kommun.example.se");
        using var response = await client.SendAsync(cross);
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.IsFalse(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [TestMethod]
    public async Task The_OpenAPI_document_describes_the_delivery_api()
    {
        var document = await GetJsonAsync("/api/openapi/v1.json");
        var paths = document["paths"]!.AsObject();
        foreach (var path in new[] { $"{Api}/content/{{id}}", $"{Api}/stories", $"{Api}/stories/{{slug}}", $"{Api}/collections/{{slug}}/stories", $"{Api}/initiatives", $"{Api}/tags/{{slug}}", $"{Api}/search" })
        {
            Assert.IsTrue(paths.ContainsKey(path), $"{path} saknas bland {string.Join(", ", paths.Select(p => p.Key))}");
        }
        var stories = paths[$"{Api}/stories"]!["get"]!;
        Assert.AreEqual("Publicerade kommunberättelser, nyaste först", stories["summary"]!.GetValue<string>());
        Assert.IsNotNull(stories["responses"]!["200"]!["content"]!["application/json"], "the 200 answer's shape is described");
    }
}
