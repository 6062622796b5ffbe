using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Media;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Tests.Infrastructure;
using EHalsostodet.Tests.Media;
using EHalsostodet.Tests.Members.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.Security;

/// <summary>
/// The low findings of issue 15: common passwords, the antiforgery cookie over HTTPS, no-store on
/// personal answers, no inline style for the CSP to block, reserved slugs and damaged PNGs.
/// </summary>
[TestClass]
public sealed class HardeningTests : SecurityTestClass<HardeningTests>
{

    [TestMethod]
    [DataRow("Password1234")]
    [DataRow("Sommar2024!!")]
    [DataRow("Qwertyuiop12")]
    [DataRow("Lösenord2026!")]
    [DataRow("P@ssw0rd1234")]
    [DataRow("123456789012")]
    [DataRow("E-hälsostödet2026")]
    [DataRow("abcdefghijkl")]
    [DataRow("Vinter-2025-!")]
    [DataRow("hahahahahaha")]
    [DataRow("Asdfghjkl123")]
    [DataRow("Stockholm2026")]
    [DataRow("0987654321!!")]
    public void Common_and_pattern_passwords_are_refused(string password) =>
        Assert.IsTrue(CommonPasswordValidator.IsCommon(password), password);

    [TestMethod]
    [DataRow("Testlosenord-2026")]
    [DataRow("Medlemslosenord-2026")]
    [DataRow("Startlosenord-2026-hemligt")]
    [DataRow("Korv med bröd i Kiruna")]
    [DataRow("Tre gröna äpplen på bordet")]
    [DataRow("vx9!Kq2#mZp4")]
    public void Personal_passwords_are_accepted(string password) =>
        Assert.IsFalse(CommonPasswordValidator.IsCommon(password), password);

    [TestMethod]
    public async Task A_common_password_is_refused_in_Swedish_on_registration_reset_change_and_back_office_creation()
    {
        // Registration.
        using (var registered = await MemberSteps.RegisterAsync(Factory.CreateBrowserClient(), "vanligt@kommun.example.se", "Sommar2024!!", "Sommar2024!!"))
        {
            var page = await new HtmlParser().ParseDocumentAsync(await registered.Content.ReadAsStringAsync());
            Assert.AreEqual(CommonPasswordValidator.Message, page.QuerySelector("#password-error")!.TextContent.Trim());
        }
        Assert.IsNull(await Factory.WithScopeAsync(s => s.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync("vanligt@kommun.example.se")));

        // Reset, through the mailed link.
        const string email = "aterstall.vanligt@kommun.example.se";
        await Factory.CreateUserAsync(email, PortalRoles.Member);
        var client = Factory.CreateBrowserClient();
        using (await Forms.PostAsync(client, "/mina-sidor/glomt-losenord", new Dictionary<string, string> { ["Email"] = email }))
        {
        }
        var link = MemberSteps.LinkTo((await MemberSteps.MailsToAsync(Factory, email, "Välj ett nytt lösenord")).Single(), "/mina-sidor/aterstall-losenord");
        using (var reset = await Forms.PostAsync(client, link, new Dictionary<string, string> { ["Password"] = "Password1234", ["ConfirmPassword"] = "Password1234" }))
        {
            StringAssert.Contains(await reset.Content.ReadAsStringAsync(), "för vanligt eller för lätt att gissa");
        }

        // Change: there is no change form (a member resets by mail), so through Identity's own change, which every future form would use.
        var changed = await Factory.WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<EHalsostodet.Core.Accounts.PortalUser>>();
            return await users.ChangePasswordAsync((await users.FindByEmailAsync(email))!, PortalFactory.Password, "Qwertyuiop12");
        });
        Assert.IsFalse(changed.Succeeded);
        CollectionAssert.Contains(changed.Errors.Select(e => e.Code).ToList(), CommonPasswordValidator.Code);

        // An account made by an administrator.
        using (var created = await Forms.PostAsync(Portal.Clients[PortalRoles.Administrator], "/redaktion/anvandare/ny", new Dictionary<string, string>
        {
            ["Email"] = "ny.redaktor@example.se", ["DisplayName"] = "Ny Redaktör", ["Password"] = "E-hälsostödet2026", ["Role"] = PortalRoles.Editor,
        }))
        {
            StringAssert.Contains(await created.Content.ReadAsStringAsync(), "för vanligt eller för lätt att gissa");
        }
        Assert.IsNull(await Factory.WithScopeAsync(s => s.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync("ny.redaktor@example.se")));
    }

    [TestMethod]
    public async Task The_antiforgery_cookie_is_Secure_over_HTTPS_and_behind_a_proxy_that_says_https()
    {
        static async Task<string> AntiforgeryCookieAsync(HttpClient client, string? forwardedProto = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/mina-sidor/logga-in");
            if (forwardedProto is not null)
            {
                request.Headers.Add("X-Forwarded-Proto", forwardedProto);
            }
            using var response = await client.SendAsync(request);
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
            return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        }

        using (var https = Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), HandleCookies = false }))
        {
            StringAssert.Contains((await AntiforgeryCookieAsync(https)).ToLowerInvariant(), "; secure");
        }
        using (var http = Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false }))
        {
            Assert.IsFalse((await AntiforgeryCookieAsync(http)).Contains("secure", StringComparison.OrdinalIgnoreCase), "plain http on localhost");
        }
        using var proxied = Factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new FromLoopback())))
            .CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        StringAssert.Contains((await AntiforgeryCookieAsync(proxied, "https")).ToLowerInvariant(), "; secure");
    }

    [TestMethod]
    public async Task Personal_answers_under_api_v1_me_and_shared_plans_are_never_stored()
    {
        var member = Portal.Clients[PortalRoles.Member];
        foreach (var (client, url) in new[]
        {
            (member, "/api/v1/me"),
            (member, "/api/v1/me/settings"),
            (member, "/api/v1/me/notifications"),
            (member, "/api/v1/me/export"),
            (Portal.Clients[SecurityPortal.Anonymous], "/api/v1/me"),
            (Portal.Clients[SecurityPortal.Anonymous], "/delad-handlingsplan/{planToken}"),
            (Portal.Clients[SecurityPortal.Anonymous], "/delad-handlingsplan/{planToken}/pdf"),
            (Portal.Clients[SecurityPortal.Anonymous], "/delad-handlingsplan/finns-inte"),
        })
        {
            using var response = await client.GetAsync(new Uri(Portal.Url(url), UriKind.Relative));
            Assert.IsTrue(response.Headers.CacheControl?.NoStore == true, $"{url} ({(int)response.StatusCode}): {response.Headers.CacheControl}");
            Assert.IsFalse(response.Headers.CacheControl!.Public, url);
        }
    }

    [TestMethod]
    public async Task Forms_carry_no_inline_style_for_the_CSP_to_block_and_errors_still_show()
    {
        var member = Portal.Clients[PortalRoles.Member];
        foreach (var (client, url) in new[]
        {
            (member, "/mina-sidor/profil"),
            (Portal.Clients[SecurityPortal.Anonymous], "/mina-sidor/registrera"),
            (Portal.Clients[SecurityPortal.Anonymous], "/mina-sidor/logga-in"),
            (Portal.Clients[PortalRoles.Administrator], "/redaktion/anvandare/ny"),
        })
        {
            var page = await client.GetPageAsync(url);
            Assert.AreEqual(0, page.QuerySelectorAll("[style]").Length, $"{url}: {string.Join(" ", page.QuerySelectorAll("[style]").Select(e => e.OuterHtml))}");
            Assert.IsNull(page.QuerySelector("main .alert-error"), $"{url}: an empty error box");
        }

        using var invalid = await Forms.PostAsync(member, "/mina-sidor/profil", new Dictionary<string, string> { ["DisplayName"] = new string('x', 300) });
        var withErrors = await new HtmlParser().ParseDocumentAsync(await invalid.Content.ReadAsStringAsync());
        var summary = withErrors.QuerySelector("main .alert-error")!;
        Assert.IsTrue(summary.QuerySelectorAll("li").Length > 0 && summary.TextContent.Trim().Length > 0, summary.OuterHtml);
        Assert.AreEqual(0, withErrors.QuerySelectorAll("[style]").Length);
    }

    [TestMethod]
    public async Task A_slug_that_names_one_of_the_portals_own_addresses_is_refused_in_Swedish()
    {
        var editor = Portal.Clients[PortalRoles.Editor];
        var page = (await (await editor.GetAsync(new Uri($"/api/management/v1/content/{Portal.Value("pageId")}", UriKind.Relative))).Content.ReadFromJsonAsync<JsonObject>())!["document"]!.DeepClone().AsObject();
        foreach (var slug in new[] { "redaktion", "api", "sok", "health", "css", "mina-sidor" })
        {
            page["slug"] = slug;
            page["title"] = "Sida " + slug;
            using var response = await editor.PostAsJsonAsync("/api/management/v1/content", new { type = "page", document = page });
            Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode, slug);
            var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
            StringAssert.Contains(errors["slug"]![0]!.GetValue<string>(), "används redan av portalen själv", slug);
        }
        Assert.AreEqual(0, DocumentValidator.Validate(ContentDocumentSerializer.Deserialize<PageDocument>(page.ToJsonString()) with { Slug = "om-portalen" })
            .Count(e => e.Field == "slug"));
    }

    [TestMethod]
    public void Every_first_path_segment_the_portal_routes_is_a_reserved_slug()
    {
        var segments = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.PathSegments.FirstOrDefault())
            .Where(s => s is { Parts: [Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart] })
            .Select(s => ((Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart)s!.Parts[0]).Content.ToLowerInvariant())
            .Where(Slugs.IsValid)
            .Distinct()
            .ToList();
        Assert.IsTrue(segments.Count > 10, string.Join(", ", segments));
        var missing = segments.Where(s => !ReservedSlugs.Contains(s)).ToList();
        Assert.AreEqual(0, missing.Count, "lägg till i ReservedSlugs: " + string.Join(", ", missing));
    }

    [TestMethod]
    public async Task A_damaged_PNG_is_refused_on_upload_with_a_Swedish_message()
    {
        using var editor = await Factory.BearerClientAsync(SecurityPortal.EmailOf(PortalRoles.Editor));
        var before = await Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().MediaItems.CountAsync());
        var accepted = new List<string>();
        foreach (var (name, png) in DamagedPngs())
        {
            using var response = await editor.PostAsync(new Uri("/api/management/v1/media", UriKind.Relative), MediaLibraryTests.Upload(png, "bild.png", "image/png", "En bild"));
            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                accepted.Add($"{name}: {(int)response.StatusCode}");
                continue;
            }
            var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.AreEqual(ImageProcessor.Damaged, problem["errors"]!["file"]![0]!.GetValue<string>(), name);
        }
        Assert.IsEmpty(accepted, string.Join("; ", accepted));
        Assert.AreEqual(before, await Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().MediaItems.CountAsync()));
        using var whole = await editor.PostAsync(new Uri("/api/management/v1/media", UriKind.Relative), MediaLibraryTests.Upload(TestImages.Png(40, 30, withMetadata: true), "hel.png", "image/png", "En hel bild"));
        Assert.AreEqual(HttpStatusCode.Created, whole.StatusCode, "a whole PNG passes");
    }

    /// <summary>PNGs with a valid signature and header whose chunks are broken in different ways.</summary>
    private static IEnumerable<(string Name, byte[] Png)> DamagedPngs()
    {
        var good = TestImages.Png(40, 30);
        var idat = good.AsSpan().IndexOf("IDAT"u8);
        var iend = good.AsSpan().IndexOf("IEND"u8) - 4;

        var badCrc = (byte[])good.Clone();
        badCrc[iend - 1] ^= 0xFF;
        yield return ("fel CRC", badCrc);

        var garbage = (byte[])good.Clone();
        for (var i = idat + 4; i < idat + 20; i++)
        {
            garbage[i] = 0x5A;
        }
        yield return ("skräp i bilddatan (med rätt CRC)", WithFixedCrcs(garbage));

        yield return ("utan IEND", good[..iend]);
        yield return ("avklippt mitt i IDAT", good[..(idat + 30)]);

        var tooFew = TestImages.Png(40, 29);
        var header = tooFew.AsSpan().IndexOf("IHDR"u8);
        var claimsMore = (byte[])tooFew.Clone();
        claimsMore[header + 4 + 7] = 30;
        yield return ("färre rader än huvudet säger", WithFixedCrcs(claimsMore));
    }

    /// <summary>The same chunks with their CRCs recomputed, so only the data itself is wrong.</summary>
    private static byte[] WithFixedCrcs(byte[] png)
    {
        var copy = (byte[])png.Clone();
        var position = 8;
        while (position + 12 <= copy.Length)
        {
            var length = (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(copy.AsSpan(position));
            var crc = Crc32(copy.AsSpan(position + 4, 4 + length));
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(position + 8 + length), crc);
            position += 12 + length;
        }
        return copy;
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }
        return crc ^ 0xFFFFFFFFu;
    }

    /// <summary>Test requests come from 127.0.0.1, as from a reverse proxy on the same machine.</summary>
    private sealed class FromLoopback : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate following) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Loopback;
                return following(context);
            });
            next(app);
        };
    }
}
