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
public sealed class HostileInputTests : SecurityTestClass<HostileInputTests>
{
    private static int accounts;

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
        var url = Portal.Url("/avsluta-prenumeration/{unsubscribeToken}");

        using var response = await client.PostAsync(new Uri(url, UriKind.Relative),
            Multipart("--gräns\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click"));

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        StringAssert.Contains(await MainTextAsync(response), "Felaktig begäran");
        var frequency = await Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().MemberProfiles
            .Where(p => p.UserId == Portal.MemberId).Select(p => p.MailFrequency).SingleAsync());
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
    public async Task Text_with_the_nul_character_is_a_400_on_both_databases_never_a_500()
    {
        var (email, _) = await NewMemberAsync();
        using var bearer = await Factory.BearerClientAsync(email);
        using var cookie = await Factory.SignInAsync(email);
        using var editor = await Factory.BearerClientAsync(SecurityPortal.EmailOf(PortalRoles.Editor));
        var document = await NewStoryDocumentAsync(editor, "Titel med NUL");
        document["title"] = "Titel med\u0000NUL";

        using var me = await bearer.PutAsync(new Uri("/api/v1/me", UriKind.Relative), Json("""{"displayName":"Namn med\u0000NUL"}"""));
        using var story = await editor.PostAsJsonAsync($"{Prefix}/content", new { type = "story", document });
        using var form = await Forms.PostAsync(cookie, "/mina-sidor/profil", new Dictionary<string, string> { ["DisplayName"] = "Namn med\0NUL" });
        using var forgot = await Factory.CreateBrowserClient().PostAsync(new Uri("/api/auth/forgotPassword", UriKind.Relative), Json("""{"email":"a\u0000@example.se"}"""));

        StringAssert.Contains((await ProblemAsync(me, HttpStatusCode.BadRequest)).Detail(), "tecknet NUL");
        var problem = await ProblemAsync(story, HttpStatusCode.BadRequest);
        StringAssert.Contains(problem["errors"]!["title"]![0]!.GetValue<string>(), "innehåller tecknet NUL");
        Assert.AreEqual(HttpStatusCode.BadRequest, form.StatusCode);
        StringAssert.Contains(await MainTextAsync(form), "otillåtna tecken");
        Assert.IsLessThan(500, (int)forgot.StatusCode);
    }

    [TestMethod]
    public async Task The_story_form_refuses_a_row_without_a_name_through_the_one_validator()
    {
        var client = Portal.Clients[PortalRoles.Editor];
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
        await Factory.WithScopeAsync(s => s.GetRequiredService<MemberAccountDeleter>().DeleteAsync(id, PortalFactory.Password, "127.0.0.1", CancellationToken.None));
        var saved = Portal.Url("/api/v1/me/saved/{storyId}");

        var responses = new List<(string What, HttpResponseMessage Response)>
        {
            ("spara (token)", await bearer.PutAsync(new Uri(saved, UriKind.Relative), null)),
            ("följ (token)", await bearer.PutAsync(new Uri(Portal.Url("/api/v1/me/follows/tag/{tag}"), UriKind.Relative), null)),
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
        var cookie = Portal.Clients[PortalRoles.Editor];
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
        var admin = Portal.Clients[PortalRoles.Administrator];
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
        var editor = Portal.Clients[PortalRoles.Editor];
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
            using var anonymous = Factory.CreateClient();
            StringAssert.Contains(await anonymous.GetStringAsync(new Uri("/sok?q=nollor", UriKind.Relative)), "Gammal rad med nollor");
            foreach (var url in new[] { $"/berattelser/{slug}/pdf", $"/berattelser/{slug}/docx", $"/api/delivery/v1/stories/{slug}" })
            {
                using var response = await anonymous.GetAsync(new Uri(url, UriKind.Relative));
                Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, url);
            }
        }
        finally
        {
            // Other tests start their stories from the newest published one.
            await Factory.WithDbAsync(db => db.ContentVersions
                .Where(v => v.ItemId == id).ExecuteUpdateAsync(s => s.SetProperty(v => v.DocumentJson, original)));
        }
    }

    [TestMethod]
    public async Task A_stored_version_that_cannot_be_read_is_explained_on_its_pages_and_breaks_no_list()
    {
        var (id, _, original) = await StoryWithStoredJsonAsync("Oläslig gammal rad", json =>
        {
            json["roles"] = new JsonObject { ["actors"] = 5 };
            return json;
        }, reindex: true);
        var editor = Portal.Clients[PortalRoles.Editor];
        try
        {
            var preview = await editor.GetPageAsync($"/redaktion/innehall/{id}/forhandsgranska");
            var edit = await editor.GetPageAsync($"/redaktion/innehall/{id}/redigera");
            await editor.GetPageAsync($"/redaktion/innehall/{id}");
            var list = await editor.GetPageAsync("/redaktion/innehall");
            var search = await editor.GetPageAsync("/redaktion/innehall?q=larm");

            StringAssert.Contains(preview.MainText(), "Den sparade versionen kan inte läsas (fältet roles.actors)");
            StringAssert.Contains(edit.MainText(), "Den sparade versionen kan inte läsas (fältet roles.actors)");
            Assert.IsNull(edit.QuerySelector("form#editor-form"));
            StringAssert.Contains(list.MainText(), "Oläslig gammal rad");
            Assert.IsNotEmpty(search.QuerySelectorAll("main table tbody tr"), "the search finds the other items");
        }
        finally
        {
            await Factory.WithDbAsync(async db =>
            {
                await db.ContentVersions.Where(v => v.ItemId == id).ExecuteUpdateAsync(s => s.SetProperty(v => v.DocumentJson, original));
                await db.ContentItems.Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.ConcurrencyStamp, Guid.NewGuid()));
            });
        }
    }
}

/// <summary>
/// A corpus of hostile values (NUL, invalid UTF-8 percent-encodings, 100,000 characters, broken JSON,
/// wrong content types, huge and negative numbers) sent to every route, every query, every form of
/// every page and every field of every API body, each as a role that may use it. Every answer is
/// below 500, and every API error with a body is problem details.
/// </summary>
[TestClass]
public sealed class HostileInputCorpusTests : SecurityTestClass<HostileInputCorpusTests>
{
    /// <summary>As the values travel in a URL or a form body: percent-encoded where they are not plain text.</summary>
    private static readonly (string Name, string Encoded)[] EncodedValues =
    [
        ("NUL", "%00"),
        ("NUL inuti", "a%00b"),
        ("överlång UTF-8", "%C0%AF"),
        ("ogiltig UTF-8", "%FF%FE"),
        ("kodad surrogat", "%ED%A0%80"),
        ("avhuggen UTF-8", "%E2%82"),
        ("trasig procentkod", "%zz%"),
        ("100 000 tecken", new string('a', 100_000)),
        ("negativt", "-1"),
        ("stort negativt", "-99999999999999999999"),
        ("enormt tal", "99999999999999999999999999999999"),
        ("1e400", "1e400"),
        ("skript", "%3Cscript%3Ealert(1)%3C%2Fscript%3E"),
        ("sökväg", "..%2F..%2Fetc%2Fpasswd"),
    ];

    /// <summary>One field's value in a JSON body.</summary>
    private static readonly (string Name, string Json)[] JsonValues =
    [
        ("NUL", "\"a\\u0000b\""),
        ("ensam surrogat", "\"\\ud800\""),
        ("100 000 tecken", "\"" + new string('a', 100_000) + "\""),
        ("1e400", "1e400"),
        ("enormt heltal", "99999999999999999999999999999999"),
        ("negativt", "-1"),
        ("objekt", "{}"),
        ("lista med null", "[null]"),
        ("sant", "true"),
    ];

    private static readonly (string Name, string? ContentType, byte[] Body)[] BrokenBodies =
    [
        ("trasig JSON", "application/json", "{\"a\":"u8.ToArray()),
        ("bara null", "application/json", "null"u8.ToArray()),
        ("tom lista", "application/json", "[]"u8.ToArray()),
        ("bara text", "application/json", "\"text\""u8.ToArray()),
        ("10 000 nivåer", "application/json", Encoding.ASCII.GetBytes(new string('[', 10_000) + new string(']', 10_000))),
        ("ogiltig UTF-8", "application/json", [0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xFF, 0xFE, 0x00, 0x22, 0x7D]),
        ("text/plain", "text/plain", "{}"u8.ToArray()),
        ("formulär", "application/x-www-form-urlencoded", "a=%FF%00"u8.ToArray()),
        ("XML", "application/xml", "<a/>"u8.ToArray()),
        ("ostängd multipart", "multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx"u8.ToArray()),
        ("multipart utan gräns", "multipart/form-data", "--b\r\n"u8.ToArray()),
        ("ingen innehållstyp", null, "{}"u8.ToArray()),
    ];

    /// <summary>Every query parameter the portal reads, and some it does not.</summary>
    private static readonly string[] QueryNames =
    [
        "q", "typ", "type", "status", "sida", "page", "tag", "kommun", "lan", "omrade", "fran", "till", "anvandare", "objekt", "ta-bort",
        "handler", "ReturnUrl", "returnUrl", "userId", "code", "email", "limit", "offset", "pageSize", "version", "format", "sort",
        "operationalArea", "outcome", "municipality", "county", "municipalityGroup", "processStep", "benefitTarget",
        "initiativeArea", "targetGroup", "subArea", "organisation", "sector", "amne",
    ];

    private static readonly Dictionary<string, HttpClient> Bearers = new(StringComparer.Ordinal);

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        Bearers[SecurityPortal.Anonymous] = Kept(Factory.CreateBrowserClient());
        foreach (var role in SecurityPortal.Roles.Skip(1))
        {
            Bearers[role] = Kept(await Factory.BearerClientAsync(SecurityPortal.EmailOf(role)));
        }
    }

    /// <summary>The first role the authorisation matrix lets through, and the route's method and URL.</summary>
    private static IEnumerable<(string Method, string Pattern, string Url, string Role)> Routes(Func<string, bool> method)
    {
        foreach (var (route, url, expected) in AuthorizationMatrixTests.MatrixRows)
        {
            var verb = route[..route.IndexOf(' ', StringComparison.Ordinal)];
            var pattern = route[(verb.Length + 1)..];
            var outcomes = expected.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var allowed = Array.FindIndex(outcomes, o => o is not ("401" or "403" or "404" or "login" or "mlogin" or "denied"));
            if (method(verb) && allowed >= 0)
            {
                yield return (verb, pattern, Portal.Url(url ?? pattern), SecurityPortal.Roles[allowed]);
            }
        }
    }

    /// <summary>What the corpus got back: every answer of 500 or more, and how many answers came from past the sign-in checks.</summary>
    private sealed class CorpusRun
    {
        private readonly List<string> failures = [];
        private readonly Dictionary<int, int> statuses = [];
        private int requests;

        public async Task CheckAsync(string what, HttpResponseMessage response)
        {
            requests++;
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (status >= 500)
            {
                var body = await response.Content.ReadAsStringAsync();
                failures.Add($"{what}: {status} {body[..Math.Min(200, body.Length)]}");
            }
            else if (status >= 400 && what.Contains(" /api/", StringComparison.Ordinal) &&
                     response.Content.Headers.ContentLength is not 0 &&
                     response.Content.Headers.ContentType?.MediaType is { } type && type != "application/problem+json")
            {
                failures.Add($"{what}: {status} med {type} i stället för problem details");
            }
        }

        public void AssertNoServerErrors()
        {
            var summary = string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"));
            var refused = statuses.Where(s => s.Key is 401 or 403 or 405).Sum(s => s.Value);
            Assert.IsGreaterThan(100, requests, summary);
            Assert.IsLessThan(requests / 4, refused, $"the corpus got past the sign-in checks: {summary}");
            Assert.IsEmpty(failures, $"{failures.Count} av {requests} svar ({summary}):\n" + string.Join("\n", failures.Take(60)));
        }
    }

    /// <summary>The bytes a percent-encoded value stands for, invalid UTF-8 and all.</summary>
    private static byte[] Decode(string encoded)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < encoded.Length; i++)
        {
            if (encoded[i] == '%' && i + 2 < encoded.Length && byte.TryParse(encoded.AsSpan(i + 1, 2), System.Globalization.NumberStyles.HexNumber, null, out var value))
            {
                bytes.Add(value);
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(encoded[i].ToString()));
            }
        }
        return [.. bytes];
    }

    [TestMethod]
    public async Task Every_route_and_query_answers_hostile_values_below_500()
    {
        var run = new CorpusRun();
        foreach (var (method, pattern, url, role) in Routes(m => m == "GET"))
        {
            var client = url.StartsWith("/api/", StringComparison.Ordinal) ? Bearers[role] : Portal.Clients[role];
            foreach (var (name, value) in EncodedValues)
            {
                var query = string.Join('&', QueryNames.Select(n => n + "=" + value));
                var withQuery = url.Split('?')[0] + "?" + query;
                using (var response = await client.GetAsync(new Uri(withQuery, UriKind.Relative)))
                {
                    await run.CheckAsync($"GET {pattern}?…={name} som {role}", response);
                }
                if (!pattern.Contains('{', StringComparison.Ordinal) || value.Contains("%00", StringComparison.Ordinal))
                {
                    continue;
                }
                // Each route value in turn (NUL never gets through a URL path: the HTTP server refuses it).
                var segments = pattern.Split('/');
                var filled = url.Split('?')[0].Split('/');
                for (var i = 0; i < segments.Length && i < filled.Length; i++)
                {
                    if (!segments[i].StartsWith('{'))
                    {
                        continue;
                    }
                    var hostile = string.Join('/', filled.Select((s, j) => j == i ? value : s));
                    using var response = await client.GetAsync(new Uri(hostile, UriKind.Relative));
                    await run.CheckAsync($"GET {pattern} med {segments[i]}={name} som {role}", response);
                }
            }
        }
        run.AssertNoServerErrors();
    }

    [TestMethod]
    public async Task Every_form_of_every_page_answers_hostile_values_below_500()
    {
        var run = new CorpusRun();
        foreach (var (_, pattern, url, role) in Routes(m => m == "GET").Where(r => !r.Url.StartsWith("/api/", StringComparison.Ordinal)))
        {
            var client = Portal.Clients[role];
            using var get = await client.GetAsync(new Uri(url, UriKind.Relative));
            if (get.StatusCode != HttpStatusCode.OK || get.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }
            var page = await new HtmlParser().ParseDocumentAsync(await get.Content.ReadAsStringAsync());
            foreach (var form in page.QuerySelectorAll("main form[method='post' i]"))
            {
                var action = form.GetAttribute("action") is { Length: > 0 } a ? a : url;
                if (action.Contains("logga-ut", StringComparison.Ordinal))
                {
                    continue;
                }
                var token = form.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value") ?? "";
                var names = form.QuerySelectorAll("input[name], select[name], textarea[name], button[name]")
                    .Select(e => e.GetAttribute("name")!).Where(n => n != "__RequestVerificationToken").Distinct().ToList();
                var files = form.QuerySelectorAll("input[type='file'][name]").Select(e => e.GetAttribute("name")!).ToHashSet();
                var multipart = string.Equals(form.GetAttribute("enctype"), "multipart/form-data", StringComparison.OrdinalIgnoreCase);
                foreach (var (name, value) in EncodedValues)
                {
                    HttpContent content;
                    if (multipart)
                    {
                        var parts = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
                        foreach (var field in names)
                        {
                            var bytes = new ByteArrayContent(Decode(value));
                            if (files.Contains(field))
                            {
                                parts.Add(bytes, field, value.Length > 200 ? "fil.zip" : value + ".zip");
                            }
                            else
                            {
                                parts.Add(bytes, field);
                            }
                        }
                        content = parts;
                    }
                    else
                    {
                        var body = "__RequestVerificationToken=" + Uri.EscapeDataString(token) + string.Concat(names.Select(n => "&" + Uri.EscapeDataString(n) + "=" + value));
                        content = new StringContent(body, Encoding.ASCII);
                        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
                    }
                    using (content)
                    using (var response = await client.PostAsync(new Uri(action, UriKind.Relative), content))
                    {
                        await run.CheckAsync($"POST {action} (från {pattern}) med {name} som {role}", response);
                    }
                }
                foreach (var (name, contentType, body) in BrokenBodies)
                {
                    using var content = new ByteArrayContent(body);
                    if (contentType is not null)
                    {
                        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
                    }
                    using var response = await client.PostAsync(new Uri(action, UriKind.Relative), content);
                    await run.CheckAsync($"POST {action} (från {pattern}) som {name} som {role}", response);
                }
            }
        }
        foreach (var role in SecurityPortal.Roles.Skip(1))
        {
            using var stillSignedIn = await Portal.Clients[role].GetAsync(new Uri("/api/v1/me", UriKind.Relative));
            Assert.AreEqual(HttpStatusCode.OK, stillSignedIn.StatusCode, $"{role} is still signed in, so the forms were reached");
        }
        run.AssertNoServerErrors();
    }

    [TestMethod]
    public async Task Every_api_answers_hostile_bodies_below_500_with_problem_details()
    {
        var endpoints = Factory.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>().ToList();
        var run = new CorpusRun();
        var story = await SeedStoryAsync();
        foreach (var (method, pattern, url, role) in Routes(m => m is not ("GET" or "HEAD")).Where(r => r.Pattern.StartsWith("/api/", StringComparison.Ordinal)))
        {
            var client = Bearers[role];
            var target = url.StartsWith("form ", StringComparison.Ordinal) ? url[5..] : url;
            var accepts = endpoints
                .Where(e => "/" + (e.RoutePattern.RawText ?? "").Trim('/') == pattern &&
                            e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods.Contains(method) == true)
                .Select(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>())
                .FirstOrDefault();
            var bodies = new List<(string Name, string? ContentType, byte[] Body)>(BrokenBodies);
            if (accepts?.ContentTypes.Any(t => t.StartsWith("multipart/", StringComparison.Ordinal)) == true)
            {
                foreach (var (name, value) in EncodedValues)
                {
                    using var form = new MultipartFormDataContent { { new ByteArrayContent(Decode(value)), "alt" }, { new ByteArrayContent(Decode(value)), "file", value.Length > 200 ? "bild.jpg" : value + ".jpg" } };
                    bodies.Add(($"multipart med {name}", form.Headers.ContentType!.ToString(), await form.ReadAsByteArrayAsync()));
                }
            }
            else if (accepts?.RequestType is { } requestType)
            {
                foreach (var property in requestType.GetProperties())
                {
                    var field = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(property.Name);
                    foreach (var (name, json) in JsonValues)
                    {
                        bodies.Add(($"{field}={name}", "application/json", Encoding.UTF8.GetBytes($"{{\"{field}\":{json}}}")));
                    }
                }
                if (requestType.GetProperty("Document") is not null)
                {
                    bodies.AddRange(DocumentBodies(story, method == "PUT"));
                }
            }
            foreach (var (name, contentType, body) in bodies)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(target, UriKind.Relative)) { Content = new ByteArrayContent(body) };
                if (contentType is not null)
                {
                    request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
                }
                using var response = await client.SendAsync(request);
                await run.CheckAsync($"{method} {pattern} med {name} som {role}", response);
            }
        }
        run.AssertNoServerErrors();
    }

    private static async Task<JsonObject> SeedStoryAsync()
    {
        using var details = await Bearers[PortalRoles.Editor].GetAsync(new Uri(Portal.Url("/api/management/v1/content/{storyId}"), UriKind.Relative));
        return JsonNode.Parse(await details.Content.ReadAsStringAsync())!["document"]!.AsObject();
    }

    /// <summary>The seed story with one text in it at a time replaced by a hostile value.</summary>
    private static IEnumerable<(string Name, string? ContentType, byte[] Body)> DocumentBodies(JsonObject story, bool update)
    {
        var texts = new List<string>();
        void Collect(JsonNode? node, string path)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (key, value) in obj)
                    {
                        Collect(value, path.Length == 0 ? key : $"{path}.{key}");
                    }
                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        Collect(array[i], $"{path}[{i}]");
                    }
                    break;
                case JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String:
                    texts.Add(path);
                    break;
            }
        }
        Collect(story, "");
        foreach (var path in texts)
        {
            foreach (var (name, json) in JsonValues.Take(3))
            {
                var document = story.DeepClone().AsObject();
                document["slug"] = "fientlig-" + Guid.NewGuid().ToString("N")[..8];
                // Put in as text: a lone surrogate cannot go through JsonNode.
                Set(document, path, Placeholder);
                var body = new JsonObject { ["document"] = document };
                if (update)
                {
                    body["baseVersion"] = 1;
                }
                else
                {
                    body["type"] = "story";
                }
                var text = body.ToJsonString().Replace($"\"{Placeholder}\"", json, StringComparison.Ordinal);
                yield return ($"document.{path}={name}", "application/json", Encoding.UTF8.GetBytes(text));
            }
        }
    }

    private const string Placeholder = "__fientligt_värde__";

    private static void Set(JsonNode root, string path, JsonNode? value)
    {
        var parts = System.Text.RegularExpressions.Regex.Split(path, @"\.|(?=\[)").Where(p => p.Length > 0).ToList();
        var node = root;
        for (var i = 0; i < parts.Count - 1; i++)
        {
            node = parts[i].StartsWith('[') ? node[int.Parse(parts[i][1..^1], System.Globalization.CultureInfo.InvariantCulture)]! : node[parts[i]]!;
        }
        if (parts[^1].StartsWith('['))
        {
            node[int.Parse(parts[^1][1..^1], System.Globalization.CultureInfo.InvariantCulture)] = value;
        }
        else
        {
            node[parts[^1]] = value;
        }
    }
}
