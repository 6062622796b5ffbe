using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Members;
using EHalsostodet.Core.Members.Privacy;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Tests.BackOffice.Editing;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static EHalsostodet.Tests.Api.ManagementClient;

namespace EHalsostodet.Tests.Security;

/// <summary>
/// Each request that an outside test answered with a 5xx, reproduced over HTTP: each now answers
/// 4xx with a Swedish message (problem details from the APIs), or does what the person meant.
/// And one malformed stored document no longer breaks the back office for everyone.
/// </summary>
[TestClass]
public sealed class HostileInputTests
{
    private static SecurityPortal portal = null!;
    private static int accounts;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => portal = await SecurityPortal.StartAsync();

    [ClassCleanup]
    public static void Stop() => portal.Dispose();

    private static PortalFactory Factory => portal.Factory;

    private static async Task<(string Email, string Id)> NewMemberAsync()
    {
        var email = $"fientlig-{Interlocked.Increment(ref accounts)}@example.se";
        return (email, await Factory.CreateUserAsync(email, PortalRoles.Member, "Fientlig Testsson"));
    }

    private static StringContent Multipart(string body, string boundary = "gräns")
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary=\"{boundary}\"");
        return content;
    }

    private static async Task<string> MainTextAsync(HttpResponseMessage response) =>
        (await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync())).QuerySelector("main")?.TextContent ?? "";

    [TestMethod]
    [DataRow("on")]
    [DataRow("1")]
    public async Task Consent_as_a_browser_or_a_script_sends_it_registers_instead_of_a_500(string consent)
    {
        using var client = Factory.CreateBrowserClient();
        var email = $"samtycke-{consent}@example.se";

        using var response = await Forms.PostAsync(client, "/mina-sidor/registrera", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = "Ett-langt-losen-2026",
            ["ConfirmPassword"] = "Ett-langt-losen-2026",
            ["Consent"] = consent,
        });

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        StringAssert.Contains(await MainTextAsync(response), "Tack! Vi har skickat ett mejl");
    }

    [TestMethod]
    public async Task A_consent_that_means_neither_yes_nor_no_is_a_swedish_form_error()
    {
        using var client = Factory.CreateBrowserClient();

        using var response = await Forms.PostAsync(client, "/mina-sidor/registrera", new Dictionary<string, string>
        {
            ["Email"] = "samtycke-kanske@example.se",
            ["Password"] = "Ett-langt-losen-2026",
            ["ConfirmPassword"] = "Ett-langt-losen-2026",
            ["Consent"] = "kanske",
        });

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        StringAssert.Contains(await MainTextAsync(response), "Kryssa i att du har läst hur dina personuppgifter behandlas.");
    }

    [TestMethod]
    [DataRow("on")]
    [DataRow("1")]
    public async Task Confirm_on_account_deletion_as_a_browser_or_a_script_sends_it_deletes_the_account(string confirm)
    {
        var (email, id) = await NewMemberAsync();
        using var member = await Factory.SignInAsync(email);

        using var response = await Forms.PostAsync(member, "/mina-sidor/mina-uppgifter", new Dictionary<string, string>
        {
            ["Password"] = PortalFactory.Password,
            ["Confirm"] = confirm,
        });

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        StringAssert.Contains(await MainTextAsync(response), "Ditt konto och dina uppgifter är borttagna");
        Assert.IsNull(await Factory.WithScopeAsync(s => s.GetRequiredService<UserManager<PortalUser>>().FindByIdAsync(id)));
    }

    [TestMethod]
    [DataRow("%20")]
    [DataRow("%09")]
    [DataRow("%20%0A")]
    public async Task Unsubscribing_with_a_blank_token_is_404(string token)
    {
        using var client = Factory.CreateBrowserClient();

        using var post = await client.PostAsync(new Uri($"/avsluta-prenumeration/{token}", UriKind.Relative), new StringContent(""));
        using var get = await client.GetAsync(new Uri($"/avsluta-prenumeration/{token}", UriKind.Relative));

        Assert.AreEqual(HttpStatusCode.NotFound, post.StatusCode);
        Assert.AreEqual(HttpStatusCode.NotFound, get.StatusCode);
        StringAssert.Contains(await MainTextAsync(post), "Sidan finns inte");
    }

    [TestMethod]
    public async Task A_malformed_multipart_body_to_the_unsubscribe_link_is_400_and_changes_nothing()
    {
        using var client = Factory.CreateBrowserClient();
        var url = portal.Url("/avsluta-prenumeration/{unsubscribeToken}");

        using var response = await client.PostAsync(new Uri(url, UriKind.Relative),
            Multipart("--gräns\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click"));

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        StringAssert.Contains(await MainTextAsync(response), "Felaktig begäran");
        var frequency = await Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().MemberProfiles
            .Where(p => p.UserId == portal.MemberId).Select(p => p.MailFrequency).SingleAsync());
        Assert.AreEqual(MailFrequency.Daily, frequency);
    }

    [TestMethod]
    [DataRow("roles.actors")]
    [DataRow("roles.forums")]
    [DataRow("technology.products")]
    [DataRow("contacts")]
    [DataRow("benefits.effects")]
    [DataRow("process.steps")]
    [DataRow("lessons.tips")]
    [DataRow("tags")]
    public async Task A_null_entry_through_the_management_api_is_a_400_problem_naming_the_field(string list)
    {
        using var editor = await Factory.BearerClientAsync(SecurityPortal.EmailOf(PortalRoles.Editor));
        var document = await NewStoryDocumentAsync(editor, "Null i " + list);
        var parent = list.Contains('.', StringComparison.Ordinal) ? document[list[..list.IndexOf('.', StringComparison.Ordinal)]]!.AsObject() : document;
        var key = list[(list.IndexOf('.', StringComparison.Ordinal) + 1)..];
        var entries = parent[key] as JsonArray ?? [];
        parent[key] = new JsonArray([.. entries.Select(e => e?.DeepClone()), null]);
        var path = $"{list}[{entries.Count}]";
        var versions = await Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().ContentVersions.CountAsync());

        using var create = await editor.PostAsJsonAsync($"{Prefix}/content", new { type = "story", document });
        var id = await CreateStoryAsync(editor, "Att uppdatera med null i " + list);
        var details = await DetailsAsync(editor, id);
        using var update = await editor.PutAsJsonAsync($"{Prefix}/content/{id}", new { document = document.DeepClone(), baseVersion = details["latestVersion"]!.GetValue<int>() });

        foreach (var response in new[] { create, update })
        {
            var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
            var messages = problem["errors"]![path]!.AsArray().Select(m => m!.GetValue<string>()).ToList();
            Assert.AreEqual($"Raden {path} är tom (null). Ta bort den ur listan eller fyll i den.", messages.Single());
        }
        Assert.AreEqual(versions + 1, await Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().ContentVersions.CountAsync()),
            "only the valid story was saved");
    }

    [TestMethod]
    public async Task The_story_form_refuses_a_row_without_a_name_through_the_one_validator()
    {
        var client = portal.Clients[PortalRoles.Editor];
        var form = (await EditingBrowserForm.LoadAsync(client, "/redaktion/innehall/ny/story"))
            .Set("title", "Aktör utan namn")
            .Set("roles.actors[1].description", "Beskriven men inte namngiven");

        using var response = await form.SubmitAsync(client);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        Assert.AreEqual("Ange aktörens namn.", page.QuerySelector("#f-roles-actors-1-name-error")?.TextContent.Trim());
    }

    [TestMethod]
    public async Task Writes_by_a_session_of_a_deleted_account_are_401_not_500()
    {
        var (email, id) = await NewMemberAsync();
        using var cookie = await Factory.SignInAsync(email);
        using var bearer = await Factory.BearerClientAsync(email);
        var pageToken = await Forms.TokenAsync(cookie, "/mina-sidor/profil");
        await Factory.WithScopeAsync(s => s.GetRequiredService<MemberAccountDeleter>().DeleteAsync(id, PortalFactory.Password, CancellationToken.None));
        var saved = portal.Url("/api/v1/me/saved/{storyId}");

        var responses = new List<(string What, HttpResponseMessage Response)>
        {
            ("spara (token)", await bearer.PutAsync(new Uri(saved, UriKind.Relative), null)),
            ("följ (token)", await bearer.PutAsync(new Uri(portal.Url("/api/v1/me/follows/tag/{tag}"), UriKind.Relative), null)),
            ("ny samling (token)", await bearer.PostAsJsonAsync("/api/v1/me/collections", new { name = "Min samling" })),
            ("spara (kaka)", await cookie.PutAsync(new Uri(saved, UriKind.Relative), null)),
        };
        try
        {
            foreach (var (what, response) in responses)
            {
                Assert.AreEqual(HttpStatusCode.Unauthorized, response.StatusCode, what);
                if (response.Content.Headers.ContentLength is not 0)
                {
                    await ProblemAsync(response, HttpStatusCode.Unauthorized);
                }
            }
        }
        finally
        {
            foreach (var (_, response) in responses)
            {
                response.Dispose();
            }
        }

        // A page post of the same session is sent to the login form.
        using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", pageToken), new("DisplayName", "Borta")]);
        using var page = await cookie.PostAsync(new Uri("/mina-sidor/profil", UriKind.Relative), form);
        Assert.IsLessThan(500, (int)page.StatusCode);
        Assert.AreEqual("/mina-sidor/logga-in", page.Headers.Location?.OriginalString.Split('?')[0]);
    }

    [TestMethod]
    public async Task An_unterminated_multipart_body_on_media_upload_is_400_in_the_api_and_the_back_office()
    {
        using var bearer = await Factory.BearerClientAsync(SecurityPortal.EmailOf(PortalRoles.Editor));
        var cookie = portal.Clients[PortalRoles.Editor];
        var token = await Forms.TokenAsync(cookie, "/redaktion/media");
        const string filePart = "--gräns\r\nContent-Disposition: form-data; name=\"alt\"\r\n\r\nEn bild\r\n"
            + "--gräns\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bild.jpg\"\r\nContent-Type: image/jpeg\r\n\r\nJFIF-början utan slut";
        var media = await Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().MediaItems.CountAsync());

        using var api = await bearer.PostAsync(new Uri($"{Prefix}/media", UriKind.Relative), Multipart(filePart));
        using var page = await cookie.PostAsync(new Uri("/redaktion/media?handler=Upload", UriKind.Relative),
            Multipart($"--gräns\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{token}\r\n" + filePart));

        var problem = await ProblemAsync(api, HttpStatusCode.BadRequest);
        StringAssert.Contains(problem.Detail(), "formuläret kunde inte läsas helt");
        Assert.AreEqual(HttpStatusCode.BadRequest, page.StatusCode);
        StringAssert.Contains(await MainTextAsync(page), "Felaktig begäran");
        Assert.AreEqual(media, await Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().MediaItems.CountAsync()));
    }

    public static IEnumerable<object[]> NotZipFiles()
    {
        yield return ["text", "Det här är ingen zip-fil."u8.ToArray()];
        yield return ["zip-början", new byte[] { 0x50, 0x4B, 0x03, 0x04, 1, 2, 3 }];
        yield return ["tom katalogpost", new byte[] { 0x50, 0x4B, 0x05, 0x06, 0, 0, 0, 0, 1, 0, 1, 0, 255, 255, 255, 255, 0, 0, 0, 0, 0, 0 }];
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("content/pages/om.yml").Open());
            writer.Write(new string('x', 5000));
        }
        yield return ["avhuggen zip", buffer.ToArray()[..(int)(buffer.Length / 2)]];
    }

    [TestMethod]
    [DynamicData(nameof(NotZipFiles))]
    public async Task A_file_that_is_not_a_zip_on_the_usync_upload_page_is_refused_in_swedish(string what, byte[] data)
    {
        var admin = portal.Clients[PortalRoles.Administrator];
        var token = await Forms.TokenAsync(admin, "/redaktion/innehall-som-filer");
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        content.Add(new ByteArrayContent(data), "file", "usync.zip");

        using var response = await admin.PostAsync(new Uri("/redaktion/innehall-som-filer?handler=Upload", UriKind.Relative), content);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, what);
        StringAssert.Contains(await MainTextAsync(response), "Filen är ingen giltig zip-fil", what);
    }

    /// <summary>Writes a story's latest version as an older release (or a bug) could have left it.</summary>
    private static async Task<(Guid Id, string Slug, string OriginalJson)> StoryWithStoredJsonAsync(string title, Func<JsonObject, JsonNode> change, bool reindex)
    {
        using var editor = await Factory.BearerClientAsync(SecurityPortal.EmailOf(PortalRoles.Editor));
        var id = await CreateStoryAsync(editor, title);
        string original = "", slug = "";
        await Factory.WithDbAsync(async db =>
        {
            var item = await db.ContentItems.SingleAsync(i => i.Id == id);
            slug = item.Slug;
            original = await db.ContentVersions.Where(v => v.Id == item.LatestVersionId).Select(v => v.DocumentJson).SingleAsync();
            var json = change(JsonNode.Parse(original)!.AsObject()).ToJsonString();
            await db.ContentVersions.Where(v => v.Id == item.LatestVersionId).ExecuteUpdateAsync(s => s.SetProperty(v => v.DocumentJson, json));
            if (reindex)
            {
                await db.ContentItems.Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.ConcurrencyStamp, Guid.NewGuid()));
            }
        });
        return (id, slug, original);
    }

    [TestMethod]
    public async Task A_stored_version_with_null_entries_is_shown_with_a_message_and_breaks_nothing_for_others()
    {
        var (id, slug, original) = await StoryWithStoredJsonAsync("Gammal rad med nollor", json =>
        {
            json["roles"]!["actors"] = new JsonArray((JsonNode?)null, new JsonObject { ["name"] = "Kvar" });
            json["tags"] = new JsonArray((JsonNode?)null);
            return json;
        }, reindex: true);
        var editor = portal.Clients[PortalRoles.Editor];
        try
        {
            var list = await editor.GetPageAsync("/redaktion/innehall");
            var search = await editor.GetPageAsync("/redaktion/innehall?q=nollor");
            var preview = await editor.GetPageAsync($"/redaktion/innehall/{id}/forhandsgranska");
            var edit = await editor.GetPageAsync($"/redaktion/innehall/{id}/redigera");
            await editor.GetPageAsync($"/redaktion/innehall/{id}");

            StringAssert.Contains(list.MainText(), "Gammal rad med nollor");
            StringAssert.Contains(search.MainText(), "Gammal rad med nollor");
            const string notice = "Den sparade versionen har tomma värden (null) i roles.actors[0], tags[0].";
            StringAssert.Contains(preview.MainText(), notice);
            StringAssert.Contains(preview.MainText(), "Kvar");
            StringAssert.Contains(edit.MainText(), notice);
            Assert.AreEqual("Kvar", edit.QuerySelector("#f-roles-actors-0-name")?.GetAttribute("value"));

            using var bearer = await Factory.BearerClientAsync(SecurityPortal.EmailOf(PortalRoles.Editor));
            using var reviewer = await Factory.BearerClientAsync(SecurityPortal.EmailOf(PortalRoles.Reviewer));
            Assert.AreEqual("inReview", await ActOkAsync(bearer, id, "submit"));
            Assert.AreEqual("published", await ActOkAsync(reviewer, id, "approve"));
            Assert.AreEqual("Gammal rad med nollor", await PublicStoryTextAsync(Factory, slug));
            var results = await Factory.CreateClient().GetStringAsync(new Uri("/sok?q=nollor", UriKind.Relative));
            StringAssert.Contains(results, "Gammal rad med nollor");
        }
        finally
        {
            // Other tests start their stories from the newest published one.
            await Factory.WithDbAsync(db => db.ContentVersions
                .Where(v => v.ItemId == id).ExecuteUpdateAsync(s => s.SetProperty(v => v.DocumentJson, original)));
        }
    }

    [TestMethod]
    public async Task A_stored_version_that_cannot_be_read_is_explained_on_its_preview_and_edit_pages()
    {
        var (id, _, original) = await StoryWithStoredJsonAsync("Oläslig gammal rad", json =>
        {
            json["roles"] = new JsonObject { ["actors"] = 5 };
            return json;
        }, reindex: false);
        var editor = portal.Clients[PortalRoles.Editor];
        try
        {
            var preview = await editor.GetPageAsync($"/redaktion/innehall/{id}/forhandsgranska");
            var edit = await editor.GetPageAsync($"/redaktion/innehall/{id}/redigera");
            await editor.GetPageAsync($"/redaktion/innehall/{id}");

            StringAssert.Contains(preview.MainText(), "Den sparade versionen kan inte läsas (fältet roles.actors)");
            StringAssert.Contains(edit.MainText(), "Den sparade versionen kan inte läsas (fältet roles.actors)");
            Assert.IsNull(edit.QuerySelector("form#editor-form"));
        }
        finally
        {
            await Factory.WithDbAsync(db => db.ContentVersions
                .Where(v => v.ItemId == id).ExecuteUpdateAsync(s => s.SetProperty(v => v.DocumentJson, original)));
        }
    }
}
