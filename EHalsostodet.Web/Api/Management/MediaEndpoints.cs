using EHalsostodet.Core.Content;
using EHalsostodet.Core.Media;
using EHalsostodet.Web.BackOffice;
using EHalsostodet.Web.Media;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using EHalsostodet.Web.Infrastructure;

namespace EHalsostodet.Web.Api.Management;

/// <summary>/media: the image library for integrations (upload, list, delete).</summary>
internal static class MediaEndpoints
{
    /// <summary>Room for the multipart framing and the alt text around the largest allowed file.</summary>
    private const long MultipartOverhead = 64 * 1024;

    public static RouteGroupBuilder MapMediaEndpoints(this RouteGroupBuilder api)
    {
        var media = api.MapGroup("/media").RequireEditor();
        media.MapPost("", UploadAsync)
            .Accepts<IFormFile>("multipart/form-data")
            .DisableAntiforgery()
            .WithName("UploadMedia")
            .WithSummary("Ladda upp en bild")
            .WithDescription("Multipart med fälten file (JPEG, PNG eller WebP; typen avgörs av filens innehåll) och alt (alternativtext, krävs, högst 300 tecken). Bilden vänds efter sin EXIF-orientering och all metadata (EXIF, GPS, XMP, ICC, kommentarer) tas bort. Svarar med id, url, WebP-varianter och beskurna kortbilder (16:9).");
        media.MapGet("", ListAsync).WithName("ListMedia").WithSummary("Lista bilderna i mediebiblioteket");
        media.MapDelete("/{id:guid}", DeleteAsync)
            .WithName("DeleteMedia")
            .WithSummary("Ta bort en bild")
            .WithDescription("Svarar 409 med listan över innehåll som använder bilden när den används.");
        return api;
    }

    private static async Task<Results<Created<MediaResponse>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        HttpContext context, MediaLibrary library, IAntiforgery antiforgery, IOptions<MediaOptions> options, CancellationToken cancellationToken)
    {
        var maxBytes = options.Value.MaxBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes + MultipartOverhead;
        }
        if (context.Request.ContentLength > maxBytes + MultipartOverhead)
        {
            return ManagementProblems.Invalid("file", ImageSniffer.TooManyBytes(context.Request.ContentLength.Value, maxBytes));
        }
        if (!context.Request.HasFormContentType)
        {
            return TypedResults.Problem("Skicka bilden som multipart/form-data med fälten file och alt.",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Fel innehållstyp");
        }
        // A form post can be made from another site with the back office's cookie; only a bearer token is exempt.
        if (!HasBearerToken(context.Request) && !await antiforgery.IsRequestValidAsync(context))
        {
            return ManagementProblems.Forbidden("Begäran saknar en giltig antiforgery-token. Använd en bearer-token från /api/auth/login.");
        }
        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = maxBytes + MultipartOverhead }, cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            // IOException: the body ended before the multipart form's closing boundary.
            return ManagementProblems.Invalid("file", $"Filen är för stor eller formuläret kunde inte läsas helt. Skicka det igen; högst {maxBytes / 1024.0 / 1024.0:0.#} MB är tillåtet.");
        }
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
        {
            return ManagementProblems.Invalid("file", MediaLibrary.FileMissing);
        }
        if (file.Length > maxBytes)
        {
            return ManagementProblems.Invalid("file", ImageSniffer.TooManyBytes(file.Length, maxBytes));
        }
        var data = await MediaUploadReader.ReadAsync(file, cancellationToken);
        var actor = context.User.ToActor();
        var outcome = await library.UploadAsync(new MediaUpload(data, file.FileName, form["alt"].ToString(), actor.UserId, actor.Name), cancellationToken);
        return outcome switch
        {
            MediaUploadOutcome.Stored stored => TypedResults.Created(MediaUrls.Original(stored.Item.Id), ToResponse(stored.Item, [])),
            MediaUploadOutcome.Refused refused => ManagementProblems.Invalid(refused.Field, refused.Message),
            _ => throw new InvalidOperationException(),
        };
    }

    private static async Task<Ok<IReadOnlyList<MediaResponse>>> ListAsync(MediaLibrary library, MediaUsages usages, CancellationToken cancellationToken)
    {
        var usedBy = await usages.AllAsync(cancellationToken);
        var items = await library.ListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<MediaResponse>>(items.Select(i => ToResponse(i, usedBy.GetValueOrDefault(i.Id) ?? [])).ToList());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, MediaLibrary library, CancellationToken cancellationToken) =>
        await library.DeleteAsync(id, cancellationToken) switch
        {
            MediaDeleteOutcome.Deleted => TypedResults.NoContent(),
            MediaDeleteOutcome.InUse inUse => TypedResults.Problem(
                $"Bilden används av {inUse.Usages.Count} innehåll: {string.Join(", ", inUse.Usages.Select(u => u.Title))}. Välj en annan bild där först.",
                statusCode: StatusCodes.Status409Conflict, title: "Bilden används och kan inte tas bort",
                extensions: new Dictionary<string, object?> { ["usedBy"] = ToUsages(inUse.Usages) }),
            _ => ManagementProblems.NotFound($"Det finns ingen bild med id {id}."),
        };

    private static bool HasBearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    private static IReadOnlyList<MediaUsageResponse> ToUsages(IReadOnlyList<MediaUsage> usages) =>
        usages.Select(u => new MediaUsageResponse(u.ItemId, ContentTypeNames.Key(u.Type), u.Title)).ToList();

    private static MediaResponse ToResponse(MediaItem item, IReadOnlyList<MediaUsage> usages) => new(
        item.Id, MediaUrls.Original(item.Id), item.Variants.Select(w => new MediaVariantResponse(w, MediaUrls.Variant(item.Id, w))).ToList(),
        item.Cards.Select(w => new MediaVariantResponse(w, MediaUrls.Card(item, w))).ToList(), new FocalPointResponse(item.FocalPointX, item.FocalPointY),
        item.AltText, item.OriginalFileName, item.ContentType, item.Width, item.Height, item.ByteSize, item.UploadedAt, ToUsages(usages));
}
