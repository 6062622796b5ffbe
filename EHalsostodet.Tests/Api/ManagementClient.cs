using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using EHalsostodet.Core.Content;
using EHalsostodet.Tests.Infrastructure;

namespace EHalsostodet.Tests.Api;

/// <summary>Calls of the management API that the tests share.</summary>
internal static class ManagementClient
{
    public const string Prefix = "/api/management/v1";

    /// <summary>The document of a published seed story, as GET /content/{id} returns it.</summary>
    public static async Task<JsonObject> SeedStoryDocumentAsync(HttpClient client)
    {
        var list = await GetJsonAsync<JsonArray>(client, $"{Prefix}/content?type=story");
        var seed = list.Select(n => n!.AsObject()).First(n => n["state"]!.GetValue<string>() == "published");
        var details = await GetJsonAsync<JsonObject>(client, $"{Prefix}/content/{seed["id"]!.GetValue<string>()}");
        return details["document"]!.AsObject();
    }

    /// <summary>A complete story document with a new title and slug.</summary>
    public static async Task<JsonObject> NewStoryDocumentAsync(HttpClient client, string title)
    {
        var document = (await SeedStoryDocumentAsync(client)).DeepClone().AsObject();
        document["title"] = title;
        document["slug"] = Slugs.FromText(title);
        return document;
    }

    /// <summary>Creates a story through the API and returns its id.</summary>
    public static async Task<Guid> CreateStoryAsync(HttpClient client, string title)
    {
        var document = await NewStoryDocumentAsync(client, title);
        using var response = await client.PostAsJsonAsync($"{Prefix}/content", new { type = "story", document });
        var body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.Created, response.StatusCode, body);
        return JsonNode.Parse(body)!["id"]!.GetValue<Guid>();
    }

    public static async Task<HttpResponseMessage> ActAsync(HttpClient client, Guid id, string action, object? body = null) =>
        await client.PostAsJsonAsync($"{Prefix}/content/{id}/workflow/{action}", body ?? new { });

    /// <summary>Carries out an action that must succeed and returns the new state.</summary>
    public static async Task<string> ActOkAsync(HttpClient client, Guid id, string action, object? body = null)
    {
        using var response = await ActAsync(client, id, action, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, $"{action}: {text}");
        return JsonNode.Parse(text)!["state"]!.GetValue<string>();
    }

    /// <summary>Saves a new version with a changed title and returns the response.</summary>
    public static async Task<HttpResponseMessage> PutTitleAsync(HttpClient client, Guid id, int baseVersion, string title)
    {
        var details = await DetailsAsync(client, id);
        var document = details["document"]!.DeepClone().AsObject();
        document["title"] = title;
        return await client.PutAsJsonAsync($"{Prefix}/content/{id}", new { document, baseVersion });
    }

    public static Task<JsonObject> DetailsAsync(HttpClient client, Guid id) =>
        GetJsonAsync<JsonObject>(client, $"{Prefix}/content/{id}");

    public static async Task<string> StateAsync(HttpClient client, Guid id) =>
        (await DetailsAsync(client, id))["state"]!.GetValue<string>();

    public static async Task<T> GetJsonAsync<T>(HttpClient client, string url) where T : JsonNode
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, $"GET {url}: {body}");
        return (T)JsonNode.Parse(body)!;
    }

    /// <summary>The problem details of a refused request; asserts the status and that it explains itself.</summary>
    public static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(expected, response.StatusCode, body);
        StringAssert.StartsWith(response.Content.Headers.ContentType?.MediaType, "application/problem+json", body);
        var problem = JsonNode.Parse(body)!.AsObject();
        Assert.IsFalse(string.IsNullOrWhiteSpace(problem["detail"]?.GetValue<string>()), body);
        return problem;
    }

    public static string Detail(this JsonObject problem) => problem["detail"]!.GetValue<string>();

    /// <summary>The published story's page, or null when it is not public.</summary>
    public static async Task<string?> PublicStoryTextAsync(PortalFactory factory, string slug)
    {
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.GetAsync(new Uri($"/berattelser/{slug}", UriKind.Relative));
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        return page.QuerySelector("h1")?.TextContent.Trim();
    }

    public static HttpContent Json(string raw) => new StringContent(raw, Encoding.UTF8, "application/json");
}
