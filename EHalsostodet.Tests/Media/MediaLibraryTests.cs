using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Media;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static EHalsostodet.Tests.Api.ManagementClient;

namespace EHalsostodet.Tests.Media;

/// <summary>The media library through the portal: API, serving, back office, hero images.</summary>
[TestClass]
public sealed class MediaLibraryTests
{
    private const string EditorEmail = "media-redaktor@example.se";
    private const string ReviewerEmail = "media-granskare@example.se";
    private const string MediaApi = $"{Prefix}/media";

    private static PortalFactory factory = null!;
    private static HttpClient editor = null!;
    private static HttpClient reviewer = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        factory = new PortalFactory();
        await factory.CreateUserAsync(EditorEmail, PortalRoles.Editor, "Mira Media");
        await factory.CreateUserAsync(ReviewerEmail, PortalRoles.Reviewer, "Greta Granskare");
        editor = await factory.BearerClientAsync(EditorEmail);
        reviewer = await factory.BearerClientAsync(ReviewerEmail);
    }

    [ClassCleanup]
    public static void Stop()
    {
        editor.Dispose();
        reviewer.Dispose();
        factory.Dispose();
    }

    internal static MultipartFormDataContent Upload(byte[] data, string fileName, string contentType, string? alt)
    {
        var file = new ByteArrayContent(data);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var form = new MultipartFormDataContent { { file, "file", fileName } };
        if (alt is not null)
        {
            form.Add(new StringContent(alt), "alt");
        }
        return form;
    }

    private static async Task<JsonObject> UploadOkAsync(HttpClient client, byte[] data, string fileName, string contentType, string alt)
    {
        using var response = await client.PostAsync(new Uri(MediaApi, UriKind.Relative), Upload(data, fileName, contentType, alt));
        var body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.Created, response.StatusCode, body);
        return JsonNode.Parse(body)!.AsObject();
    }

    private static async Task<string> RefusedAsync(byte[] data, string fileName, string contentType, string? alt, string field)
    {
        using var response = await editor.PostAsync(new Uri(MediaApi, UriKind.Relative), Upload(data, fileName, contentType, alt));
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        return problem["errors"]![field]![0]!.GetValue<string>();
    }

    private static Task<int> MediaCountAsync() =>
        factory.WithScopeAsync(s => s.GetRequiredService<EHalsostodet.Core.Persistence.PortalDbContext>().MediaItems.CountAsync());

    [TestMethod]
    public async Task A_jpeg_with_gps_metadata_uploads_and_comes_out_without_it()
    {
        var original = TestImages.JpegWithGps();
        Assert.IsTrue(TestImages.Contains(original, "GPS"));
        var created = await UploadOkAsync(editor, original, "semester.jpg", "image/jpeg", "Personal på ett äldreboende");
        var id = created["id"]!.GetValue<Guid>();
        Assert.AreEqual($"/media/{id}/original", created["url"]!.GetValue<string>());

        using var client = factory.CreateClient();
        using var served = await client.GetAsync(new Uri(created["url"]!.GetValue<string>(), UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.OK, served.StatusCode);
        var bytes = await served.Content.ReadAsByteArrayAsync();
        Assert.IsFalse(TestImages.Contains(bytes, "Exif"));
        Assert.IsFalse(TestImages.Contains(bytes, "GPS"));
        CollectionAssert.AreEqual(new byte[] { 0xFF, 0xD8 }, bytes[..2]);
        Assert.AreEqual("image/jpeg", served.Content.Headers.ContentType!.MediaType);
        Assert.AreEqual("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.AreEqual("inline", served.Content.Headers.ContentDisposition!.DispositionType);
        Assert.IsTrue(served.Headers.CacheControl!.MaxAge >= TimeSpan.FromDays(365));
        Assert.IsNotNull(served.Headers.ETag);

        var stored = Directory.GetFiles(Path.Combine(factory.DataFolder, "media"), $"{id:N}*");
        Assert.IsTrue(stored.Length > 0);
        Assert.IsFalse(stored.Any(f => f.Contains("semester", StringComparison.Ordinal)), "the uploaded name is never used on disk");
        foreach (var file in stored)
        {
            Assert.IsFalse(TestImages.Contains(await File.ReadAllBytesAsync(file), "Exif"), file);
        }

        using var conditional = new HttpRequestMessage(HttpMethod.Get, created["url"]!.GetValue<string>());
        conditional.Headers.IfNoneMatch.Add(served.Headers.ETag!);
        using var notModified = await client.SendAsync(conditional);
        Assert.AreEqual(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [TestMethod]
    public async Task A_png_declared_as_jpg_is_recognised_as_png()
    {
        var created = await UploadOkAsync(editor, TestImages.Png(40, 30), "photo.jpg", "image/jpeg", "Ett diagram");
        var list = await GetJsonAsync<JsonArray>(editor, MediaApi);
        var item = list.Single(n => n!["id"]!.GetValue<Guid>() == created["id"]!.GetValue<Guid>())!;
        Assert.AreEqual("image/png", item["contentType"]!.GetValue<string>());
        Assert.AreEqual(40, item["width"]!.GetValue<int>());
        using var served = await factory.CreateClient().GetAsync(new Uri(created["url"]!.GetValue<string>(), UriKind.Relative));
        Assert.AreEqual("image/png", served.Content.Headers.ContentType!.MediaType);
    }

    [TestMethod]
    public async Task An_image_of_30000_by_30000_pixels_is_refused_and_nothing_is_stored()
    {
        var before = await MediaCountAsync();
        var message = await RefusedAsync(TestImages.PngHeaderOnly(30_000, 30_000), "bomb.png", "image/png", "Bomb", "file");
        StringAssert.Contains(message, "30000 × 30000 pixlar");
        StringAssert.Contains(message, "för stort");
        Assert.AreEqual(before, await MediaCountAsync());
    }

    [TestMethod]
    public async Task Non_images_and_uploads_without_alt_text_are_refused_in_swedish()
    {
        Assert.AreEqual(ImageSniffer.NotAnImage, await RefusedAsync("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"u8.ToArray(), "bild.png", "image/png", "Alt", "file"));
        Assert.AreEqual(MediaLibrary.AltTextMissing, await RefusedAsync(TestImages.PlainJpeg, "bild.jpg", "image/jpeg", null, "alt"));
        Assert.AreEqual(MediaLibrary.AltTextMissing, await RefusedAsync(TestImages.PlainJpeg, "bild.jpg", "image/jpeg", "   ", "alt"));
        Assert.AreEqual(MediaLibrary.AltTextTooLong, await RefusedAsync(TestImages.PlainJpeg, "bild.jpg", "image/jpeg", new string('a', 301), "alt"));
    }

    [TestMethod]
    public async Task Only_editors_may_upload()
    {
        await factory.CreateUserAsync("media-medlem@example.se", PortalRoles.Member);
        using var member = await factory.BearerClientAsync("media-medlem@example.se");
        using var forbidden = await member.PostAsync(new Uri(MediaApi, UriKind.Relative), Upload(TestImages.PlainJpeg, "a.jpg", "image/jpeg", "Alt"));
        Assert.AreEqual(HttpStatusCode.Forbidden, forbidden.StatusCode);
        using var anonymous = await factory.CreateClient().PostAsync(new Uri(MediaApi, UriKind.Relative), Upload(TestImages.PlainJpeg, "a.jpg", "image/jpeg", "Alt"));
        Assert.AreEqual(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [TestMethod]
    public async Task Webp_variants_are_made_when_libvips_is_available()
    {
        var created = await UploadOkAsync(editor, TestImages.Png(1000, 20), "bred.png", "image/png", "En bred bild");
        var available = await factory.WithScopeAsync(s => s.GetRequiredService<VipsVariantMaker>().IsAvailableAsync());
        if (!available)
        {
            Assert.Inconclusive("vipsthumbnail saknas på den här maskinen; test.sh installerar libvips-tools.");
        }
        var widths = created["variants"]!.AsArray().Select(v => v!["width"]!.GetValue<int>()).ToList();
        CollectionAssert.AreEqual(new[] { 480, 960 }, widths, "never wider than the 1000 px original");
        using var served = await factory.CreateClient().GetAsync(new Uri(created["variants"]![0]!["url"]!.GetValue<string>(), UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.OK, served.StatusCode);
        Assert.AreEqual("image/webp", served.Content.Headers.ContentType!.MediaType);
        var bytes = await served.Content.ReadAsByteArrayAsync();
        Assert.AreEqual(new ImageHeader(ImageFormat.WebP, 480, 10), new ImageSniffer(Microsoft.Extensions.Options.Options.Create(new MediaOptions())).Inspect(bytes).Header);
    }

    [TestMethod]
    public async Task Unknown_media_is_404()
    {
        using var client = factory.CreateClient();
        using var unknown = await client.GetAsync(new Uri($"/media/{Guid.NewGuid()}/original", UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.NotFound, unknown.StatusCode);
        var created = await UploadOkAsync(editor, TestImages.PlainJpeg, "liten.jpg", "image/jpeg", "Liten bild");
        using var noVariant = await client.GetAsync(new Uri($"/media/{created["id"]}/480", UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.NotFound, noVariant.StatusCode);
    }

    [TestMethod]
    public async Task An_image_in_use_as_a_story_hero_cannot_be_deleted_until_no_version_shows_it()
    {
        var image = await UploadOkAsync(editor, TestImages.Png(1000, 20), "hjalte.png", "image/png", "Sjuksköterska med surfplatta");
        var imageId = image["id"]!.GetValue<Guid>();
        var document = await NewStoryDocumentAsync(editor, "Hjältebild i Mediaby");
        document["heroImageId"] = imageId;
        using var createResponse = await editor.PostAsJsonAsync($"{Prefix}/content", new { type = "story", document });
        Assert.AreEqual(HttpStatusCode.Created, createResponse.StatusCode, await createResponse.Content.ReadAsStringAsync());
        var storyId = JsonNode.Parse(await createResponse.Content.ReadAsStringAsync())!["id"]!.GetValue<Guid>();
        await ActOkAsync(editor, storyId, "submit");
        await ActOkAsync(reviewer, storyId, "approve");

        var page = await factory.CreateClient().GetPageAsync($"/berattelser/{document["slug"]}");
        var hero = page.QuerySelector("img.hero-image")!;
        Assert.IsNotNull(hero);
        Assert.AreEqual("Sjuksköterska med surfplatta", hero.GetAttribute("alt"));
        StringAssert.Contains(hero.GetAttribute("srcset"), $"/media/{imageId}/original 1000w");
        Assert.AreEqual("lazy", hero.GetAttribute("loading"));
        Assert.AreEqual("1000", hero.GetAttribute("width"));
        Assert.IsNotNull(hero.GetAttribute("sizes"));
        StringAssert.EndsWith(page.QuerySelector("meta[property='og:image']")!.GetAttribute("content"), $"/media/{imageId}/original", "link previews show the hero");
        Assert.AreEqual("summary_large_image", page.QuerySelector("meta[name='twitter:card']")!.GetAttribute("content"));

        using var refused = await editor.DeleteAsync(new Uri($"{MediaApi}/{imageId}", UriKind.Relative));
        var problem = await ProblemAsync(refused, HttpStatusCode.Conflict);
        Assert.AreEqual(storyId, problem["usedBy"]![0]!["id"]!.GetValue<Guid>());
        StringAssert.Contains(problem.Detail(), "Hjältebild i Mediaby");

        document["heroImageId"] = null;
        document.Remove("heroImageId");
        using var saved = await editor.PutAsJsonAsync($"{Prefix}/content/{storyId}", new { document, baseVersion = 1 });
        Assert.AreEqual(HttpStatusCode.OK, saved.StatusCode, await saved.Content.ReadAsStringAsync());
        using var stillPublished = await editor.DeleteAsync(new Uri($"{MediaApi}/{imageId}", UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.Conflict, stillPublished.StatusCode, "the published version still shows it");
        await ActOkAsync(editor, storyId, "submit");
        await ActOkAsync(reviewer, storyId, "approve");

        using var deleted = await editor.DeleteAsync(new Uri($"{MediaApi}/{imageId}", UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await factory.CreateClient().GetAsync(new Uri($"/media/{imageId}/original", UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [TestMethod]
    public async Task A_hero_image_must_exist_in_the_library()
    {
        var document = await NewStoryDocumentAsync(editor, "Okänd bild i Mediaby");
        document["heroImageId"] = Guid.NewGuid();
        using var response = await editor.PostAsJsonAsync($"{Prefix}/content", new { type = "story", document });
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        StringAssert.Contains(problem["errors"]!["heroImageId"]![0]!.GetValue<string>(), "finns inte i mediebiblioteket");
    }

    [TestMethod]
    public async Task The_back_office_page_uploads_lists_usage_and_keeps_the_alt_text_on_error()
    {
        using var browser = await factory.SignInAsync(EditorEmail);
        var token = await Forms.TokenAsync(browser, "/redaktion/media");
        var form = Upload("inte en bild"u8.ToArray(), "bild.jpg", "image/jpeg", "Min noggranna alternativtext");
        form.Add(new StringContent(token), "__RequestVerificationToken");
        using var refused = await browser.PostAsync(new Uri("/redaktion/media?handler=Upload", UriKind.Relative), form);
        Assert.AreEqual(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await new HtmlParser().ParseDocumentAsync(await refused.Content.ReadAsStringAsync());
        Assert.AreEqual("Min noggranna alternativtext", page.QuerySelector("#media-alt")!.GetAttribute("value"));
        StringAssert.Contains(page.QuerySelector("#media-file-error")!.TextContent, ImageSniffer.NotAnImage);
        Assert.AreEqual("true", page.QuerySelector("#media-file")!.GetAttribute("aria-invalid"));

        var missingAlt = Upload(TestImages.PlainJpeg, "bild.jpg", "image/jpeg", "");
        missingAlt.Add(new StringContent(token), "__RequestVerificationToken");
        using var noAlt = await browser.PostAsync(new Uri("/redaktion/media?handler=Upload", UriKind.Relative), missingAlt);
        var noAltPage = await new HtmlParser().ParseDocumentAsync(await noAlt.Content.ReadAsStringAsync());
        StringAssert.Contains(noAltPage.QuerySelector("#media-alt-error")!.TextContent, MediaLibrary.AltTextMissing);

        var ok = Upload(TestImages.PlainJpeg, "kontor.jpg", "image/jpeg", "Kontor i kommunhuset");
        ok.Add(new StringContent(token), "__RequestVerificationToken");
        using var uploaded = await browser.PostAsync(new Uri("/redaktion/media?handler=Upload", UriKind.Relative), ok);
        Assert.AreEqual(HttpStatusCode.SeeOther, uploaded.StatusCode);
        var list = await browser.GetPageAsync("/redaktion/media");
        Assert.IsTrue(list.QuerySelectorAll(".media-item img").Any(i => i.GetAttribute("alt") == "Kontor i kommunhuset"));
        StringAssert.Contains(list.MainText(), "Bildbehandling (libvips)");
        Assert.IsNotNull(list.QuerySelector("nav a[href='/redaktion/media']"));

        var editorPage = await browser.GetPageAsync("/redaktion/innehall/ny/story");
        var picker = editorPage.QuerySelector("select[name='heroImageId']")!;
        Assert.IsNotNull(picker);
        Assert.AreEqual("Ingen bild", picker.QuerySelector("option")!.TextContent);
        Assert.IsTrue(picker.QuerySelectorAll("option").Any(o => o.TextContent.Contains("Kontor i kommunhuset (kontor.jpg)", StringComparison.Ordinal)));
    }

    [TestMethod]
    public async Task Without_libvips_the_portal_serves_the_stripped_original_and_says_so()
    {
        using var withoutVips = new PortalFactory(settings: new Dictionary<string, string?> { ["Media:VipsThumbnailPath"] = "/nonexistent/vipsthumbnail" });
        await withoutVips.CreateUserAsync(EditorEmail, PortalRoles.Editor);
        using var client = await withoutVips.BearerClientAsync(EditorEmail);
        using var response = await client.PostAsync(new Uri(MediaApi, UriKind.Relative), Upload(TestImages.Png(1000, 20, withMetadata: true), "bred.png", "image/png", "Bred bild"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.Created, response.StatusCode, body);
        var created = JsonNode.Parse(body)!;
        Assert.IsEmpty(created["variants"]!.AsArray());
        using var served = await withoutVips.CreateClient().GetAsync(new Uri(created["url"]!.GetValue<string>(), UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.OK, served.StatusCode);
        Assert.IsFalse(TestImages.Contains(await served.Content.ReadAsByteArrayAsync(), "tEXt"));

        using var browser = await withoutVips.SignInAsync(EditorEmail);
        StringAssert.Contains((await browser.GetPageAsync("/redaktion/media")).MainText(), "saknas");
        StringAssert.Contains((await browser.GetPageAsync("/redaktion")).MainText(), "Bildbehandling (libvips): saknas");
    }
}
