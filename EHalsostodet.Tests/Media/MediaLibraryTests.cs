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
public sealed class MediaLibraryTests : PortalTestClass<MediaLibraryTests>
{
    private const string EditorEmail = "media-redaktor@example.se";
    private const string ReviewerEmail = "media-granskare@example.se";
    private const string MediaApi = $"{Prefix}/media";

    private static HttpClient editor = null!;
    private static HttpClient reviewer = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        editor = await ApiClientOfNewAccountAsync(EditorEmail, PortalRoles.Editor, "Mira Media");
        reviewer = await ApiClientOfNewAccountAsync(ReviewerEmail, PortalRoles.Reviewer, "Greta Granskare");
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
        Factory.WithScopeAsync(s => s.GetRequiredService<EHalsostodet.Core.Persistence.PortalDbContext>().MediaItems.CountAsync());

    [TestMethod]
    public async Task A_jpeg_with_gps_metadata_uploads_and_comes_out_without_it()
    {
        var original = TestImages.JpegWithGps();
        Assert.IsTrue(TestImages.Contains(original, "GPS"));
        var created = await UploadOkAsync(editor, original, "semester.jpg", "image/jpeg", "Personal på ett äldreboende");
        var id = created["id"]!.GetValue<Guid>();
        Assert.AreEqual($"/media/{id}/original", created["url"]!.GetValue<string>());

        using var client = Factory.CreateClient();
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

        var stored = Directory.GetFiles(Path.Combine(Factory.DataFolder, "media"), $"{id:N}*");
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
        using var served = await Factory.CreateClient().GetAsync(new Uri(created["url"]!.GetValue<string>(), UriKind.Relative));
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
        await Factory.CreateUserAsync("media-medlem@example.se", PortalRoles.Member);
        using var member = await Factory.BearerClientAsync("media-medlem@example.se");
        using var forbidden = await member.PostAsync(new Uri(MediaApi, UriKind.Relative), Upload(TestImages.PlainJpeg, "a.jpg", "image/jpeg", "Alt"));
        Assert.AreEqual(HttpStatusCode.Forbidden, forbidden.StatusCode);
        using var anonymous = await Factory.CreateClient().PostAsync(new Uri(MediaApi, UriKind.Relative), Upload(TestImages.PlainJpeg, "a.jpg", "image/jpeg", "Alt"));
        Assert.AreEqual(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [TestMethod]
    public async Task Webp_variants_are_made_in_process_never_wider_than_the_original()
    {
        var created = await UploadOkAsync(editor, TestImages.Png(1000, 20), "bred.png", "image/png", "En bred bild");
        var widths = created["variants"]!.AsArray().Select(v => v!["width"]!.GetValue<int>()).ToList();
        CollectionAssert.AreEqual(new[] { 480, 960 }, widths, "never wider than the 1000 px original");
        using var served = await Factory.CreateClient().GetAsync(new Uri(created["variants"]![0]!["url"]!.GetValue<string>(), UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.OK, served.StatusCode);
        Assert.AreEqual("image/webp", served.Content.Headers.ContentType!.MediaType);
        var bytes = await served.Content.ReadAsByteArrayAsync();
        Assert.AreEqual(new ImageHeader(ImageFormat.WebP, 480, 10), new ImageSniffer(Microsoft.Extensions.Options.Options.Create(new MediaOptions())).Inspect(bytes).Header);
    }

    [TestMethod]
    public async Task A_sideways_phone_photo_is_stored_upright_and_neither_it_nor_its_variants_carry_metadata()
    {
        var photo = TestImages.SidewaysPhoneJpeg(1200, 800);
        Assert.IsTrue(TestImages.Contains(photo, "Exif") && TestImages.Contains(photo, "xmpmeta") && TestImages.Contains(photo, "ICC_PROFILE") && TestImages.Contains(photo, "Taken at home"));
        Assert.AreEqual((1200, 800), (TestImages.Read(photo).Width, TestImages.Read(photo).Height));
        CollectionAssert.Contains(TestImages.Read(photo).Metadata, "orientation");

        var created = await UploadOkAsync(editor, photo, "IMG_0001.jpg", "image/jpeg", "Undersköterska visar en surfplatta");
        Assert.AreEqual(800, created["width"]!.GetValue<int>(), "the upright width");
        Assert.AreEqual(1200, created["height"]!.GetValue<int>());

        using var client = Factory.CreateClient();
        var files = new List<(string Url, byte[] Bytes)>();
        foreach (var url in new[] { created["url"]! }.Concat(created["variants"]!.AsArray().Select(v => v!["url"]!)).Concat(created["cards"]!.AsArray().Select(v => v!["url"]!)))
        {
            files.Add((url.GetValue<string>(), await client.GetByteArrayAsync(new Uri(url.GetValue<string>(), UriKind.Relative))));
        }
        Assert.HasCount(3, files, "the original, a 480 px variant (the upright image is 800 px wide) and a 480 px card");
        foreach (var (url, bytes) in files)
        {
            var metadata = TestImages.Read(bytes).Metadata;
            Assert.IsEmpty(metadata, $"{url}: {string.Join(", ", metadata)}");
            foreach (var trace in new[] { "Exif", "GPS", "xmpmeta", "ICC_PROFILE", "ICCP", "Taken at home" })
            {
                Assert.IsFalse(TestImages.Contains(bytes, trace), $"{url} contains {trace}");
            }
        }
        var (original, variant) = (files[0].Bytes, files[1].Bytes);
        Assert.AreEqual((800, 1200), (TestImages.Read(original).Width, TestImages.Read(original).Height));
        Assert.AreEqual((480, 720), (TestImages.Read(variant).Width, TestImages.Read(variant).Height));
        foreach (var upright in new[] { original, variant })
        {
            Assert.IsTrue(TestImages.IsRedAt(upright, 90, 5), "the block the camera stored top left is top right once turned");
            Assert.IsFalse(TestImages.IsRedAt(upright, 10, 5));
            Assert.IsFalse(TestImages.IsRedAt(upright, 90, 95));
        }
    }

    [TestMethod]
    public async Task The_stored_original_of_a_large_upload_is_scaled_down_to_the_longest_side_kept_upright_and_without_metadata()
    {
        var maxSide = new MediaOptions().MaxOriginalSide;
        // 7000 px: JPEG decodes it at half size (3500) and the rest is scaled; stored sideways, so upright it is 4000 × 7000.
        var sideways = TestImages.SidewaysPhoneJpeg(7000, 4000);
        var webp = TestImages.BlueWithRedSquare(ImageFormat.WebP, 4000, 2000, 3000, 500, 400);
        var png = TestImages.BlueWithRedSquare(ImageFormat.Png, 3300, 600, 300, 300, 200);
        var uploads = new (byte[] Data, string Name, string ContentType, int Width, int Height)[]
        {
            (sideways, "stor.jpg", "image/jpeg", 4000 * maxSide / 7000, maxSide),
            (webp, "stor.webp", "image/webp", maxSide, maxSide / 2),
            (png, "stor.png", "image/png", maxSide, 600 * maxSide / 3300),
        };
        using var client = Factory.CreateClient();
        var kept = new List<byte[]>();
        foreach (var (data, name, contentType, width, height) in uploads)
        {
            var created = await UploadOkAsync(editor, data, name, contentType, "En stor bild");
            var stored = await client.GetByteArrayAsync(new Uri(created["url"]!.GetValue<string>(), UriKind.Relative));
            var (storedWidth, storedHeight, metadata) = TestImages.Read(stored);

            Assert.AreEqual(maxSide, Math.Max(storedWidth, storedHeight), $"{name}: the longest side of the stored original");
            Assert.AreEqual(width, storedWidth, 1, name);
            Assert.AreEqual(height, storedHeight, 1, name);
            Assert.AreEqual((storedWidth, storedHeight), (created["width"]!.GetValue<int>(), created["height"]!.GetValue<int>()), $"{name}: the row describes the file kept");
            Assert.IsEmpty(metadata, $"{name}: {string.Join(", ", metadata)}");
            kept.Add(stored);
        }
        var upright = kept[0];
        Assert.IsTrue(TestImages.IsRedAt(upright, 90, 5), "the block the camera stored top left is top right once turned");
        Assert.IsFalse(TestImages.IsRedAt(upright, 10, 5));
    }

    [TestMethod]
    public async Task A_truncated_jpeg_or_webp_is_refused_in_swedish_and_nothing_is_stored()
    {
        var before = await MediaCountAsync();
        foreach (var (format, contentType) in new[] { (ImageFormat.Jpeg, "image/jpeg"), (ImageFormat.WebP, "image/webp") })
        {
            var whole = TestImages.BlueWithRedSquare(format, 600, 400, 300, 200, 100);
            var half = whole[..(whole.Length / 2)];
            Assert.IsNotNull(new ImageSniffer(Microsoft.Extensions.Options.Options.Create(new MediaOptions())).Inspect(half).Header, "the header is whole");
            Assert.AreEqual(ImageProcessor.Damaged, await RefusedAsync(half, "halv" + format.Extension(), contentType, "Halv bild", "file"), format.ToString());
        }
        Assert.AreEqual(before, await MediaCountAsync());
    }

    [TestMethod]
    public async Task Unknown_media_is_404()
    {
        using var client = Factory.CreateClient();
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

        var page = await Factory.CreateClient().GetPageAsync($"/berattelser/{document["slug"]}");
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
        using var gone = await Factory.CreateClient().GetAsync(new Uri($"/media/{imageId}/original", UriKind.Relative));
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
        using var browser = await Factory.SignInAsync(EditorEmail);
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
        StringAssert.Contains(list.MainText(), "Bildbehandling (libvips 8.");
        Assert.IsNotNull(list.QuerySelector("nav a[href='/redaktion/media']"));

        var editorPage = await browser.GetPageAsync("/redaktion/innehall/ny/story");
        var picker = editorPage.QuerySelector("select[name='heroImageId']")!;
        Assert.IsNotNull(picker);
        Assert.AreEqual("Ingen bild", picker.QuerySelector("option")!.TextContent);
        Assert.IsTrue(picker.QuerySelectorAll("option").Any(o => o.TextContent.Contains("Kontor i kommunhuset (kontor.jpg)", StringComparison.Ordinal)));
    }

    private static async Task<HttpResponseMessage> PostMediaEditAsync(HttpClient browser, Guid imageId, string alt, string x, string y) =>
        await Forms.PostAsync(browser, $"/redaktion/media/{imageId}", new Dictionary<string, string> { ["Alt"] = alt, ["FocalPointX"] = x, ["FocalPointY"] = y });

    [TestMethod]
    public async Task A_card_crop_keeps_the_focal_point_in_view_and_a_new_focal_point_makes_new_crops()
    {
        // 1600 × 400 with a red square at 90 % from the left: a 16:9 crop around the centre leaves it out.
        var created = await UploadOkAsync(editor, TestImages.BlueWithRedSquare(ImageFormat.Png, 1600, 400, 1440, 200, 120), "panorama.png", "image/png", "Ett rött larm längst till höger");
        var imageId = created["id"]!.GetValue<Guid>();
        Assert.AreEqual(50, created["focalPoint"]!["x"]!.GetValue<int>());
        var centredCard = created["cards"]!.AsArray().Last()!["url"]!.GetValue<string>();
        using var client = Factory.CreateClient();
        var centred = await client.GetByteArrayAsync(new Uri(centredCard, UriKind.Relative));
        Assert.AreEqual((480, 270), (TestImages.Read(centred).Width, TestImages.Read(centred).Height), "the crop is 16:9 at a card width no wider than the 711 px crop");
        Assert.IsFalse(TestImages.HasRed(centred), "around the centre the red square is cut away");

        using var browser = await Factory.SignInAsync(EditorEmail);
        using var saved = await PostMediaEditAsync(browser, imageId, "Ett rött larm längst till höger", "90", "50");
        Assert.AreEqual(HttpStatusCode.SeeOther, saved.StatusCode, await saved.Content.ReadAsStringAsync());

        var item = (await GetJsonAsync<JsonArray>(editor, MediaApi)).Single(n => n!["id"]!.GetValue<Guid>() == imageId)!;
        Assert.AreEqual(90, item["focalPoint"]!["x"]!.GetValue<int>());
        var focusedCard = item["cards"]!.AsArray().Last()!["url"]!.GetValue<string>();
        Assert.AreNotEqual(centredCard, focusedCard, "a new focal point is a new address, so no cache shows the old crop");
        var focused = await client.GetByteArrayAsync(new Uri(focusedCard, UriKind.Relative));
        Assert.IsTrue(TestImages.HasRed(focused), "the crop around the focal point keeps the red square");
        Assert.IsTrue(TestImages.IsRedAt(focused, 78, 50), "where the square lies in the rightmost 16:9 crop (69–86 % across)");
        using var old = await client.GetAsync(new Uri(centredCard, UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.NotFound, old.StatusCode, "the old crop is gone");
        Assert.IsEmpty(Directory.GetFiles(Path.Combine(Factory.DataFolder, "media"), $"{imageId:N}-card-50-50-*"), "and so are its files");

        var page = await browser.GetPageAsync($"/redaktion/media/{imageId}");
        Assert.AreEqual("90", page.QuerySelector("#media-focal-x")!.GetAttribute("value"));
        Assert.AreEqual(focusedCard, page.QuerySelector("#card-preview")!.GetAttribute("src"));
    }

    [TestMethod]
    public async Task A_focal_point_outside_the_image_or_an_empty_alt_text_is_refused_in_swedish_and_keeps_what_was_typed()
    {
        var created = await UploadOkAsync(editor, TestImages.Png(600, 400), "diagram.png", "image/png", "Ett diagram över larm");
        var imageId = created["id"]!.GetValue<Guid>();
        using var browser = await Factory.SignInAsync(EditorEmail);

        using var refused = await PostMediaEditAsync(browser, imageId, "   ", "120", "femtio");
        Assert.AreEqual(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await new HtmlParser().ParseDocumentAsync(await refused.Content.ReadAsStringAsync());
        StringAssert.Contains(page.QuerySelector("#media-alt-error")!.TextContent, MediaLibrary.AltTextMissing);
        StringAssert.Contains(page.QuerySelector("#media-focal-error")!.TextContent, MediaLibrary.FocalPointOutOfRange);
        Assert.AreEqual("120", page.QuerySelector("#media-focal-x")!.GetAttribute("value"));
        Assert.AreEqual("femtio", page.QuerySelector("#media-focal-y")!.GetAttribute("value"));
        Assert.AreEqual("true", page.QuerySelector("#media-alt")!.GetAttribute("aria-invalid"));

        using var tooFar = await PostMediaEditAsync(browser, imageId, "Ett diagram över larm per månad", "101", "50");
        Assert.AreEqual(HttpStatusCode.BadRequest, tooFar.StatusCode);
        var tooFarPage = await new HtmlParser().ParseDocumentAsync(await tooFar.Content.ReadAsStringAsync());
        Assert.AreEqual("Ett diagram över larm per månad", tooFarPage.QuerySelector("#media-alt")!.GetAttribute("value"));

        var stored = await Factory.WithScopeAsync(s => s.GetRequiredService<MediaLibrary>().FindAsync(imageId, CancellationToken.None));
        Assert.AreEqual(("Ett diagram över larm", 50, 50), (stored!.AltText, stored.FocalPointX, stored.FocalPointY), "nothing was changed");
    }

    [TestMethod]
    public async Task A_changed_alt_text_shows_at_once_on_the_published_page()
    {
        var image = await UploadOkAsync(editor, TestImages.Png(800, 450), "larm.png", "image/png", "Ett trygghetslarm");
        var imageId = image["id"]!.GetValue<Guid>();
        var document = await NewStoryDocumentAsync(editor, "Ny alternativtext i Mediaby");
        document["heroImageId"] = imageId;
        using var createResponse = await editor.PostAsJsonAsync($"{Prefix}/content", new { type = "story", document });
        Assert.AreEqual(HttpStatusCode.Created, createResponse.StatusCode, await createResponse.Content.ReadAsStringAsync());
        var storyId = JsonNode.Parse(await createResponse.Content.ReadAsStringAsync())!["id"]!.GetValue<Guid>();
        await ActOkAsync(editor, storyId, "submit");
        await ActOkAsync(reviewer, storyId, "approve");
        using var anonymous = Factory.CreateClient();
        Assert.AreEqual("Ett trygghetslarm", (await anonymous.GetPageAsync($"/berattelser/{document["slug"]}")).QuerySelector("img.hero-image")!.GetAttribute("alt"));

        using var browser = await Factory.SignInAsync(EditorEmail);
        using var saved = await PostMediaEditAsync(browser, imageId, "Ett trygghetslarm på en äldre kvinnas handled", "50", "50");
        Assert.AreEqual(HttpStatusCode.SeeOther, saved.StatusCode);

        var story = await anonymous.GetPageAsync($"/berattelser/{document["slug"]}");
        Assert.AreEqual("Ett trygghetslarm på en äldre kvinnas handled", story.QuerySelector("img.hero-image")!.GetAttribute("alt"));
        var card = (await anonymous.GetPageAsync("/berattelser")).QuerySelectorAll("img.card-image").Single(i => i.GetAttribute("src")!.Contains(imageId.ToString(), StringComparison.Ordinal));
        Assert.AreEqual("Ett trygghetslarm på en äldre kvinnas handled", card.GetAttribute("alt"));
        StringAssert.Contains(card.GetAttribute("srcset"), $"/media/{imageId}/kort-50-50-480 480w", "cards show the 16:9 crop");
        Assert.AreEqual(("480", "270"), (card.GetAttribute("width"), card.GetAttribute("height")));
    }

    [TestMethod]
    public async Task An_image_uploaded_from_the_story_editor_is_chosen_and_everything_typed_is_kept()
    {
        using var browser = await Factory.SignInAsync(EditorEmail);
        const string editorUrl = "/redaktion/innehall/ny/story";
        var token = await Forms.TokenAsync(browser, editorUrl);
        MultipartFormDataContent Post(byte[] data, string alt)
        {
            var file = new ByteArrayContent(data);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            var form = new MultipartFormDataContent { { file, EHalsostodet.Web.BackOffice.Editing.HeroImageUpload.FileField, "hemtjanst.jpg" } };
            form.Add(new StringContent(token), "__RequestVerificationToken");
            form.Add(new StringContent("Nattkameror i Uppladdningsby"), "title");
            form.Add(new StringContent("Kameror ersatte nattliga besök."), "shortDescription");
            form.Add(new StringContent(alt), EHalsostodet.Web.BackOffice.Editing.HeroImageUpload.AltField);
            form.Add(new StringContent("upload"), "editorAction");
            return form;
        }

        using var refused = await browser.PostAsync(new Uri(editorUrl, UriKind.Relative), Post("inte en bild"u8.ToArray(), "Nattkamera i ett sovrum"));
        Assert.AreEqual(HttpStatusCode.BadRequest, refused.StatusCode);
        var refusedPage = await new HtmlParser().ParseDocumentAsync(await refused.Content.ReadAsStringAsync());
        StringAssert.Contains(refusedPage.QuerySelector("#f-heroImageFile-error")!.TextContent, ImageSniffer.NotAnImage);
        Assert.AreEqual("Nattkamera i ett sovrum", refusedPage.QuerySelector("#f-heroImageAlt")!.GetAttribute("value"));
        Assert.AreEqual("Nattkameror i Uppladdningsby", refusedPage.QuerySelector("#f-title")!.GetAttribute("value"));

        using var uploaded = await browser.PostAsync(new Uri(editorUrl, UriKind.Relative), Post(TestImages.BlueWithRedSquare(ImageFormat.Jpeg, 1000, 600, 500, 300, 100), "Nattkamera i ett sovrum"));
        Assert.AreEqual(HttpStatusCode.OK, uploaded.StatusCode);
        var page = await new HtmlParser().ParseDocumentAsync(await uploaded.Content.ReadAsStringAsync());
        Assert.AreEqual("Nattkameror i Uppladdningsby", page.QuerySelector("#f-title")!.GetAttribute("value"));
        Assert.AreEqual("Kameror ersatte nattliga besök.", page.QuerySelector("#f-shortDescription")!.TextContent.Trim());
        var chosen = page.QuerySelector("select[name='heroImageId'] option[selected]")!;
        StringAssert.StartsWith(chosen.TextContent, "Nattkamera i ett sovrum (hemtjanst.jpg)");
        var stored = await Factory.WithScopeAsync(s => s.GetRequiredService<MediaLibrary>().FindAsync(Guid.Parse(chosen.GetAttribute("value")!), CancellationToken.None));
        Assert.AreEqual("Nattkamera i ett sovrum", stored!.AltText, "the image is in the library with its alt text");
        StringAssert.Contains(page.QuerySelector("#hero-upload-status")!.TextContent, "vald som bild överst");
        Assert.AreEqual("", page.QuerySelector("#f-heroImageAlt")!.GetAttribute("value") ?? "", "the upload is done: its alt text field is empty again");
    }
}
