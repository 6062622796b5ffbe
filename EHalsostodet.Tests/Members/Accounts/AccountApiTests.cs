using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Tests.Infrastructure;
using EHalsostodet.Tests.Members.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.Members.Accounts;

/// <summary>/api/v1/me: the profile, the export and the deletion, for bearer and cookie clients.</summary>
[TestClass]
public sealed class AccountApiTests : PortalTestClass<AccountApiTests>
{
    [TestMethod]
    public async Task Anonymous_calls_get_401()
    {
        var client = Factory.CreateBrowserClient();
        using (var get = await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative)))
        {
            Assert.AreEqual(HttpStatusCode.Unauthorized, get.StatusCode);
        }
        using (var export = await client.GetAsync(new Uri("/api/v1/me/export", UriKind.Relative)))
        {
            Assert.AreEqual(HttpStatusCode.Unauthorized, export.StatusCode);
        }
        using (var put = await client.PutAsJsonAsync("/api/v1/me", new { role = "enhetschef" }))
        {
            Assert.AreEqual(HttpStatusCode.Unauthorized, put.StatusCode);
        }
        using var delete = await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/me") { Content = JsonContent.Create(new { password = "x" }) });
        Assert.AreEqual(HttpStatusCode.Unauthorized, delete.StatusCode);
    }

    [TestMethod]
    public async Task A_member_reads_and_saves_the_profile_with_Swedish_validation()
    {
        const string email = "api.profil@kommun.example.se";
        await Factory.CreateUserAsync(email, PortalRoles.Member, "Api Medlem");
        using var client = await Factory.BearerClientAsync(email);

        var me = (await client.GetFromJsonAsync<JsonObject>("/api/v1/me"))!;
        Assert.AreEqual(email, me["email"]!.GetValue<string>());
        Assert.AreEqual("Api Medlem", me["displayName"]!.GetValue<string>());
        Assert.AreEqual("Medlem", me["roles"]![0]!.GetValue<string>());
        Assert.IsNull(me["profile"]!["role"]);

        using (var wrong = await client.PutAsJsonAsync("/api/v1/me", new { role = "kung", municipalityCode = "0580", areas = new[] { "elderlyCare", "rymden" } }))
        {
            Assert.AreEqual(HttpStatusCode.BadRequest, wrong.StatusCode);
            var problem = (await wrong.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.AreEqual("Uppgifterna behöver rättas", problem["title"]!.GetValue<string>());
            StringAssert.Contains(problem["errors"]!["role"]![0]!.GetValue<string>(), "Välj en roll");
            StringAssert.Contains(problem["errors"]!["areas"]![0]!.GetValue<string>(), "rymden");
        }
        using (var unknownField = await client.PutAsJsonAsync("/api/v1/me", new { kommun = "0580" }))
        {
            Assert.AreEqual(HttpStatusCode.BadRequest, unknownField.StatusCode);
            StringAssert.Contains(await unknownField.Content.ReadAsStringAsync(), "Okänt fält");
        }

        using var saved = await client.PutAsJsonAsync("/api/v1/me", new
        {
            displayName = "Api Medlem",
            role = "mas-mar",
            municipalityCode = "1380",
            areas = new[] { "municipalHealthCare" },
            interests = new[] { "hemsjukvard" },
        });
        Assert.AreEqual(HttpStatusCode.OK, saved.StatusCode, await saved.Content.ReadAsStringAsync());
        var profile = (await saved.Content.ReadFromJsonAsync<JsonObject>())!["profile"]!;
        Assert.AreEqual("mas-mar", profile["role"]!.GetValue<string>());
        Assert.AreEqual("Halmstad", profile["municipalityName"]!.GetValue<string>());
        Assert.AreEqual("hemsjukvard", profile["interests"]![0]!.GetValue<string>());
    }

    [TestMethod]
    public async Task A_member_exports_and_deletes_the_account_through_the_API()
    {
        const string email = "api.radera@kommun.example.se";
        var userId = await Factory.CreateUserAsync(email, PortalRoles.Member);
        var story = await PrivacyTests.StoreMemberDataAsync(Factory, userId);
        using var client = await Factory.BearerClientAsync(email);

        using (var export = await client.GetAsync(new Uri("/api/v1/me/export", UriKind.Relative)))
        {
            Assert.AreEqual(HttpStatusCode.OK, export.StatusCode);
            Assert.AreEqual("attachment", export.Content.Headers.ContentDisposition!.DispositionType);
            var json = JsonNode.Parse(await export.Content.ReadAsStringAsync())!;
            Assert.AreEqual(email, json["account"]!["email"]!.GetValue<string>());
            Assert.AreEqual(story.Title, json["saved"]![0]!["title"]!.GetValue<string>());
        }

        using (var wrong = await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/me") { Content = JsonContent.Create(new { password = "fel-losenord" }) }))
        {
            Assert.AreEqual(HttpStatusCode.BadRequest, wrong.StatusCode);
            StringAssert.Contains(await wrong.Content.ReadAsStringAsync(), "Fel lösenord");
        }
        using (var deleted = await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/me") { Content = JsonContent.Create(new { password = PortalFactory.Password }) }))
        {
            Assert.AreEqual(HttpStatusCode.NoContent, deleted.StatusCode);
        }
        await Factory.WithDbAsync(async db =>
        {
            Assert.IsFalse(await db.Users.AnyAsync(u => u.Id == userId));
            Assert.IsFalse(await db.SavedItems.AnyAsync(s => s.UserId == userId));
        });
    }

    [TestMethod]
    public async Task The_OpenAPI_document_describes_the_me_endpoints()
    {
        using var client = Factory.CreateClient();
        var paths = (await client.GetFromJsonAsync<JsonObject>("/api/openapi/v1.json"))!["paths"]!.AsObject();
        Assert.AreEqual("Mitt konto och min profil", paths["/api/v1/me"]!["get"]!["summary"]!.GetValue<string>());
        Assert.IsNotNull(paths["/api/v1/me"]!["put"]!["requestBody"]);
        Assert.IsNotNull(paths["/api/v1/me"]!["delete"]);
        Assert.AreEqual("Ladda ner mina uppgifter", paths["/api/v1/me/export"]!["get"]!["summary"]!.GetValue<string>());
    }
}
