using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EHalsostodet.Tests.Infrastructure;

namespace EHalsostodet.Tests.Api;

/// <summary>The API's description, and no self-registration through it.</summary>
[TestClass]
public sealed class ApiSurfaceTests
{
    [TestMethod]
    public async Task The_OpenAPI_document_lists_the_management_paths()
    {
        using var client = SeededPortal.CreateClient();
        using var response = await client.GetAsync(new Uri("/api/openapi/v1.json", UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var paths = (await response.Content.ReadFromJsonAsync<JsonObject>())!["paths"]!.AsObject();
        foreach (var path in new[]
        {
            "/api/management/v1/users",
            "/api/management/v1/content",
            "/api/management/v1/content/{id}",
            "/api/management/v1/content/{id}/workflow/{action}",
            "/api/management/v1/content/{id}/versions",
            "/api/management/v1/content/{id}/versions/{from}/diff/{to}",
            "/api/management/v1/content/{id}/versions/{version}/rollback",
        })
        {
            Assert.IsTrue(paths.ContainsKey(path), $"{path} saknas bland {string.Join(", ", paths.Select(p => p.Key))}");
        }
        var create = paths["/api/management/v1/content"]!["post"]!;
        Assert.AreEqual("Skapa innehåll", create["summary"]!.GetValue<string>());
        Assert.IsNotNull(create["requestBody"], "the request body is described");
    }

    [TestMethod]
    public async Task Self_registration_is_closed()
    {
        using var client = SeededPortal.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/register", new { email = "jag@example.se", password = "Ettlangtlosenord-2026" });
        // There is no such endpoint; routing answers 405 when only a GET route could match the path.
        CollectionAssert.Contains(new[] { HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed }, response.StatusCode);
    }
}
