using System.Net;
using System.Text.Json.Nodes;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Tests.Infrastructure;
using static EHalsostodet.Tests.Api.ManagementClient;

namespace EHalsostodet.Tests.Delivery;

/// <summary>A portal with API keys and an allowed origin: keys, CORS, and that only published versions are delivered.</summary>
[TestClass]
public sealed class DeliveryAccessAndPublishingTests : PortalTestClass<DeliveryAccessAndPublishingTests>
{
    private const string Api = "/api/delivery/v1";
    private const string Key = "leverans-nyckel-2026";
    private const string Origin = "https://kommun.example.se";
    private const string ReviewerEmail = "granskare@leverans.example.se";

    private static HttpClient reviewer = null!;

    private protected override PortalFactory CreatePortal() => new(settings: new Dictionary<string, string?>
    {
        ["Workflow:FourEyes"] = "false",
        ["Delivery:ApiKeys:0"] = "en-annan-nyckel",
        ["Delivery:ApiKeys:1"] = Key,
        ["Delivery:AllowedOrigins:0"] = Origin,
        ["Delivery:CacheMaxAge"] = "00:05:00",
    });

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        reviewer = await ApiClientOfNewAccountAsync(ReviewerEmail, PortalRoles.Reviewer);
    }

    private static HttpClient KeyedClient()
    {
        var client = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);
        return client;
    }

    [TestMethod]
    public async Task Without_a_valid_key_the_answer_is_401_in_swedish()
    {
        using var client = Factory.CreateClient();
        foreach (var key in new string?[] { null, "", "fel-nyckel", Key + "x", Key[..^1] })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{Api}/stories");
            if (key is not null)
            {
                request.Headers.Add("X-Api-Key", key);
            }
            using var response = await client.SendAsync(request);
            var problem = await ProblemAsync(response, HttpStatusCode.Unauthorized);
            Assert.AreEqual("Ogiltig eller saknad API-nyckel.", problem["title"]!.GetValue<string>(), key);
            StringAssert.Contains(problem.Detail(), "X-Api-Key");
        }

        using var keyed = KeyedClient();
        using var ok = await keyed.GetAsync(new Uri($"{Api}/stories", UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.OK, ok.StatusCode);
        Assert.AreEqual("public, max-age=300", ok.Headers.CacheControl!.ToString());
        Assert.IsTrue(ok.Headers.Vary.Contains("X-Api-Key"), "shared caches keep answers per key");
    }

    [TestMethod]
    public async Task An_allowed_origin_gets_cors_headers_and_another_origin_does_not()
    {
        using var client = KeyedClient();
        using var allowed = new HttpRequestMessage(HttpMethod.Get, $"{Api}/stories");
        allowed.Headers.Add("Origin", Origin);
        using var allowedResponse = await client.SendAsync(allowed);
        Assert.AreEqual(Origin, allowedResponse.Headers.GetValues("Access-Control-Allow-Origin").Single());
        StringAssert.Contains(string.Join(",", allowedResponse.Headers.GetValues("Access-Control-Expose-Headers")), "ETag");

        using var other = new HttpRequestMessage(HttpMethod.Get, $"{Api}/stories");
        other.Headers.Add("Origin", "https://elak.example.com");
        using var otherResponse = await client.SendAsync(other);
        Assert.IsFalse(otherResponse.Headers.Contains("Access-Control-Allow-Origin"));

        // A browser's preflight carries no API key; it is answered without one.
        using var anonymous = Factory.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, $"{Api}/stories");
        preflight.Headers.Add("Origin", Origin);
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "x-api-key");
        using var preflightResponse = await anonymous.SendAsync(preflight);
        Assert.IsTrue(preflightResponse.IsSuccessStatusCode, preflightResponse.StatusCode.ToString());
        Assert.AreEqual(Origin, preflightResponse.Headers.GetValues("Access-Control-Allow-Origin").Single());
        StringAssert.Contains(string.Join(",", preflightResponse.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant(), "x-api-key");
        Assert.IsFalse(string.Join(",", preflightResponse.Headers.GetValues("Access-Control-Allow-Methods")).Contains("POST", StringComparison.Ordinal));
    }

    [TestMethod]
    public async Task Drafts_are_never_delivered_and_a_published_item_shows_its_live_version()
    {
        using var client = KeyedClient();
        var draftId = await CreateStoryAsync(reviewer, "Utkast som inte levereras");
        using (var draft = await client.GetAsync(new Uri($"{Api}/content/{draftId}", UriKind.Relative)))
        {
            Assert.AreEqual(HttpStatusCode.NotFound, draft.StatusCode);
        }
        using (var bySlug = await client.GetAsync(new Uri($"{Api}/stories/utkast-som-inte-levereras", UriKind.Relative)))
        {
            Assert.AreEqual(HttpStatusCode.NotFound, bySlug.StatusCode);
        }

        var liveId = await CreateStoryAsync(reviewer, "Levererad berättelse");
        await ActOkAsync(reviewer, liveId, "submit");
        await ActOkAsync(reviewer, liveId, "approve");
        using var before = await client.GetAsync(new Uri($"{Api}/stories", UriKind.Relative));
        var listed = JsonNode.Parse(await before.Content.ReadAsStringAsync())!["items"]!.AsArray().Select(i => i!["slug"]!.GetValue<string>()).ToList();
        CollectionAssert.Contains(listed, "levererad-berattelse");
        CollectionAssert.DoesNotContain(listed, "utkast-som-inte-levereras");
        var etagBefore = before.Headers.ETag;

        // A newer draft of the live story changes nothing in the API.
        using (var put = await PutTitleAsync(reviewer, liveId, 1, "Levererad berättelse, ändrat utkast"))
        {
            Assert.IsTrue(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        }
        var item = await DeliveryApiTests.GetJsonAsync(client, $"{Api}/content/{liveId}");
        Assert.AreEqual("Levererad berättelse", item["document"]!["title"]!.GetValue<string>());
        using (var unchanged = await client.GetAsync(new Uri($"{Api}/stories", UriKind.Relative)))
        {
            Assert.AreEqual(etagBefore, unchanged.Headers.ETag, "a draft does not change the list");
        }

        // Publishing the draft changes the item, its version and the list's ETag.
        await ActOkAsync(reviewer, liveId, "submit");
        await ActOkAsync(reviewer, liveId, "approve");
        var republished = await DeliveryApiTests.GetJsonAsync(client, $"{Api}/content/{liveId}");
        Assert.AreEqual("Levererad berättelse, ändrat utkast", republished["document"]!["title"]!.GetValue<string>());
        Assert.AreNotEqual(item["versionId"]!.GetValue<string>(), republished["versionId"]!.GetValue<string>());
        using var after = await client.GetAsync(new Uri($"{Api}/stories", UriKind.Relative));
        Assert.AreNotEqual(etagBefore, after.Headers.ETag);
    }
}
