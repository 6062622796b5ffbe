using System.Net;
using System.Text.Json.Nodes;
using EHalsostodet.Tests.Infrastructure;

namespace EHalsostodet.Tests.Operations;

/// <summary>/health/live and /health/ready for the load balancer and the orchestrator.</summary>
[TestClass]
public sealed class HealthTests
{
    private static async Task<(HttpStatusCode Status, JsonObject Body, HttpResponseMessage Response)> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        return (response.StatusCode, body, response);
    }

    private static Dictionary<string, string> CheckStatuses(JsonObject body) =>
        body["checks"]!.AsArray().ToDictionary(c => c!["name"]!.GetValue<string>(), c => c!["status"]!.GetValue<string>());

    [TestMethod]
    public async Task Live_answers_200_without_checks_and_is_not_cached()
    {
        using var client = SeededPortal.CreateClient();
        var (status, body, response) = await GetAsync(client, "/health/live");
        using (response)
        {
            Assert.AreEqual(HttpStatusCode.OK, status);
            Assert.AreEqual("Healthy", body["status"]!.GetValue<string>());
            Assert.AreEqual(0, body["checks"]!.AsArray().Count);
            Assert.IsTrue(response.Headers.CacheControl!.NoStore);
        }
    }

    [TestMethod]
    public async Task Ready_checks_database_search_mail_and_libvips()
    {
        using var client = SeededPortal.CreateClient();
        var (status, body, response) = await GetAsync(client, "/health/ready");
        using (response)
        {
            Assert.AreEqual(HttpStatusCode.OK, status, body.ToJsonString());
            Assert.AreEqual("application/json", response.Content.Headers.ContentType!.MediaType);
            Assert.IsTrue(response.Headers.CacheControl!.NoStore);
            var checks = CheckStatuses(body);
            CollectionAssert.AreEquivalent(new[] { "database", "search", "mail", "libvips" }, checks.Keys.ToArray());
            Assert.AreEqual("Healthy", checks["database"]);
            Assert.AreEqual("Healthy", checks["search"]);
            Assert.AreEqual("Healthy", checks["mail"]);
            Assert.AreEqual("Healthy", checks["libvips"]);
            StringAssert.StartsWith(body["checks"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "libvips")!["description"]!.GetValue<string>(), "libvips 8.");
        }
    }

    [TestMethod]
    public async Task Ready_is_503_when_mail_cannot_leave()
    {
        var notAFolder = Path.Combine(TestPaths.NewTempFolder(), "fil");
        await File.WriteAllTextAsync(notAFolder, "en fil, ingen mapp");
        using var factory = new PortalFactory(settings: new Dictionary<string, string?>
        {
            ["Email:PickupDirectory"] = Path.Combine(notAFolder, "mail"),
        });
        using var client = factory.CreateClient();

        var (status, body, response) = await GetAsync(client, "/health/ready");
        using (response)
        {
            Assert.AreEqual(HttpStatusCode.ServiceUnavailable, status);
            Assert.AreEqual("Unhealthy", body["status"]!.GetValue<string>());
            var checks = CheckStatuses(body);
            Assert.AreEqual("Unhealthy", checks["mail"]);
            Assert.AreEqual("Healthy", checks["libvips"], "libvips runs in the process");
            Assert.AreEqual("Healthy", checks["database"]);
        }
        var (liveStatus, _, live) = await GetAsync(client, "/health/live");
        live.Dispose();
        Assert.AreEqual(HttpStatusCode.OK, liveStatus, "the process is up even when it is not ready");
    }

    [TestMethod]
    public async Task Ready_is_503_when_the_database_does_not_answer_queries()
    {
        using var factory = new PortalFactory();
        using var client = factory.CreateClient();
        await factory.WithDbAsync(async db => await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(db.Database, "ALTER TABLE content_items RENAME TO content_items_weg"));
        var (status, body, response) = await GetAsync(client, "/health/ready");
        response.Dispose();
        Assert.AreEqual(HttpStatusCode.ServiceUnavailable, status, body.ToJsonString());
    }
}
