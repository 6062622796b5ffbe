using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Tests.Infrastructure;

namespace EHalsostodet.Tests.Members.Notices;

/// <summary>/api/v1/me/notifications and /api/v1/me/settings.</summary>
[TestClass]
public sealed class NotificationApiTests : PortalTestClass<NotificationApiTests>
{
    private static async Task<JsonObject> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, body);
        return JsonNode.Parse(body)!.AsObject();
    }

    [TestMethod]
    public async Task Anonymous_callers_get_401()
    {
        var client = Factory.CreateBrowserClient();
        foreach (var (method, url) in new[]
        {
            (HttpMethod.Get, "/api/v1/me/notifications"), (HttpMethod.Post, "/api/v1/me/notifications/read-all"),
            (HttpMethod.Post, $"/api/v1/me/notifications/{Guid.NewGuid()}/read"), (HttpMethod.Get, "/api/v1/me/settings"), (HttpMethod.Put, "/api/v1/me/settings"),
        })
        {
            using var response = await client.SendAsync(new HttpRequestMessage(method, new Uri(url, UriKind.Relative)) { Content = JsonContent.Create(new { mailFrequency = "none" }) });
            Assert.AreEqual(HttpStatusCode.Unauthorized, response.StatusCode, $"{method} {url}");
        }
    }

    [TestMethod]
    public async Task A_member_lists_and_marks_only_their_own_notifications()
    {
        var userId = await Factory.CreateUserAsync("api-notiser@example.se", PortalRoles.Member);
        var otherId = await Factory.CreateUserAsync("api-annan@example.se", PortalRoles.Member);
        var mine = await NotificationPagesTests.AddNotificationsAsync(Factory, userId, 3, "Api");
        var theirs = await NotificationPagesTests.AddNotificationsAsync(Factory, otherId, 1, "Annan");
        using var client = await Factory.BearerClientAsync("api-notiser@example.se");

        var list = await GetAsync(client, "/api/v1/me/notifications");
        Assert.AreEqual(3, list["total"]!.GetValue<int>());
        Assert.AreEqual(3, list["unread"]!.GetValue<int>());
        var items = list["items"]!.AsArray();
        CollectionAssert.AreEqual(new[] { "Api 3", "Api 2", "Api 1" }, items.Select(i => i!["text"]!.GetValue<string>()).ToArray());
        Assert.AreEqual("storyUpdated", items[0]!["kind"]!.GetValue<string>());
        Assert.AreEqual("/berattelser/api-3", items[0]!["url"]!.GetValue<string>());
        Assert.IsFalse(items[0]!["read"]!.GetValue<bool>());

        using (var read = await client.PostAsync(new Uri($"/api/v1/me/notifications/{mine[0]}/read", UriKind.Relative), null))
        {
            Assert.AreEqual(HttpStatusCode.NoContent, read.StatusCode);
        }
        using (var foreign = await client.PostAsync(new Uri($"/api/v1/me/notifications/{theirs[0]}/read", UriKind.Relative), null))
        {
            Assert.AreEqual(HttpStatusCode.NotFound, foreign.StatusCode);
        }
        var unread = await GetAsync(client, "/api/v1/me/notifications?unread=true");
        CollectionAssert.AreEqual(new[] { "Api 3", "Api 2" }, unread["items"]!.AsArray().Select(i => i!["text"]!.GetValue<string>()).ToArray());

        using (var all = await client.PostAsync(new Uri("/api/v1/me/notifications/read-all", UriKind.Relative), null))
        {
            Assert.AreEqual(HttpStatusCode.OK, all.StatusCode);
            Assert.AreEqual(2, (await all.Content.ReadFromJsonAsync<JsonObject>())!["marked"]!.GetValue<int>());
        }
        Assert.AreEqual(0, (await GetAsync(client, "/api/v1/me/notifications"))["unread"]!.GetValue<int>());
        using var other = await Factory.BearerClientAsync("api-annan@example.se");
        Assert.AreEqual(1, (await GetAsync(other, "/api/v1/me/notifications"))["unread"]!.GetValue<int>());
    }

    [TestMethod]
    public async Task A_member_reads_and_changes_the_mail_choice()
    {
        await Factory.CreateUserAsync("api-installningar@example.se", PortalRoles.Member);
        using var client = await Factory.BearerClientAsync("api-installningar@example.se");

        Assert.AreEqual("immediately", (await GetAsync(client, "/api/v1/me/settings"))["mailFrequency"]!.GetValue<string>());

        using (var put = await client.PutAsJsonAsync("/api/v1/me/settings", new { mailFrequency = "daily" }))
        {
            Assert.AreEqual(HttpStatusCode.OK, put.StatusCode);
        }
        var settings = await GetAsync(client, "/api/v1/me/settings");
        Assert.AreEqual("daily", settings["mailFrequency"]!.GetValue<string>());
        Assert.AreEqual("En gång om dagen", settings["label"]!.GetValue<string>());

        using var refused = await client.PutAsJsonAsync("/api/v1/me/settings", new { mailFrequency = "ibland" });
        Assert.AreEqual(HttpStatusCode.BadRequest, refused.StatusCode);
        StringAssert.Contains(await refused.Content.ReadAsStringAsync(), "immediately, daily, weekly eller none");
        Assert.AreEqual("daily", (await GetAsync(client, "/api/v1/me/settings"))["mailFrequency"]!.GetValue<string>());
    }
}
