using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Content;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static EHalsostodet.Tests.Members.Saving.SavingPortal;

namespace EHalsostodet.Tests.Members.Saving;

/// <summary>/api/v1/me/saved, /collections and /follows: the same actions as JSON, with a bearer token or the cookie.</summary>
[TestClass]
public sealed class SavingApiTests : PortalTestClass<SavingApiTests>
{
    private const string Me = "/api/v1/me";

    private static async Task<HttpClient> BearerMemberAsync(string email)
    {
        await Factory.CreateUserAsync(email, PortalRoles.Member);
        return await Factory.BearerClientAsync(email);
    }

    private static async Task<JsonNode> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(expected, response.StatusCode, body);
        return JsonNode.Parse(body)!;
    }

    [TestMethod]
    [DataRow("GET", "/saved")]
    [DataRow("PUT", "/saved/00000000-0000-0000-0000-000000000001")]
    [DataRow("GET", "/collections")]
    [DataRow("POST", "/collections")]
    [DataRow("DELETE", "/collections/00000000-0000-0000-0000-000000000001/share")]
    [DataRow("GET", "/follows")]
    [DataRow("PUT", "/follows/tag/trygghetslarm")]
    public async Task Anonymous_calls_get_401(string method, string path)
    {
        using var client = Factory.CreateBrowserClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(Me + path, UriKind.Relative)) { Content = JsonContent.Create(new { name = "x" }) };
        using var response = await client.SendAsync(request);
        Assert.AreEqual(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [TestMethod]
    public async Task Saved_items_round_trip()
    {
        using var client = await BearerMemberAsync("api-sparat@example.se");
        var story = await PublishedAsync(Factory, ContentType.Story);
        var initiative = await PublishedAsync(Factory, ContentType.Initiative);

        using (var put = await client.PutAsync(new Uri($"{Me}/saved/{story.Id}", UriKind.Relative), null))
        {
            Assert.AreEqual(HttpStatusCode.NoContent, put.StatusCode);
        }
        using (var put = await client.PutAsync(new Uri($"{Me}/saved/{initiative.Id}", UriKind.Relative), null))
        {
            Assert.AreEqual(HttpStatusCode.NoContent, put.StatusCode);
        }
        using (var unknown = await client.PutAsync(new Uri($"{Me}/saved/{Guid.NewGuid()}", UriKind.Relative), null))
        {
            var problem = await JsonAsync(unknown, HttpStatusCode.NotFound);
            StringAssert.Contains(problem["detail"]!.GetValue<string>(), "Det finns ingen publicerad");
        }

        var list = (await client.GetFromJsonAsync<JsonArray>(new Uri($"{Me}/saved", UriKind.Relative)))!;
        Assert.HasCount(2, list);
        var savedStory = list.Single(i => i!["itemId"]!.GetValue<Guid>() == story.Id)!;
        Assert.AreEqual("story", savedStory["type"]!.GetValue<string>());
        Assert.AreEqual(story.Url, savedStory["url"]!.GetValue<string>());
        Assert.IsTrue(savedStory["published"]!.GetValue<bool>());

        using (var delete = await client.DeleteAsync(new Uri($"{Me}/saved/{story.Id}", UriKind.Relative)))
        {
            Assert.AreEqual(HttpStatusCode.NoContent, delete.StatusCode);
        }
        list = (await client.GetFromJsonAsync<JsonArray>(new Uri($"{Me}/saved", UriKind.Relative)))!;
        Assert.AreEqual(initiative.Id, list.Single()!["itemId"]!.GetValue<Guid>());
    }

    [TestMethod]
    public async Task Own_collections_round_trip_with_order_sharing_and_Swedish_validation()
    {
        using var client = await BearerMemberAsync("api-samling@example.se");
        var first = await PublishedAsync(Factory, ContentType.Story, 0);
        var second = await PublishedAsync(Factory, ContentType.Story, 1);

        using (var invalid = await client.PostAsJsonAsync(new Uri($"{Me}/collections", UriKind.Relative), new { name = "", description = "x" }))
        {
            var problem = await JsonAsync(invalid, HttpStatusCode.BadRequest);
            StringAssert.Contains(problem["errors"]!["name"]![0]!.GetValue<string>(), "Ange ett namn");
        }
        using (var unknownField = await client.PostAsJsonAsync(new Uri($"{Me}/collections", UriKind.Relative), new { name = "A", colour = "röd" }))
        {
            Assert.AreEqual(HttpStatusCode.BadRequest, unknownField.StatusCode);
        }

        Guid id;
        using (var created = await client.PostAsJsonAsync(new Uri($"{Me}/collections", UriKind.Relative), new { name = "Mötet", description = "Inför mötet" }))
        {
            var body = await JsonAsync(created, HttpStatusCode.Created);
            id = body["id"]!.GetValue<Guid>();
            Assert.AreEqual($"/api/v1/me/collections/{id}", created.Headers.Location!.OriginalString);
        }

        using (var put = await client.PutAsJsonAsync(new Uri($"{Me}/collections/{id}", UriKind.Relative), new { name = "Mötet i maj", description = "Två exempel", storyIds = new[] { second.Id, first.Id } }))
        {
            var body = await JsonAsync(put, HttpStatusCode.OK);
            Assert.AreEqual("Mötet i maj", body["name"]!.GetValue<string>());
            CollectionAssert.AreEqual(new[] { second.Id, first.Id }, body["stories"]!.AsArray().Select(s => s!["storyId"]!.GetValue<Guid>()).ToArray());
        }
        using (var badStory = await client.PutAsJsonAsync(new Uri($"{Me}/collections/{id}", UriKind.Relative), new { name = "Mötet i maj", storyIds = new[] { Guid.NewGuid() } }))
        {
            var problem = await JsonAsync(badStory, HttpStatusCode.BadRequest);
            Assert.IsNotNull(problem["errors"]!["storyIds"]);
        }
        var stored = await QueryAsync(Factory, db => db.MemberCollectionItems.Where(i => i.CollectionId == id).OrderBy(i => i.Position).Select(i => i.StoryId).ToListAsync());
        CollectionAssert.AreEqual(new[] { second.Id, first.Id }, stored);

        string url;
        using (var share = await client.PostAsync(new Uri($"{Me}/collections/{id}/share", UriKind.Relative), null))
        {
            url = (await JsonAsync(share, HttpStatusCode.OK))["url"]!.GetValue<string>();
        }
        var path = new Uri(url).AbsolutePath;
        var anonymous = Factory.CreateBrowserClient();
        Assert.AreEqual("Mötet i maj", (await anonymous.GetPageAsync(path)).QuerySelector("h1")!.TextContent.Trim());
        var details = await client.GetFromJsonAsync<JsonObject>(new Uri($"{Me}/collections/{id}", UriKind.Relative));
        Assert.AreEqual(url, details!["shareUrl"]!.GetValue<string>());

        using (var revoke = await client.DeleteAsync(new Uri($"{Me}/collections/{id}/share", UriKind.Relative)))
        {
            Assert.AreEqual(HttpStatusCode.NoContent, revoke.StatusCode);
        }
        await anonymous.GetPageAsync(path, HttpStatusCode.NotFound);

        var list = (await client.GetFromJsonAsync<JsonArray>(new Uri($"{Me}/collections", UriKind.Relative)))!;
        Assert.AreEqual(2, list.Single()!["storyCount"]!.GetValue<int>());

        using (var delete = await client.DeleteAsync(new Uri($"{Me}/collections/{id}", UriKind.Relative)))
        {
            Assert.AreEqual(HttpStatusCode.NoContent, delete.StatusCode);
        }
        using var gone = await client.GetAsync(new Uri($"{Me}/collections/{id}", UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [TestMethod]
    public async Task Another_members_collection_answers_404_to_every_call()
    {
        using var owner = await BearerMemberAsync("api-agare@example.se");
        using var other = await BearerMemberAsync("api-annan@example.se");
        Guid id;
        using (var created = await owner.PostAsJsonAsync(new Uri($"{Me}/collections", UriKind.Relative), new { name = "Privat" }))
        {
            id = (await JsonAsync(created, HttpStatusCode.Created))["id"]!.GetValue<Guid>();
        }

        using (var get = await other.GetAsync(new Uri($"{Me}/collections/{id}", UriKind.Relative)))
        {
            Assert.AreEqual(HttpStatusCode.NotFound, get.StatusCode);
        }
        using (var put = await other.PutAsJsonAsync(new Uri($"{Me}/collections/{id}", UriKind.Relative), new { name = "Kapad" }))
        {
            Assert.AreEqual(HttpStatusCode.NotFound, put.StatusCode);
        }
        using (var share = await other.PostAsync(new Uri($"{Me}/collections/{id}/share", UriKind.Relative), null))
        {
            Assert.AreEqual(HttpStatusCode.NotFound, share.StatusCode);
        }
        using (var delete = await other.DeleteAsync(new Uri($"{Me}/collections/{id}", UriKind.Relative)))
        {
            Assert.AreEqual(HttpStatusCode.NotFound, delete.StatusCode);
        }
        Assert.IsEmpty((await other.GetFromJsonAsync<JsonArray>(new Uri($"{Me}/collections", UriKind.Relative)))!);
        var stored = await QueryAsync(Factory, db => db.MemberCollections.SingleAsync(c => c.Id == id));
        Assert.AreEqual("Privat", stored.Name);
        Assert.IsNull(stored.ShareToken);
    }

    [TestMethod]
    public async Task Follows_round_trip()
    {
        using var client = await BearerMemberAsync("api-folj@example.se");
        var story = await PublishedAsync(Factory, ContentType.Story);
        var tag = await TagSlugAsync(Factory);

        using (var put = await client.PutAsync(new Uri($"{Me}/follows/story/{story.Id}", UriKind.Relative), null))
        {
            Assert.AreEqual(HttpStatusCode.NoContent, put.StatusCode);
        }
        using (var put = await client.PutAsync(new Uri($"{Me}/follows/tag/{tag}", UriKind.Relative), null))
        {
            Assert.AreEqual(HttpStatusCode.NoContent, put.StatusCode);
        }
        using (var unknownTag = await client.PutAsync(new Uri($"{Me}/follows/tag/finns-inte-alls", UriKind.Relative), null))
        {
            Assert.AreEqual(HttpStatusCode.NotFound, unknownTag.StatusCode);
        }
        using (var unknownKind = await client.PutAsync(new Uri($"{Me}/follows/kommun/{tag}", UriKind.Relative), null))
        {
            var problem = await JsonAsync(unknownKind, HttpStatusCode.BadRequest);
            StringAssert.Contains(problem["errors"]!["kind"]![0]!.GetValue<string>(), "Okänd typ");
        }

        var list = (await client.GetFromJsonAsync<JsonArray>(new Uri($"{Me}/follows", UriKind.Relative)))!;
        CollectionAssert.AreEquivalent(
            new[] { $"story:{story.Id:D}", $"tag:{tag}" },
            list.Select(f => $"{f!["kind"]!.GetValue<string>()}:{f["target"]!.GetValue<string>()}").ToArray());
        Assert.AreEqual(story.Url, list.Single(f => f!["kind"]!.GetValue<string>() == "story")!["url"]!.GetValue<string>());

        using (var delete = await client.DeleteAsync(new Uri($"{Me}/follows/story/{story.Id}", UriKind.Relative)))
        {
            Assert.AreEqual(HttpStatusCode.NoContent, delete.StatusCode);
        }
        list = (await client.GetFromJsonAsync<JsonArray>(new Uri($"{Me}/follows", UriKind.Relative)))!;
        Assert.AreEqual("tag", list.Single()!["kind"]!.GetValue<string>());
    }
}
