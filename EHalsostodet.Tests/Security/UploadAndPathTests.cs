using System.Net;
using System.Text;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Tests.Infrastructure;
using EHalsostodet.Tests.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static EHalsostodet.Tests.Api.ManagementClient;

namespace EHalsostodet.Tests.Security;

/// <summary>Hostile uploads to the media library are refused in Swedish and leave nothing behind; no address reads files outside what it serves.</summary>
[TestClass]
public sealed class UploadAndPathTests : SecurityTestClass<UploadAndPathTests>
{
    private const int MaxBytes = 200_000;

    private protected override PortalFactory CreatePortal() =>
        new(settings: new Dictionary<string, string?> { ["Media:MaxBytes"] = MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    private static Task<int> MediaCountAsync() =>
        Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().MediaItems.CountAsync());

    private static int StoredFileCount() =>
        Directory.Exists(Path.Combine(Factory.DataFolder, "media"))
            ? Directory.EnumerateFiles(Path.Combine(Factory.DataFolder, "media"), "*", SearchOption.AllDirectories).Count()
            : 0;

    public static IEnumerable<object[]> HostileFiles()
    {
        yield return ["SVG med skript", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><script>alert(1)</script></svg>"), "bild.svg", "image/svg+xml"];
        yield return ["SVG som .png", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"), "bild.png", "image/png"];
        yield return ["HTML som .jpg", Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"), "bild.jpg", "image/jpeg"];
        yield return ["GIF med skript", Encoding.ASCII.GetBytes("GIF89a/*\x01\x00\x01\x00\x00\x00\x00*/=alert(1)//;"), "bild.gif", "image/gif"];
        yield return ["JPEG-början med HTML", (byte[])[0xFF, 0xD8, 0xFF, 0xE0, .. Encoding.ASCII.GetBytes("<html><script>alert(1)</script></html>")], "bild.jpg", "image/jpeg"];
        yield return ["dekompressionsbomb (PNG 60 000 × 60 000)", TestImages.PngHeaderOnly(60_000, 60_000), "bomb.png", "image/png"];
        yield return ["för stor fil", (byte[])[.. TestImages.Png(16, 16), .. new byte[MaxBytes + 1]], "stor.png", "image/png"];
    }

    [TestMethod]
    [DynamicData(nameof(HostileFiles))]
    public async Task A_hostile_upload_is_refused_in_swedish_and_nothing_is_stored(string what, byte[] data, string fileName, string contentType)
    {
        using var editor = await Factory.BearerClientAsync(SecurityPortal.EmailOf(PortalRoles.Editor));
        var count = await MediaCountAsync();
        var files = StoredFileCount();

        using var response = await editor.PostAsync(new Uri($"{Prefix}/media", UriKind.Relative), MediaLibraryTests.Upload(data, fileName, contentType, "Alternativtext"));

        var body = await response.Content.ReadAsStringAsync();
        Assert.IsTrue(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"{what}: {(int)response.StatusCode} {body}");
        Assert.IsTrue(body.Any(c => "åäöÅÄÖ".Contains(c)), $"{what}: the refusal is in Swedish: {body}");
        Assert.AreEqual(count, await MediaCountAsync(), what);
        Assert.AreEqual(files, StoredFileCount(), what);
    }

    [TestMethod]
    public async Task A_jpeg_with_html_appended_is_served_as_an_image_that_cannot_be_sniffed_as_html()
    {
        using var editor = await Factory.BearerClientAsync(SecurityPortal.EmailOf(PortalRoles.Editor));
        byte[] polyglot = [.. TestImages.PlainJpeg, .. Encoding.ASCII.GetBytes("<html><script>alert(1)</script></html>")];

        using var response = await editor.PostAsync(new Uri($"{Prefix}/media", UriKind.Relative), MediaLibraryTests.Upload(polyglot, "bild.html", "text/html", "Bild"));

        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            return;
        }
        Assert.AreEqual(HttpStatusCode.Created, response.StatusCode);
        var id = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        using var served = await Portal.Clients[SecurityPortal.Anonymous].GetAsync(new Uri($"/media/{id}/original", UriKind.Relative));
        Assert.AreEqual("image/jpeg", served.Content.Headers.ContentType?.MediaType);
        Assert.AreEqual("nosniff", string.Join(",", served.Headers.GetValues("X-Content-Type-Options")));
        Assert.IsFalse(TestImages.Contains(await served.Content.ReadAsByteArrayAsync(), "<script>"), "data after the image's end is not kept");
    }

    [TestMethod]
    [DataRow("/media/..%2f..%2fportal.db/original")]
    [DataRow("/media/{media}/..%2f..%2f..%2fportal.db")]
    [DataRow("/media/{media}/%2e%2e%2f%2e%2e%2fportal.db")]
    [DataRow("/media/{media}/..%5c..%5cportal.db")]
    [DataRow("/media/{media}/....%2f%2f....%2f%2fportal.db")]
    [DataRow("/media/%2e%2e/%2e%2e/appsettings.json")]
    [DataRow("/media/../appsettings.json")]
    [DataRow("/%2e%2e/%2e%2e/appsettings.json")]
    [DataRow("/css/..%2f..%2fappsettings.json")]
    [DataRow("/..%2fappsettings.json")]
    [DataRow("/..%2f..%2fEHalsostodet.Web.dll")]
    [DataRow("/appsettings.json")]
    [DataRow("/EHalsostodet.Web.dll")]
    [DataRow("/berattelser/..%2f..%2fappsettings/pdf")]
    [DataRow("/delad-handlingsplan/..%2f..%2fportal.db/pdf")]
    [DataRow("/mina-sidor/handlingsplaner/..%2f..%2fportal.db/docx")]
    public async Task A_traversal_address_reads_no_file_outside_what_it_serves(string template)
    {
        using var response = await Portal.Clients[SecurityPortal.Anonymous].GetAsync(new Uri(Portal.Url(template), UriKind.Relative));

        Assert.IsFalse(response.IsSuccessStatusCode && response.Content.Headers.ContentType?.MediaType?.StartsWith("image/", StringComparison.Ordinal) != true
                       && response.Content.Headers.ContentType?.MediaType != "text/html", $"{template}: {(int)response.StatusCode} {response.Content.Headers.ContentType}");
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.IsFalse(TestImages.Contains(body, "SQLite format"), template);
        Assert.IsFalse(TestImages.Contains(body, "ConnectionStrings"), template);
        Assert.IsFalse(TestImages.Contains(body, "This program cannot be run in DOS mode"), template);
    }
}
