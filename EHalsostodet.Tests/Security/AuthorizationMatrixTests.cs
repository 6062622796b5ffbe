using System.Net;
using System.Text;
using EHalsostodet.Tests.Infrastructure;

namespace EHalsostodet.Tests.Security;

/// <summary>
/// Every route of the running portal × {anonymous, Medlem, Redaktör, Granskare, Administratör}: the
/// status each gets. Routes are read from the endpoint data source, so a new route without a row
/// fails this test with the row to add.
/// </summary>
/// <remarks>
/// A row is one line: the route as mapped ("METHOD pattern"), the URL to request with
/// {placeholders} for seeded values (see <see cref="SecurityPortal"/>), and the expected outcome per
/// role in the order anonymous, Medlem, Redaktör, Granskare, Administratör:
/// a status code; <c>login</c> / <c>mlogin</c> for a redirect to the back-office / member login form;
/// <c>denied</c> for the redirect to the 403 page; <c>ok</c> for any answer that is not a refusal
/// (a state-changing call with an empty body may be invalid, but it is not refused); <c>-</c> for
/// not requested (a state-changing call that role may make and that would change the seed).
/// Requests other than GET send the body <c>{}</c> as JSON, or an empty multipart form when the URL starts with "form ".
/// </remarks>
[TestClass]
public sealed class AuthorizationMatrixTests : SecurityTestClass<AuthorizationMatrixTests>
{
    private const string Public = "200 200 200 200 200";
    private const string MemberPage = "mlogin 200 200 200 200";
    private const string OwnerOnly = "mlogin 200 404 404 404";
    private const string EditorPage = "login denied 200 200 200";
    private const string AdminPage = "login denied denied denied 200";
    private const string SignedInApi = "401 200 200 200 200";
    private const string EditorApi = "401 403 200 200 200";

    internal static IReadOnlyList<(string Route, string? Url, string Expected)> MatrixRows => Rows;

    private static readonly (string Route, string? Url, string Expected)[] Rows =
    [
        // Public site
        ("GET /", null, Public),
        ("GET /berattelser", null, Public),
        ("GET /berattelser/{slug}", "/berattelser/{story}", Public),
        ("GET /berattelser/{slug}/qr.svg", "/berattelser/{story}/qr.svg", Public),
        ("HEAD /berattelser/{slug}/qr.svg", "/berattelser/{story}/qr.svg", Public),
        ("GET /berattelser/{slug}/{format:regex(^(pdf|pptx|docx)$)}", "/berattelser/{story}/pdf", Public),
        ("GET /berattelser/{slug}/kortversion/pdf", "/berattelser/{story}/kortversion/pdf", Public),
        ("GET /samlingar", null, Public),
        ("GET /samlingar/{slug}", "/samlingar/{collection}", Public),
        ("GET /samlingar/{slug}/feed", "/samlingar/{collection}/feed", Public),
        ("GET /samlingar/{slug}/pdf", "/samlingar/{collection}/pdf", Public),
        ("GET /samlingar/{slug}/qr.svg", "/samlingar/{collection}/qr.svg", Public),
        ("HEAD /samlingar/{slug}/qr.svg", "/samlingar/{collection}/qr.svg", Public),
        ("GET /taggar", null, Public),
        ("GET /taggar/{slug}", "/taggar/{tag}", Public),
        ("GET /taggar/{slug}/feed", "/taggar/{tag}/feed", Public),
        ("GET /kunskapshojande-initiativ", null, Public),
        ("GET /kunskapshojande-initiativ/{slug}", "/kunskapshojande-initiativ/{initiative}", Public),
        ("GET /{slug:regex(^[a-z0-9-]+$)}", "/{page}", Public),
        ("GET /sok", "/sok?q=larm", Public),
        ("GET /skriv-till-oss", null, Public),
        ("GET /skriv-till-oss/skickat", null, Public),
        ("GET /fel/{code:int?}", "/fel/404", "404 404 404 404 404"),
        ("GET /media/{id:guid}/{variant}", "/media/{media}/original", Public),
        ("GET /{**path:file}", "/finns-inte.txt", "404 404 404 404 404"),
        ("HEAD /{**path:file}", "/finns-inte.txt", "404 404 404 404 404"),
        ("GET /avsluta-prenumeration/{token}", "/avsluta-prenumeration/{unsubscribeToken}", Public),
        ("GET /delad-samling/{token}", "/delad-samling/{collectionToken}", Public),
        ("GET /delad-samling/{token}/pdf", "/delad-samling/{collectionToken}/pdf", Public),
        ("GET /delad-samling/{token}/qr.svg", "/delad-samling/{collectionToken}/qr.svg", Public),
        ("HEAD /delad-samling/{token}/qr.svg", "/delad-samling/{collectionToken}/qr.svg", Public),
        ("GET /delad-handlingsplan/{token}", "/delad-handlingsplan/{planToken}", Public),
        ("GET /delad-handlingsplan/{token}/{format:regex(^(pdf|docx)$)}", "/delad-handlingsplan/{planToken}/docx", Public),

        // Member pages
        ("GET /mina-sidor", null, MemberPage),
        ("GET /mina-sidor/logga-in", null, Public),
        ("GET /mina-sidor/logga-ut", null, Public),
        ("GET /mina-sidor/registrera", null, Public),
        ("GET /mina-sidor/bekrafta", null, Public),
        ("GET /mina-sidor/glomt-losenord", null, Public),
        ("GET /mina-sidor/aterstall-losenord", null, Public),
        ("GET /mina-sidor/profil", null, MemberPage),
        ("GET /mina-sidor/installningar", null, MemberPage),
        ("GET /mina-sidor/notiser", null, MemberPage),
        ("GET /mina-sidor/sparat", null, MemberPage),
        ("GET /mina-sidor/spara/{id:guid}", "/mina-sidor/spara/{storyId}", MemberPage),
        ("GET /mina-sidor/mina-uppgifter", null, MemberPage),
        ("GET /mina-sidor/samlingar", null, MemberPage),
        ("GET /mina-sidor/samlingar/{id:guid}", "/mina-sidor/samlingar/{ownCollection}", OwnerOnly),
        ("GET /mina-sidor/samlingar/{id:guid}/pdf", "/mina-sidor/samlingar/{ownCollection}/pdf", OwnerOnly),
        ("GET /mina-sidor/handlingsplaner", null, MemberPage),
        ("GET /mina-sidor/handlingsplaner/{id:guid}", "/mina-sidor/handlingsplaner/{plan}", OwnerOnly),
        ("GET /mina-sidor/handlingsplaner/{id:guid}/{format:regex(^(pdf|docx)$)}", "/mina-sidor/handlingsplaner/{plan}/pdf", OwnerOnly),

        // Back office
        ("GET /redaktion/logga-in", null, Public),
        ("GET /redaktion/logga-ut", null, EditorPage),
        ("GET /redaktion", null, EditorPage),
        ("GET /redaktion/innehall", null, EditorPage),
        ("GET /redaktion/innehall/ny/{type}", "/redaktion/innehall/ny/story", EditorPage),
        ("GET /redaktion/innehall/{id:guid}", "/redaktion/innehall/{storyId}", EditorPage),
        ("GET /redaktion/innehall/{id:guid}/forhandsgranska/{version:int?}", "/redaktion/innehall/{storyId}/forhandsgranska", EditorPage),
        ("GET /redaktion/innehall/{id:guid}/historik", "/redaktion/innehall/{storyId}/historik", EditorPage),
        ("GET /redaktion/innehall/{id:guid}/jamfor", "/redaktion/innehall/{storyId}/jamfor", EditorPage),
        ("GET /redaktion/innehall/{id:guid}/redigera", "/redaktion/innehall/{storyId}/redigera", EditorPage),
        ("GET /redaktion/innehall/{id:guid}/konflikt", "/redaktion/innehall/{storyId}/konflikt", EditorPage),
        ("GET /redaktion/insikter", null, EditorPage),
        ("GET /redaktion/insikter/innehall/{id:guid}", "/redaktion/insikter/innehall/{storyId}", EditorPage),
        ("GET /redaktion/sokningar-utan-traffar", null, EditorPage),
        ("GET /redaktion/sokning", null, EditorPage),
        ("GET /redaktion/taggar", null, EditorPage),
        ("GET /redaktion/meddelanden", null, EditorPage),
        ("GET /redaktion/lankar", null, EditorPage),
        ("GET /redaktion/media", null, EditorPage),
        ("GET /redaktion/media/{id:guid}", "/redaktion/media/{media}", EditorPage),
        ("GET /redaktion/anvandare", null, AdminPage),
        ("GET /redaktion/anvandare/ny", null, AdminPage),
        ("GET /redaktion/granskningslogg", null, AdminPage),
        ("GET /redaktion/innehall-som-filer", null, AdminPage),

        // Search API and the API description
        ("GET /api/v1/search", "/api/v1/search?q=larm", Public),
        ("GET /api/v1/search/suggest", "/api/v1/search/suggest?q=lar", Public),
        ("GET /api/openapi/{documentName}.json", "/api/openapi/v1.json", Public),

        // Sign-in API: bearer tokens; there is no self-registration or account management here.
        // Logging out ends every session of the account, so only the anonymous call is made.
        ("POST /api/auth/login", null, "ok ok ok ok ok"),
        ("POST /api/auth/refresh", null, "ok ok ok ok ok"),
        ("POST /api/auth/logout", null, "401 - - - -"),

        // Management API
        // The read-only delivery API, search engines' files and health checks are open to all.
        ("GET /api/delivery/v1/collections", null, Public),
        ("HEAD /api/delivery/v1/collections", null, Public),
        ("GET /api/delivery/v1/collections/{slug}", "/api/delivery/v1/collections/{collection}", Public),
        ("HEAD /api/delivery/v1/collections/{slug}", "/api/delivery/v1/collections/{collection}", Public),
        ("GET /api/delivery/v1/collections/{slug}/stories", "/api/delivery/v1/collections/{collection}/stories", Public),
        ("HEAD /api/delivery/v1/collections/{slug}/stories", "/api/delivery/v1/collections/{collection}/stories", Public),
        ("GET /api/delivery/v1/content/{id:guid}", "/api/delivery/v1/content/{storyId}", Public),
        ("HEAD /api/delivery/v1/content/{id:guid}", "/api/delivery/v1/content/{storyId}", Public),
        ("GET /api/delivery/v1/initiatives", null, Public),
        ("HEAD /api/delivery/v1/initiatives", null, Public),
        ("GET /api/delivery/v1/initiatives/{slug}", "/api/delivery/v1/initiatives/{initiative}", Public),
        ("HEAD /api/delivery/v1/initiatives/{slug}", "/api/delivery/v1/initiatives/{initiative}", Public),
        ("GET /api/delivery/v1/pages", null, Public),
        ("HEAD /api/delivery/v1/pages", null, Public),
        ("GET /api/delivery/v1/pages/{slug}", "/api/delivery/v1/pages/{page}", Public),
        ("HEAD /api/delivery/v1/pages/{slug}", "/api/delivery/v1/pages/{page}", Public),
        ("GET /api/delivery/v1/search", "/api/delivery/v1/search?q=larm", Public),
        ("HEAD /api/delivery/v1/search", "/api/delivery/v1/search?q=larm", Public),
        ("GET /api/delivery/v1/stories", null, Public),
        ("HEAD /api/delivery/v1/stories", null, Public),
        ("GET /api/delivery/v1/stories/{slug}", "/api/delivery/v1/stories/{story}", Public),
        ("HEAD /api/delivery/v1/stories/{slug}", "/api/delivery/v1/stories/{story}", Public),
        ("GET /api/delivery/v1/tags", null, Public),
        ("HEAD /api/delivery/v1/tags", null, Public),
        ("GET /api/delivery/v1/tags/{slug}", "/api/delivery/v1/tags/{tag}", Public),
        ("HEAD /api/delivery/v1/tags/{slug}", "/api/delivery/v1/tags/{tag}", Public),
        ("GET /health/live", null, Public),
        ("GET /health/ready", null, Public),
        ("GET /robots.txt", null, Public),
        ("GET /sitemap.xml", null, Public),
        ("GET /api/management/v1/content", null, EditorApi),
        ("POST /api/management/v1/content", null, "401 403 ok ok ok"),
        ("GET /api/management/v1/content/{id:guid}", "/api/management/v1/content/{storyId}", EditorApi),
        ("PUT /api/management/v1/content/{id:guid}", "/api/management/v1/content/{storyId}", "401 403 - - -"),
        ("GET /api/management/v1/content/{id:guid}/versions", "/api/management/v1/content/{storyId}/versions", EditorApi),
        ("GET /api/management/v1/content/{id:guid}/versions/{from:int}/diff/{to:int}", "/api/management/v1/content/{storyId}/versions/1/diff/1", EditorApi),
        ("POST /api/management/v1/content/{id:guid}/versions/{version:int}/rollback", "/api/management/v1/content/{storyId}/versions/1/rollback", "401 403 - - -"),
        ("POST /api/management/v1/content/{id:guid}/workflow/{action}", "/api/management/v1/content/{storyId}/workflow/unpublish", "401 403 - - -"),
        ("GET /api/management/v1/media", null, EditorApi),
        // A cookie upload also needs an antiforgery token (403 without; see AntiforgeryTests): refused roles only.
        ("POST /api/management/v1/media", "form /api/management/v1/media", "401 403 - - -"),
        ("DELETE /api/management/v1/media/{id:guid}", "/api/management/v1/media/{unknown}", "401 403 404 404 404"),
        ("POST /api/management/v1/users", null, "401 403 403 403 ok"),
        ("PUT /api/management/v1/users/{id}/role", "/api/management/v1/users/{unknown}/role", "401 403 403 403 404"),
        ("POST /api/management/v1/users/{id}/lock", "/api/management/v1/users/{unknown}/lock", "401 403 403 403 404"),
        ("POST /api/management/v1/users/{id}/unlock", "/api/management/v1/users/{unknown}/unlock", "401 403 403 403 404"),

        // The signed-in account's own data
        ("GET /api/v1/me", null, SignedInApi),
        ("PUT /api/v1/me", null, "401 - - - -"),
        ("DELETE /api/v1/me", null, "401 - - - -"),
        ("GET /api/v1/me/export", null, SignedInApi),
        ("GET /api/v1/me/settings", null, SignedInApi),
        ("PUT /api/v1/me/settings", null, "401 ok ok ok ok"),
        ("GET /api/v1/me/notifications", null, SignedInApi),
        ("POST /api/v1/me/notifications/read-all", null, "401 ok ok ok ok"),
        ("POST /api/v1/me/notifications/{id:guid}/read", "/api/v1/me/notifications/{unknown}/read", "401 404 404 404 404"),
        ("GET /api/v1/me/saved", null, SignedInApi),
        ("PUT /api/v1/me/saved/{itemId:guid}", "/api/v1/me/saved/{storyId}", "401 ok ok ok ok"),
        ("DELETE /api/v1/me/saved/{itemId:guid}", "/api/v1/me/saved/{storyId}", "401 ok ok ok ok"),
        ("GET /api/v1/me/follows", null, SignedInApi),
        ("PUT /api/v1/me/follows/{kind}/{target}", "/api/v1/me/follows/tag/{tag}", "401 ok ok ok ok"),
        ("DELETE /api/v1/me/follows/{kind}/{target}", "/api/v1/me/follows/tag/{tag}", "401 ok ok ok ok"),
        ("GET /api/v1/me/collections", null, SignedInApi),
        ("POST /api/v1/me/collections", null, "401 ok ok ok ok"),
        ("GET /api/v1/me/collections/{id:guid}", "/api/v1/me/collections/{ownCollection}", "401 200 404 404 404"),
        ("PUT /api/v1/me/collections/{id:guid}", "/api/v1/me/collections/{ownCollection}", "401 - 404 404 404"),
        ("DELETE /api/v1/me/collections/{id:guid}", "/api/v1/me/collections/{ownCollection}", "401 - 404 404 404"),
        ("POST /api/v1/me/collections/{id:guid}/share", "/api/v1/me/collections/{ownCollection}/share", "401 - 404 404 404"),
        ("DELETE /api/v1/me/collections/{id:guid}/share", "/api/v1/me/collections/{ownCollection}/share", "401 - 404 404 404"),
    ];


    [TestMethod]
    public async Task Every_route_answers_each_role_as_the_matrix_says()
    {
        var rows = Rows.ToDictionary(r => r.Route, StringComparer.Ordinal);
        var routes = PortalRoutes.All(Factory.Services);
        var problems = new List<string>();

        var missing = routes.Where(r => !rows.ContainsKey(r.ToString())).ToList();
        var stale = rows.Keys.Where(k => routes.All(r => r.ToString() != k)).ToList();
        foreach (var row in stale)
        {
            problems.Add($"Raden \"{row}\" motsvarar ingen route i portalen längre: ta bort eller rätta den.");
        }

        foreach (var (route, url, expected) in rows.Values.Where(r => !stale.Contains(r.Route)))
        {
            var method = route[..route.IndexOf(' ', StringComparison.Ordinal)];
            var target = Portal.Url(url ?? route[(method.Length + 1)..]);
            var expectations = expected.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.HasCount(SecurityPortal.Roles.Length, expectations, $"raden för {route}");
            for (var i = 0; i < SecurityPortal.Roles.Length; i++)
            {
                if (expectations[i] == "-")
                {
                    continue;
                }
                var actual = await OutcomeAsync(Portal.Clients[SecurityPortal.Roles[i]], method, target);
                if (!Matches(expectations[i], actual))
                {
                    problems.Add($"{method} {target} som {SecurityPortal.Roles[i]}: väntade {expectations[i]}, fick {actual}");
                }
            }
        }

        foreach (var route in missing)
        {
            var method = route.Method;
            var outcomes = new List<string>();
            foreach (var role in SecurityPortal.Roles)
            {
                outcomes.Add(method == "GET" && !route.Pattern.Contains('{', StringComparison.Ordinal)
                    ? await OutcomeAsync(Portal.Clients[role], method, route.Pattern)
                    : "?");
            }
            problems.Add($"Ny route utan förväntan i behörighetsmatrisen: lägg till en rad i {nameof(AuthorizationMatrixTests)}.{nameof(Rows)}, t.ex.\n" +
                         $"        (\"{route}\", null, \"{string.Join(' ', outcomes)}\"),");
        }

        Assert.IsEmpty(problems, "\n" + string.Join("\n", problems));
    }

    [TestMethod]
    public async Task A_page_refuses_a_post_to_every_role_it_refuses_a_get_even_with_a_valid_antiforgery_token()
    {
        var pages = PortalRoutes.All(Factory.Services).Where(r => r.IsPage).Select(r => r.ToString()).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var role in SecurityPortal.Roles)
        {
            tokens[role] = await Forms.TokenAsync(Portal.Clients[role], "/mina-sidor/glomt-losenord");
        }
        var refused = 0;
        foreach (var (route, url, expected) in Rows.Where(r => pages.Contains(r.Route)))
        {
            var target = Portal.Url(url ?? route[4..]);
            var expectations = expected.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < SecurityPortal.Roles.Length; i++)
            {
                if (expectations[i] is not ("login" or "mlogin" or "denied"))
                {
                    continue;
                }
                var role = SecurityPortal.Roles[i];
                using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", tokens[role])]);
                using var response = await Portal.Clients[role].PostAsync(new Uri(target, UriKind.Relative), content);
                var actual = Describe(response);
                refused++;
                if (actual != expectations[i])
                {
                    problems.Add($"POST {target} som {role}: väntade {expectations[i]}, fick {actual}");
                }
            }
        }
        Assert.IsGreaterThan(40, refused, "the matrix has refused page requests to check");
        Assert.IsEmpty(problems, "\n" + string.Join("\n", problems));
    }

    private static bool Matches(string expected, string actual) => expected switch
    {
        "ok" => actual is not ("401" or "403" or "login" or "mlogin" or "denied"),
        _ => expected == actual,
    };

    /// <summary>The status, or what a redirect means: login, mlogin, denied, or "302 → address" for any other.</summary>
    internal static async Task<string> OutcomeAsync(HttpClient client, string method, string url)
    {
        var form = url.StartsWith("form ", StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(form ? url[5..] : url, UriKind.Relative));
        if (form)
        {
            request.Content = new MultipartFormDataContent { { new StringContent(""), "alt" } };
        }
        else if (method is not ("GET" or "HEAD"))
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }
        using var response = await client.SendAsync(request);
        return Describe(response);
    }

    private static string Describe(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status is >= 300 and < 400 && response.Headers.Location is { } location)
        {
            var path = location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];
            return path switch
            {
                "/redaktion/logga-in" => "login",
                "/mina-sidor/logga-in" => "mlogin",
                "/fel/403" => "denied",
                _ => $"{status}→{path}",
            };
        }
        return status.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
