using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json.Nodes;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Tests.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.Security;

/// <summary>
/// Every POST handler of every Razor page refuses a request without an antiforgery token, and the
/// APIs, which take the site's cookie as well as bearer tokens, refuse state changes from other sites.
/// </summary>
[TestClass]
public sealed class AntiforgeryTests : SecurityTestClass<AntiforgeryTests>
{
    /// <summary>Pages that take posts without a token on purpose, and why.</summary>
    private static readonly Dictionary<string, string> Exempt = new(StringComparer.Ordinal)
    {
        ["/Error"] = "the error page only re-renders a failed request",
        ["/Unsubscribe/Index"] = "RFC 8058 one-click unsubscribe from mail clients; the unguessable token in the address is the credential",
    };


    /// <summary>Every POST handler in the portal: page (view-engine path, e.g. /Members/Saved) and handler name.</summary>
    private static IEnumerable<(string Page, string Handler, Type Model)> PostHandlers()
    {
        var pages = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract && t.Namespace?.StartsWith("EHalsostodet.Web.Pages", StringComparison.Ordinal) == true);
        foreach (var model in pages)
        {
            var page = (model.Namespace!["EHalsostodet.Web.Pages".Length..].Replace('.', '/') + "/" + model.Name[..^"Model".Length]);
            foreach (var method in model.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal)))
            {
                var handler = method.Name["OnPost".Length..];
                handler = handler.EndsWith("Async", StringComparison.Ordinal) ? handler[..^"Async".Length] : handler;
                yield return (page, handler, model);
            }
        }
    }

    [TestMethod]
    public async Task Every_page_post_handler_refuses_a_post_without_an_antiforgery_token()
    {
        var routes = PageRoutes();
        var handlers = PostHandlers().Distinct().ToList();
        Assert.IsGreaterThan(30, handlers.Count, "the portal's post handlers are found");
        var problems = new List<string>();
        foreach (var (page, handler, model) in handlers)
        {
            var ignores = model.GetCustomAttribute<IgnoreAntiforgeryTokenAttribute>() is not null;
            if (Exempt.ContainsKey(page))
            {
                continue;
            }
            if (ignores)
            {
                problems.Add($"{page} tar emot POST utan antiforgery-token men står inte bland undantagen.");
                continue;
            }
            if (!routes.TryGetValue(page, out var url))
            {
                problems.Add($"Ingen adress för sidan {page} i behörighetsmatrisen.");
                continue;
            }
            var client = Portal.Clients[url.Role];
            var target = Portal.Url(url.Url) + (handler.Length > 0 ? "?handler=" + handler : "");
            using var content = new FormUrlEncodedContent([new("Email", "a@example.se"), new("Name", "x")]);
            using var response = await client.PostAsync(new Uri(target, UriKind.Relative), content);
            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                problems.Add($"POST {target} som {url.Role} utan token: {(int)response.StatusCode}, väntade 400");
            }
        }
        Assert.IsEmpty(problems, "\n" + string.Join("\n", problems));
    }

    [TestMethod]
    public void The_exempt_pages_still_exist()
    {
        var pages = PostHandlers().Select(h => h.Page).ToHashSet(StringComparer.Ordinal);
        foreach (var page in Exempt.Keys)
        {
            Assert.Contains(page, pages);
        }
    }

    /// <summary>Per page (view-engine path): a URL from the authorization matrix and a role that may open it.</summary>
    private static Dictionary<string, (string Url, string Role)> PageRoutes()
    {
        var endpoints = Factory.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Select(e => (Endpoint: e, Page: e.Metadata.GetMetadata<PageActionDescriptor>()))
            .Where(e => e.Page is not null)
            .ToList();
        var result = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var (route, url, expected) in AuthorizationMatrixTests.MatrixRows)
        {
            var pattern = route[4..];
            var endpoint = endpoints.FirstOrDefault(e => "/" + (e.Endpoint.RoutePattern.RawText ?? "").Trim('/') == pattern || (pattern == "/" && e.Endpoint.RoutePattern.RawText == ""));
            if (endpoint.Page is null || !route.StartsWith("GET ", StringComparison.Ordinal))
            {
                continue;
            }
            var expectations = expected.Split(' ');
            var index = Enumerable.Range(0, expectations.Length).Where(i => expectations[i] == "200").Select(i => (int?)i)
                .OrderByDescending(i => i == 1).FirstOrDefault();
            if (index is null)
            {
                continue;
            }
            result.TryAdd(endpoint.Page.ViewEnginePath, (url ?? pattern, SecurityPortal.Roles[index.Value]));
        }
        return result;
    }

    [TestMethod]
    public async Task A_cookie_authenticated_api_call_from_another_site_is_refused_and_changes_nothing()
    {
        var member = Portal.Clients[PortalRoles.Member];
        var story = Portal.Value("storyId");
        foreach (var (header, value) in new[] { ("Origin", "https://evil.example"), ("Sec-Fetch-Site", "cross-site"), ("Sec-Fetch-Site", "same-site") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, new Uri($"/api/v1/me/saved/{story}", UriKind.Relative));
            request.Headers.Add(header, value);
            using var response = await member.SendAsync(request);
            var problem = await ManagementClient.ProblemAsync(response, HttpStatusCode.Forbidden);
            StringAssert.Contains(problem.Detail(), "annan webbplats");
        }
        var saved = await ManagementClient.GetJsonAsync<JsonNode>(member, "/api/v1/me/saved");
        Assert.DoesNotContain(story, saved.ToJsonString(), "nothing was saved by the cross-site calls");

        // The portal's own pages (same origin) and bearer clients are not affected.
        using (var sameOrigin = new HttpRequestMessage(HttpMethod.Put, new Uri($"/api/v1/me/saved/{story}", UriKind.Relative)))
        {
            sameOrigin.Headers.Add("Origin", "http://localhost");
            sameOrigin.Headers.Add("Sec-Fetch-Site", "same-origin");
            using var response = await member.SendAsync(sameOrigin);
            Assert.IsTrue(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        }
        using var bearer = await Factory.BearerClientAsync(SecurityPortal.EmailOf(PortalRoles.Member));
        using var fromElsewhere = new HttpRequestMessage(HttpMethod.Delete, new Uri($"/api/v1/me/saved/{story}", UriKind.Relative));
        fromElsewhere.Headers.Add("Origin", "https://integration.example");
        using var bearerResponse = await bearer.SendAsync(fromElsewhere);
        Assert.IsTrue(bearerResponse.IsSuccessStatusCode, $"{(int)bearerResponse.StatusCode}");
    }

    [TestMethod]
    public async Task A_media_upload_with_the_back_office_cookie_needs_an_antiforgery_token()
    {
        var count = await Factory.WithScopeAsync(s => s.GetRequiredService<EHalsostodet.Core.Persistence.PortalDbContext>().MediaItems.CountAsync());
        using var response = await Portal.Clients[PortalRoles.Editor].PostAsync(new Uri("/api/management/v1/media", UriKind.Relative),
            EHalsostodet.Tests.Media.MediaLibraryTests.Upload(EHalsostodet.Tests.Media.TestImages.PlainJpeg, "bild.jpg", "image/jpeg", "En bild"));
        StringAssert.Contains((await ManagementClient.ProblemAsync(response, HttpStatusCode.Forbidden)).Detail(), "antiforgery");
        Assert.AreEqual(count, await Factory.WithScopeAsync(s => s.GetRequiredService<EHalsostodet.Core.Persistence.PortalDbContext>().MediaItems.CountAsync()));
    }

    [TestMethod]
    public async Task A_cross_site_management_call_with_the_back_office_cookie_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/management/v1/content/{Portal.Value("storyId")}/workflow/unpublish", UriKind.Relative))
        {
            Content = JsonContent.Create(new { }),
        };
        request.Headers.Add("Origin", "https://evil.example");
        using var response = await Portal.Clients[PortalRoles.Administrator].SendAsync(request);
        await ManagementClient.ProblemAsync(response, HttpStatusCode.Forbidden);
        using var story = await Portal.Clients[SecurityPortal.Anonymous].GetAsync(new Uri(Portal.Url("/berattelser/{story}"), UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.OK, story.StatusCode, "the story is still published");
    }
}
